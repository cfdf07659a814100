import { findConflicts, mayHoldConflicts } from '../../commands/conflicts/markers';
import { lineSpan } from '../../util/text';
import type { Finding, Rule } from '../types';

export const MERGE_CONFLICT_RULE = 'text/merge-conflict';

const rule: Rule = {
  id: MERGE_CONFLICT_RULE,
  certainty: 'defect',
  fixable: false,
  docs:
    'A conflict git left in the issue (`<<<<<<<`, `|||||||`, `=======`, `>>>>>>>`), reported once, from its first marker to its last; ' +
    "the other rules say nothing inside it, where both sides' lines stand together, and none of their fixes edits it. " +
    "In a list section (community links, CFPs, events, jobs) its code action *Resolve by the section's rules* resolves it: both sides' entries, " +
    "each once (the same link; for events, the merge's matching), an entry one side changed as changed (the base tells which side, when the " +
    'markers carry it), events in their region and order; where both sides changed an entry differently, or the conflict spans text that ' +
    'is not a list, the action says why it leaves the conflict to a person. *TWiR: Resolve Conflicts by the Sections\' Rules* resolves every ' +
    'conflict it can, after a preview; `twir-lint merge-driver` does the same while git merges. A marker line outside any complete conflict is reported too.',
  example: {
    wrong: '### Official\n\n<<<<<<< ours\n* [Announcing Rust 1.95](https://blog.rust-lang.org/2026/04/16/Rust-1.95.0/)\n=======\n* [Rust Foundation news](https://foundation.rust-lang.org/news/)\n>>>>>>> theirs',
    right: '### Official\n\n* [Announcing Rust 1.95](https://blog.rust-lang.org/2026/04/16/Rust-1.95.0/)\n* [Rust Foundation news](https://foundation.rust-lang.org/news/)',
  },
  check({ model }) {
    if (!mayHoldConflicts(model.text)) return [];
    const { conflicts, stray } = findConflicts(model.lines);
    const findings: Finding[] = conflicts.map((conflict) => ({
      range: { start: { line: conflict.start, character: 0 }, end: { line: conflict.end, character: model.lines.lineText(conflict.end).length } },
      message: `Merge conflict (lines ${conflict.start + 1}–${conflict.end + 1}): keep what each side should keep and remove the markers; in a list section, "Resolve by the section's rules" does it.`,
    }));
    for (const line of stray) {
      findings.push({ range: lineSpan(line, 0, model.lines.lineText(line).length), message: 'A conflict marker outside any complete conflict: remove it, or restore the rest of its conflict.' });
    }
    return findings;
  },
};

export default rule;
