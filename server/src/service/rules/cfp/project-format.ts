import { lineSpan, type Range } from '../../util/text';
import type { Finding, Rule } from '../types';
import { bulletSpacing } from './shared';

/** The project named before the title: `project - title` (also `diesel- title`), with `–`, `—` or `:` (`Wild Almonds — Appimage fails`). */
const PROJECT_FIRST = /\S\s*[-–—]\s+\S|\S:\s+\S/;

const rule: Rule = {
  id: 'cfp/project-format',
  fixable: true,
  certainty: 'convention',
  docs:
    'A CFP - Projects entry as the template writes it: `* [project name - title of issue](URL to issue)`, one ' +
    'space after the bullet, the line starting with its link, and the link text naming the project before ' +
    '` - ` (or `–`, `—`, `:`). Reports what copying the title from GitHub leaves: the comment count at its end ' +
    '(`… replacer 1`, shown on the site) and non-breaking spaces (a hint). The fixes normalise the space after the ' +
    'bullet, remove the count and write plain spaces.',
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
      } else {
        if (link.text.trim() !== '-' && !PROJECT_FIRST.test(link.text)) {
          findings.push({ range: link.textRange, message: 'Name the project first in the link text: `[project name - title of issue]`.' });
        }
        findings.push(...pageCopyFindings(line.text, link.textRange));
      }
    }
    return findings;
  },
};

/** What copying an issue's title from its GitHub page brings along: its comment count after a non-breaking space. */
const COMMENT_COUNT = /\u00a0\d+$/;

/**
 * GitHub page-copy leftovers in the link text: the comment count (shown on the site: "… replacer 1"),
 * and non-breaking spaces (shown as spaces: a hint).
 */
function pageCopyFindings(text: string, textRange: Range): Finding[] {
  const { line, character: start } = textRange.start;
  const written = text.slice(start, textRange.end.character);
  const findings: Finding[] = [];
  const count = COMMENT_COUNT.exec(written);
  if (count) {
    const range = lineSpan(line, start + count.index, start + written.length);
    findings.push({
      range,
      message: `The title ends with the issue's comment count, \`${count[0].trim()}\`, copied from its GitHub page: remove it.`,
      fix: { title: 'Remove the comment count', edits: [{ range, newText: '' }] },
    });
  }
  for (const space of written.slice(0, count?.index).matchAll(/\u00a0/g)) {
    const range = lineSpan(line, start + space.index, start + space.index + 1);
    findings.push({ range, certainty: 'hint', message: 'A non-breaking space copied from a GitHub page: write a plain space.', fix: { title: 'Write a plain space', edits: [{ range, newText: ' ' }] } });
  }
  return findings;
}

export default rule;
