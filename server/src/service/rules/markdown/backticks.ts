import { lineSpan } from '../../util/text';
import type { Finding, Rule } from '../types';

const SKIPPED_LINE_KINDS = new Set(['header', 'comment', 'code', 'blank']);
/** TWiR's CI drops fences before counting: ```` and ``` do not count. */
const FENCES = /````|```/g;
const EMPTY_PAIR = /(?<!`)``(?!`)/g;

const rule: Rule = {
  id: 'markdown/backticks',
  fixable: false,
  severity: 'warning',
  docs:
    "As TWiR's CI (`inspect_markdown.py`): a line with an odd number of backticks, which usually means a code " +
    'span that is not closed and swallows the text after it, and empty backtick pairs. Fences, comments and ' +
    'code blocks are not counted. A code span wrapped over two lines is valid Markdown but fails the CI too.',
  check({ model }) {
    const findings: Finding[] = [];
    for (let line = 0; line < model.lines.lineCount; line++) {
      if (SKIPPED_LINE_KINDS.has(model.lineKinds[line])) continue;
      const text = model.lines.lineText(line);
      if (!text.includes('`')) continue;
      for (const pair of text.matchAll(EMPTY_PAIR)) {
        findings.push({ range: lineSpan(line, pair.index, pair.index + 2), message: 'Empty backticks: an empty code span, or a broken one.' });
      }
      const count = text.replace(FENCES, '').split('`').length - 1;
      if (count % 2 === 1) {
        const last = text.lastIndexOf('`');
        findings.push({ range: lineSpan(line, last, last + 1), message: 'This line has an odd number of backticks: a code span is not closed.' });
      }
    }
    return findings;
  },
};

export default rule;
