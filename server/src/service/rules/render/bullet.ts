import { conventionsOf } from '../../conventions';
import { lineSpan } from '../../util/text';
import type { Finding, Rule } from '../types';
import { entriesIn } from '../span';

const rule: Rule = {
  id: 'render/bullet',
  fixable: true,
  local: true,
  certainty: 'convention',
  docs:
    'A list item written with `-` or `+` where TWiR uses `*`. Both render alike, but editors that rewrite ' +
    '`*` to `-` have broken drafts before (one commit rewrote 119 lines), and reviewers change them back (218 fixes). ' +
    'The first issues (2014) wrote `-`: they are not reported.',
  example: {
    in: 'events',
    wrong: '### Europe\n- 2026-01-20 | Paris, FR | [Rust Paris](https://example.com/paris)\n    - [**Rust meetup**](https://example.com/paris/1)',
    right: '### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com/paris)\n    * [**Rust meetup**](https://example.com/paris/1)',
  },
  check({ model, span }) {
    if (!conventionsOf(model).starBullets) return [];
    const findings: Finding[] = [];
    for (const entry of entriesIn(model, span)) {
      for (const line of entry.lines) {
        if (line.bullet !== '-' && line.bullet !== '+') continue;
        const column = line.text.length - line.text.trimStart().length;
        const range = lineSpan(line.line, column, column + 1);
        findings.push({ range, message: `Use \`*\` for list items, not \`${line.bullet}\`.`, fix: { title: 'Use `*`', edits: [{ range, newText: '*' }] } });
      }
    }
    return findings;
  },
};

export default rule;
