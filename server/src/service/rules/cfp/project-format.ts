import { lineSpan } from '../../util/text';
import type { Finding, Rule } from '../types';
import { bulletSpacing } from './shared';

/** The project named before the title: `project - title`, also with `–`, `—` or `:` (`Wild Almonds — Appimage fails`). */
const PROJECT_FIRST = /\S\s+[-–—]\s+\S|\S:\s+\S/;

const rule: Rule = {
  id: 'cfp/project-format',
  fixable: true,
  certainty: 'convention',
  docs:
    'A CFP - Projects entry as the template writes it: `* [project name - title of issue](URL to issue)`, one ' +
    'space after the bullet, the line starting with its link, and the link text naming the project before ' +
    '` - ` (or `–`, `—`, `:`). The fix normalises the space after the bullet.',
  example: {
    wrong: '## Call for Participation; projects and speakers\n\n### CFP - Projects\n\n*  [Cordial - Map the FLog channels](https://github.com/luohoa97/cordial/issues/13)',
    right: '## Call for Participation; projects and speakers\n\n### CFP - Projects\n\n* [Cordial - Map the FLog channels](https://github.com/luohoa97/cordial/issues/13)',
  },
  check({ model }) {
    const findings: Finding[] = [];
    for (const entry of model.entries) {
      if (entry.kind !== 'cfp-project') continue;
      const line = entry.lines[0];
      const spacing = bulletSpacing(line);
      if (spacing) findings.push(spacing);
      const link = entry.links[0];
      if (!link || link.line !== line.line || link.range.start.character !== line.contentStart || link.kind !== 'inline') {
        findings.push({ range: lineSpan(line.line, line.contentStart, line.text.length), message: 'Write the entry as `* [project name - title of issue](URL to issue)`.' });
      } else if (link.text.trim() !== '-' && !PROJECT_FIRST.test(link.text)) {
        findings.push({ range: link.textRange, message: 'Name the project first in the link text: `[project name - title of issue]`.' });
      }
    }
    return findings;
  },
};

export default rule;
