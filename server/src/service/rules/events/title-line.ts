import type { Entry, EntryLine } from '../../model/types';
import { lineSpan } from '../../util/text';
import type { Finding, Rule } from '../types';
import { eventsIn } from './common';

const INDENT = '    ';

const rule: Rule = {
  id: 'events/title-line',
  certainty: 'defect',
  fixable: true,
  local: true,
  docs:
    'The second line of an event: `    * [**Title**](url)`, indented by exactly 4 spaces. The site (Python-Markdown) ' +
    'renders a title line indented by 2 as a sibling of the event, not nested under it (105 published lines), and a ' +
    'line without its bullet as text. Reports a missing title line, the indent, the bullet and a title that is not ' +
    'bold, or only partly (`[**Rust Meetup #19**: Talks](…)`, an unbalanced `**`); fixes indent, bullet and bold.',
  peers: { eventsLint: 'rejects the same lines: it wants `    * ` and a link text that starts and ends with `**` (so it accepts `***Title***`, as we do)' },
  example: {
    in: 'events',
    wrong: '### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com/paris)\n  * [**Rust meetup**](https://example.com/paris/1)',
    right: '### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com/paris)\n    * [**Rust meetup**](https://example.com/paris/1)',
  },
  check({ model, span }) {
    return eventsIn(model, span).flatMap(titleFindings);
  },
};

function titleFindings(entry: Entry): Finding[] {
  const titleLines = entry.lines.slice(1 + entry.event!.continuation.length);
  if (titleLines.length === 0) {
    const overview = entry.lines[0];
    return [{ range: lineSpan(overview.line, overview.contentStart, overview.text.length), message: 'The event has no title line `    * [**Title**](url)` under it.' }];
  }
  return titleLines.flatMap((line) => lineFindings(entry, line));
}

/** Bold as the events team's linter reads it: the whole link text between `**` (also `***Title***`). */
const BOLD = /^\*\*[\s\S]*\*\*$/;

function lineFindings(entry: Entry, line: EntryLine): Finding[] {
  const findings: Finding[] = [];
  const whitespace = /^[ \t]*/.exec(line.text)![0];
  const indentRange = lineSpan(line.line, 0, whitespace.length);
  if (line.indent !== INDENT.length) {
    const flat = line.indent === 0 ? 'it renders as an event of its own' : 'it renders flat on the site, not nested';
    findings.push({
      range: line.indent === 0 ? lineSpan(line.line, 0, line.text.length) : indentRange,
      message:
        line.indent < INDENT.length
          ? `The title line is indented by ${line.indent} spaces: ${flat}. Indent it by 4.`
          : `The title line is indented by ${line.indent} spaces; TWiR indents it by 4.`,
      certainty: line.indent < INDENT.length ? 'defect' : 'convention',
      fix: { title: 'Indent by 4 spaces', edits: [{ range: indentRange, newText: INDENT }] },
    });
  }
  if (!line.bullet) {
    const position = { line: line.line, character: whitespace.length };
    findings.push({
      range: lineSpan(line.line, whitespace.length, line.text.length),
      message: 'The title line has no `* ` bullet: the site renders it as text of the event line.',
      fix: { title: 'Add the bullet', edits: [{ range: { start: position, end: position }, newText: '* ' }] },
    });
  }
  const titles = entry.links.filter((link) => link.line === line.line);
  if (titles.length === 0) {
    findings.push({ range: lineSpan(line.line, line.contentStart, line.text.length), message: 'The title line is a link: `[**Title**](url)`.', certainty: 'convention' });
    return findings;
  }
  // Several titles are joined with ` + `; a link after other text (`- [Stream](…)`) is no title.
  const joined = titles.filter((title, index) => index === 0 || line.text.slice(titles[index - 1].range.end.character, title.range.start.character).trim() === '+');
  for (const title of joined) {
    const written = line.text.slice(title.textRange.start.character, title.textRange.end.character);
    if (written.trim() === '' || BOLD.test(written) || title.textRange.start.line !== title.textRange.end.line) continue;
    // Partly bold (`**Meetup #19**: Talks`) or unbalanced (`**Meetup`): the whole text in bold, its own marks dropped.
    const plain = written.replace(/\*\*/g, '').trim();
    const partly = written.includes('**');
    findings.push({
      range: title.textRange,
      message: partly
        ? `Only part of the title is bold: write the whole of it in bold, \`[**${plain}**](…)\`.`
        : `Event titles are bold: \`[**${plain}**](…)\`.`,
      fix: { title: 'Make the title bold', edits: [{ range: title.textRange, newText: `**${plain}**` }] },
    });
  }
  return findings;
}

export default rule;
