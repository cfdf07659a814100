import type { Entry, Link } from '../../model/types';
import { splitFields } from '../../model/events';
import { formatIsoDate, parseIsoDate, type IsoDate } from '../../util/dates';
import { lineSpan } from '../../util/text';
import type { Finding, Rule } from '../types';
import { bulletSpacing } from './shared';

const FORMAT = '`* [**event name**](URL to CFP) | CFP closes YYYY-MM-DD | city, state, country | YYYY-MM-DD`';
const DAY = /\b\d{4}-\d{1,2}-\d{1,2}\b/g;
const SEPARATOR = ' | ';

const rule: Rule = {
  id: 'cfp/event-format',
  fixable: true,
  severity: 'warning',
  docs:
    'A CFP - Events entry: `* [**event name**](URL to CFP) | CFP closes YYYY-MM-DD | city, state, country | ' +
    'YYYY-MM-DD` (the second field also reads `Closes D` or `CFP open until D`, the last `D - D` or `Event date: ' +
    'D`). Checks the bold event name, one space around each `|` (the template itself forgets the one before the ' +
    'first), four fields, and real dates; a CFP that closed before the issue date is reported too. The fixes ' +
    'make the name bold and normalise the spacing.',
  check({ model }) {
    const findings: Finding[] = [];
    for (const entry of model.entries) {
      if (entry.kind !== 'cfp-event') continue;
      const line = entry.lines[0];
      const spacing = bulletSpacing(line);
      if (spacing) findings.push(spacing);
      const fields = splitFields(line.text, line.contentStart);
      const name = entry.links[0];
      if (!name || name.line !== line.line || name.range.start.character !== line.contentStart) {
        findings.push({ range: lineSpan(line.line, line.contentStart, fields[0].end), message: `Start the entry with the event's link: ${FORMAT}.` });
      } else if (!/^(\*\*|__)[\s\S]*\1$/.test(textOf(model.lines.lineText(line.line), name))) {
        findings.push(boldFinding(name));
      }
      for (let i = 1; i < fields.length; i++) {
        const gap = lineSpan(line.line, fields[i - 1].end, fields[i].start);
        if (line.text.slice(fields[i - 1].end, fields[i].start) === SEPARATOR) continue;
        findings.push({ range: gap, message: 'Write one space on each side of `|`.', fix: { title: 'Space the separator', edits: [{ range: gap, newText: SEPARATOR }] } });
      }
      if (fields.length !== 4) {
        findings.push({ range: entry.range, message: `Expected four fields separated by \`|\`: ${FORMAT}.` });
        continue;
      }
      findings.push(...dateFindings(entry, fields[1], 'closing date', model.header?.issueDate));
      findings.push(...dateFindings(entry, fields[3], 'event date'));
    }
    return findings;
  },
};

function textOf(lineText: string, link: Link): string {
  return lineText.slice(link.textRange.start.character, link.textRange.end.character);
}

function boldFinding(name: Link): Finding {
  const { start, end } = name.textRange;
  return {
    range: name.textRange,
    message: 'Write the event name in bold: `[**event name**](URL)`.',
    fix: { title: 'Make the event name bold', edits: [{ range: { start, end: start }, newText: '**' }, { range: { start: end, end }, newText: '**' }] },
  };
}

/** The dates of a field: each a real date; the closing date, if the issue date is known, not past. */
function dateFindings(entry: Entry, field: { text: string; start: number }, what: string, issueDate?: IsoDate): Finding[] {
  const line = entry.line;
  const days = [...field.text.matchAll(DAY)];
  if (days.length === 0) {
    return [{ range: lineSpan(line, field.start, field.start + field.text.length), message: `No ${what} as YYYY-MM-DD.` }];
  }
  const findings: Finding[] = [];
  for (const day of days) {
    const range = lineSpan(line, field.start + day.index, field.start + day.index + day[0].length);
    const date = parseIsoDate(day[0]);
    if (!date) findings.push({ range, message: `The ${what} ${day[0]} is not a date.` });
    else if (formatIsoDate(date) !== day[0]) findings.push({ range, message: `Write the ${what} as YYYY-MM-DD: ${formatIsoDate(date)}.` });
    else if (issueDate && date.dayNumber < issueDate.dayNumber) {
      findings.push({ range, message: `This CFP closed on ${day[0]}, before this issue's date ${formatIsoDate(issueDate)}: remove it.` });
    }
  }
  return findings;
}

export default rule;
