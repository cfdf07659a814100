import { conventionsOf } from '../../conventions';
import type { Finding, Rule } from '../types';

const rule: Rule = {
  id: 'render/h1',
  certainty: 'convention',
  fixable: true,
  docs:
    'A `#` heading in the body renders as a second title of the page: TWiR\'s sections are `##` headings, and the ' +
    'only `#` heading is Quote of the Week (an old habit of the template, kept). Issues before mid-2022 also had ' +
    '`# Rust Jobs` and are not reported. The fix, offered one by one, makes it `##`.',
  example: {
    wrong: '# Crate of the Week\n\nThis week\'s crate is x.\n\n# Quote of the Week',
    right: '## Crate of the Week\n\nThis week\'s crate is x.\n\n# Quote of the Week',
  },
  conventions: ['h1OnlyForQuote'],
  check({ model }) {
    if (!conventionsOf(model).h1OnlyForQuote) return [];
    const findings: Finding[] = [];
    for (const section of model.allSections) {
      const heading = section.heading;
      if (heading.level !== 1 || section.kind === 'quote') continue;
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

export default rule;
