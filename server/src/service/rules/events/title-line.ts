import type { Entry, EntryLine } from '../../model/types';
import { lineSpan } from '../../util/text';
import type { Finding, Rule } from '../types';
import { currentEvents } from './common';

const INDENT = '    ';

const rule: Rule = {
  id: 'events/title-line',
  severity: 'error',
  fixable: true,
  docs:
    'The second line of an event: `    * [**Title**](url)`, indented by exactly 4 spaces. The site (Python-Markdown) ' +
    'renders a title line indented by 2 as a sibling of the event, not nested under it (105 published lines), and a ' +
    'line without its bullet as text. Reports a missing title line, the indent, the bullet and a title that is not bold; ' +
    'fixes indent, bullet and bold.',
  check({ model }) {
    const events = currentEvents(model);
    if (!events) return [];
    return events.regions.flatMap((region) => region.events.flatMap(titleFindings));
  },
};

function titleFindings(entry: Entry): Finding[] {
  if (entry.lines.length === 1) {
    const overview = entry.lines[0];
    return [{ range: lineSpan(overview.line, overview.contentStart, overview.text.length), message: 'The event has no title line `    * [**Title**](url)` under it.' }];
  }
  return entry.lines.slice(1).flatMap((line) => lineFindings(entry, line));
}

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
      severity: line.indent < INDENT.length ? 'error' : 'warning',
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
  const title = entry.links.find((link) => link.line === line.line);
  if (!title) {
    findings.push({ range: lineSpan(line.line, line.contentStart, line.text.length), message: 'The title line is a link: `[**Title**](url)`.', severity: 'warning' });
    return findings;
  }
  const written = line.text.slice(title.textRange.start.character, title.textRange.end.character);
  if (written !== '' && !/^(\*\*|__)[\s\S]*\1$/.test(written) && !/^[*_]|[*_]$/.test(written)) {
    const [start, end] = [title.textRange.start, title.textRange.end];
    findings.push({
      range: title.textRange,
      message: `Event titles are bold: \`[**${written}**](…)\`.`,
      severity: 'warning',
      fix: { title: 'Make the title bold', edits: [{ range: { start, end: start }, newText: '**' }, { range: { start: end, end }, newText: '**' }] },
    });
  }
  return findings;
}

export default rule;
