import type { LineKind } from '../../model/types';
import { lineSpan, type LineIndex } from '../../util/text';
import type { Finding, Rule } from '../types';

const THEMATIC_BREAK = /^ {0,3}([*_-])(?: *\1){2,} *$/;
/** The end of a comment with something after it: Python-Markdown (3.4) then reads the next lines as text. */
const AFTER_COMMENT = /-->.+$/;

const rule: Rule = {
  id: 'render/list-after-paragraph',
  fixable: true,
  certainty: 'defect',
  appliesToTemplate: true,
  docs:
    'A list item on the line right after a paragraph (or a block quote), with no blank line between. A ' +
    'CommonMark preview starts a list there, but the site (Python-Markdown) renders the item as more text of ' +
    'the paragraph, bullet and all. A heading directly followed by a list is fine. The same happens to a list ' +
    'right under an HTML comment line with anything after its `-->`, a space included (measured with Python-Markdown ' +
    '3.4.1; comment handling changed in 3.5–3.7). The fix inserts a blank line (not in an Upcoming Events region, ' +
    'where a blank line ends the region), or ends the comment line with `-->`.',
  example: {
    wrong: '### [Approved RFCs](https://github.com/rust-lang/rfcs/commits/master)\n\nThese are the RFCs that were approved this week:\n* [RFC 1](https://github.com/rust-lang/rfcs/pull/1)',
    right: '### [Approved RFCs](https://github.com/rust-lang/rfcs/commits/master)\n\nThese are the RFCs that were approved this week:\n\n* [RFC 1](https://github.com/rust-lang/rfcs/pull/1)',
  },
  check({ model }) {
    const findings: Finding[] = [];
    const kinds = model.lineKinds;
    // In an events region a blank line ends the region for the events team's linter (events/blank-lines
    // removes it again, and fix-all would never settle): the text above is a stray line for a person.
    const inEventsRegion = (line: number) => model.events?.regions.some(({ section }) => section.heading.line < line && line < section.endLine) ?? false;
    for (let line = 1; line < kinds.length; line++) {
      const tail = kinds[line] === 'list' && kinds[line - 1] === 'comment' ? AFTER_COMMENT.exec(model.lines.lineText(line - 1)) : null;
      if (tail) {
        const range = lineSpan(line - 1, tail.index + 3, tail.index + tail[0].length);
        findings.push({
          range,
          message: 'Text after `-->` (a space counts) on the line above a list: the site renders the list as a paragraph, bullets and all. End the line with `-->`.',
          fix: { title: 'End the line with `-->`', edits: [{ range, newText: '' }] },
        });
      }
      if (kinds[line] !== 'list' || !endsParagraph(model.lines, kinds, line - 1)) continue;
      const start = { line, character: 0 };
      findings.push({
        range: model.lines.lineRange(line),
        message: 'This list item follows a paragraph without a blank line: the site renders it as part of the paragraph.',
        fix: inEventsRegion(line) ? undefined : { title: 'Insert a blank line before the list', edits: [{ range: { start, end: start }, newText: model.eol }] },
      });
    }
    return findings;
  },
};

/**
 * Whether the line is the last line of a paragraph or block quote: text that is not a thematic break
 * and not the continuation of a list item (text lines back to a list line belong to that item).
 */
function endsParagraph(lines: LineIndex, kinds: readonly LineKind[], line: number): boolean {
  if (kinds[line] === 'quote') return true;
  if (kinds[line] !== 'text' || THEMATIC_BREAK.test(lines.lineText(line))) return false;
  let first = line;
  while (first > 0 && kinds[first - 1] === 'text') first--;
  return first === 0 || kinds[first - 1] !== 'list';
}

export default rule;
