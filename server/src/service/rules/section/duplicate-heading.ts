import type { Section } from '../../model/types';
import type { Finding, Rule } from '../types';

const rule: Rule = {
  id: 'section/duplicate-heading',
  certainty: 'convention',
  fixable: false,
  docs:
    'The same heading twice at the same place of the tree (two `### Europe` under Upcoming Events, two ' +
    '`### Official` in the community section): readers see two sections where one is meant, and the outline and ' +
    'the rules treat them apart. No fix: moving the entries of one into the other is left to a person.',
  example: {
    wrong: '## Updates from Rust Community\n\n### Official\n* [a](https://a.example)\n\n### Official\n* [b](https://b.example)',
    right: '## Updates from Rust Community\n\n### Official\n* [a](https://a.example)\n* [b](https://b.example)',
  },
  check({ model }) {
    const findings: Finding[] = [];
    const byParent = new Map<Section | undefined, Map<string, Section>>();
    for (const section of model.allSections) {
      const key = `${section.heading.level} ${section.heading.text.trim().toLowerCase()}`;
      let seen = byParent.get(section.parent);
      if (!seen) byParent.set(section.parent, (seen = new Map()));
      const first = seen.get(key);
      if (!first) {
        seen.set(key, section);
        continue;
      }
      findings.push({
        range: section.heading.range,
        message: `\`${'#'.repeat(section.heading.level)} ${section.heading.text}\` is here twice (also line ${first.heading.line + 1}): keep one section.`,
      });
    }
    return findings;
  },
};

export default rule;
