import { lineSpan } from '../../util/text';
import type { Finding, Rule } from '../types';

/** Python-Markdown nests a list only four spaces (one tab stop) deeper than its parent. */
const NESTING_STEP = 4;

const rule: Rule = {
  id: 'render/nested-indent',
  fixable: true,
  certainty: 'defect',
  appliesToTemplate: true,
  docs:
    'A nested list item indented by other than a multiple of 4 spaces. The site renders with Python-Markdown, ' +
    'which nests a list only 4 spaces deeper than its parent: an item indented by 2 or 3 spaces shows as a ' +
    'sibling of its parent, although a CommonMark preview nests it. The fix indents it by 4 spaces per level. ' +
    '(Event title lines are checked by `events/title-line`.)',
  example: {
    wrong: '## Updates from Rust Community\n\n### Observations/Thoughts\n* [A post](https://example.com/post)\n  * [Its discussion](https://example.com/discussion)',
    right: '## Updates from Rust Community\n\n### Observations/Thoughts\n* [A post](https://example.com/post)\n    * [Its discussion](https://example.com/discussion)',
  },
  check({ model }) {
    const findings: Finding[] = [];
    for (const entry of model.entries) {
      if (entry.kind === 'event') continue;
      // The indents of the open list levels, outermost first, as CommonMark nests them.
      const levels = [entry.lines[0].indent];
      const base = levels[0] - (levels[0] % NESTING_STEP);
      for (const line of entry.lines.slice(1)) {
        if (!line.bullet) continue;
        while (levels.length > 1 && levels[levels.length - 1] > line.indent) levels.pop();
        if (line.indent > levels[levels.length - 1]) levels.push(line.indent);
        const expected = base + (levels.length - 1) * NESTING_STEP;
        if (line.indent === expected) continue;
        const whitespace = line.text.length - line.text.trimStart().length;
        const range = lineSpan(line.line, 0, whitespace);
        findings.push({
          range,
          message: `This nested item is indented by ${line.indent} spaces: the site renders it flat. Indent it by ${expected}.`,
          fix: { title: `Indent by ${expected} spaces`, edits: [{ range, newText: ' '.repeat(expected) }] },
        });
      }
    }
    return findings;
  },
};

export default rule;
