import { conventionsOf } from '../../conventions';
import type { IssueModel } from '../../model/types';
import { lineSpan } from '../../util/text';
import type { Finding, Rule } from '../types';
import { visibleLines } from '../visible-text';

const rule: Rule = {
  id: 'render/h1',
  certainty: 'convention',
  fixable: true,
  docs:
    'A `#` heading in the body renders as a second title of the page: TWiR\'s sections are `##` headings, and the ' +
    'only `#` heading is Quote of the Week (an old habit of the template, kept). Issues before mid-2022 also had ' +
    '`# Rust Jobs` and are not reported; a `#` heading quoted in Quote of the Week (`> # …`) is the quote\'s. ' +
    'The fix, offered one by one, makes it `##`. Also, in any issue, a line starting with `#` and no space ' +
    '(`#122010, which …`): the site shows it as a heading (Python-Markdown needs no space), an error; the fix ' +
    'escapes the `#`.',
  example: {
    wrong: '# Crate of the Week\n\nThis week\'s crate is x.\n\n# Quote of the Week',
    right: '## Crate of the Week\n\nThis week\'s crate is x.\n\n# Quote of the Week',
  },
  check({ model }) {
    const findings: Finding[] = unspacedHeadings(model);
    if (!conventionsOf(model).h1OnlyForQuote) return findings;
    for (const section of model.allSections) {
      const heading = section.heading;
      // `> # …` quoted in Quote of the Week is part of the quote, not a title of the issue.
      if (heading.level !== 1 || section.kind === 'quote' || /^\s*>/.test(model.lines.lineText(heading.line))) continue;
      const marks = model.lines.lineText(heading.line).indexOf('#');
      const at = { line: heading.line, character: marks };
      findings.push({
        range: heading.range,
        message: `\`# ${heading.text}\` renders as a second title of the issue: write it as a section, \`## ${heading.text}\`.`,
        fix: { title: 'Make it `##`', edits: [{ range: { start: at, end: at }, newText: '#' }], safe: false },
      });
    }
    return findings;
  },
};

/**
 * `#122010, which …` at the start of a line: Python-Markdown makes a heading of `#` without a space
 * (CommonMark, and so an editor's preview, does not). Escaping the `#` keeps the text as written.
 */
function unspacedHeadings(model: IssueModel): Finding[] {
  const findings: Finding[] = [];
  for (const { line, text } of visibleLines(model)) {
    if (model.lineKinds[line] === 'code' || !/^#{1,6}[^#\s]/.test(text)) continue;
    const at = { line, character: 0 };
    findings.push({
      range: lineSpan(line, 0, text.length),
      certainty: 'defect',
      message: `The site shows this line as a heading: Python-Markdown reads \`#\` at the start of a line as one, even without a space. Write \`\\#\` to keep the \`#\`.`,
      fix: { title: 'Escape the `#`', edits: [{ range: { start: at, end: at }, newText: '\\' }] },
    });
  }
  return findings;
}

export default rule;
