import { withoutMarkers } from '../../model/submerge';
import { lineSpan } from '../../util/text';
import type { Finding, Rule } from '../types';
import { linesIn } from '../span';

/** TWiR's CI drops fences before counting: ```` and ``` do not count. */
const FENCES = /````|```/g;

const rule: Rule = {
  id: 'markdown/backticks',
  fixable: false,
  local: true,
  certainty: 'convention',
  docs:
    "As TWiR's CI (`inspect_markdown.py`): a line with an odd number of backticks, which usually means a code " +
    'span that is not closed and swallows the text after it, and empty backtick pairs. Fence markers (```, ````) ' +
    'are dropped before counting; comments and code blocks are counted, as the CI counts every line, but not submerge ' +
    'markers (a PR title may hold backticks), which `submerge merge` removes before the CI sees the file. A code span ' +
    'wrapped over two lines is valid Markdown but fails the CI too.',
  peers: { twirCi: 'same check on every line, comments and code included' },
  example: {
    wrong: '## Jobs\n\n* [Stabilize `Option::zip](https://github.com/rust-lang/rust/pull/72938)',
    right: '## Jobs\n\n* [Stabilize `Option::zip`](https://github.com/rust-lang/rust/pull/72938)',
  },
  check({ model, span }) {
    const findings: Finding[] = [];
    for (const line of linesIn(model, span)) {
      const text = withoutMarkers(model.lines.lineText(line), line, model.markers);
      if (!text.includes('`')) continue;
      const counted = text.replace(FENCES, '');
      if (counted.includes('``')) {
        findings.push({ range: lineSpan(line, 0, text.length), message: 'Empty backticks: an empty code span, or a broken one.' });
      }
      const count = counted.split('`').length - 1;
      if (count % 2 === 1) {
        const last = text.lastIndexOf('`');
        findings.push({ range: lineSpan(line, last, last + 1), message: 'This line has an odd number of backticks: a code span is not closed.' });
      }
    }
    return findings;
  },
};

export default rule;
