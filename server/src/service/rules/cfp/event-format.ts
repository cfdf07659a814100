import type { Entry, IssueModel, Link } from '../../model/types';
import { splitFields } from '../../model/events';
import { formatIsoDate, parseIsoDate, type IsoDate } from '../../util/dates';
import { lineSpan } from '../../util/text';
import { conventionsOf } from '../../conventions';
import type { Finding, Rule } from '../types';
import { bulletSpacing } from './shared';

const FORMAT = '`* [**event name**](URL to CFP) | CFP closes YYYY-MM-DD | city, state, country | YYYY-MM-DD`';
const DAY = /\b\d{4}-\d{1,2}-\d{1,2}\b/g;
const SEPARATOR = ' | ';
/** What the draft template writes before the first field: `[**event name**](URL to CFP)| …`. */
const TEMPLATE_SEPARATOR = '| ';
/** The field that says when the CFP closes, wherever it stands. */
const CLOSING = /clos|until|deadline|\bcfp\b/i;

const rule: Rule = {
  id: 'cfp/event-format',
  fixable: true,
  certainty: 'convention',
  docs:
    'A CFP - Events entry: `* [**event name**](URL to CFP) | CFP closes YYYY-MM-DD | city, state, country | ' +
    'YYYY-MM-DD` (the second field also reads `Closes D` or `CFP open until D`, the last `D - D` or `Event date: ' +
    'D`). Checks one space around each `|` (the draft template writes `)|` before the first, which is its style, ' +
    'not a mistake), four fields, real dates, and, from 2025 when the names became bold, the bold event name. A CFP ' +
    'that closed, or whose event took place, before the issue date is reported whatever the fields. The fixes make ' +
    'the name bold and normalise the spacing.',
  example: {
    wrong: '## Call for Participation; projects and speakers\n\n### CFP - Events\n\n* [TokioConf 2026](https://tokio.rs/blog/cfp) |CFP closes 2026-01-20 | Portland, Oregon, USA | 2026-04-20',
    right: '## Call for Participation; projects and speakers\n\n### CFP - Events\n\n* [**TokioConf 2026**](https://tokio.rs/blog/cfp) | CFP closes 2026-01-20 | Portland, Oregon, USA | 2026-04-20',
  },
  conventions: ['cfpBoldNames'],
  check({ model }) {
    const findings: Finding[] = [];
    const issueDate = model.header?.issueDate;
    for (const entry of model.entries) {
      if (entry.kind !== 'cfp-event') continue;
      const line = entry.lines[0];
      const spacing = bulletSpacing(line);
      if (spacing) findings.push(spacing);
      const fields = splitFields(line.text, line.contentStart);
      const name = entry.links[0];
      if (!name || name.line !== line.line || name.range.start.character !== line.contentStart) {
        findings.push({ range: lineSpan(line.line, line.contentStart, fields[0].end), message: `Start the entry with the event's link: ${FORMAT}.` });
      } else if (conventionsOf(model).cfpBoldNames && !/^(\*\*|__)[\s\S]*\1$/.test(writtenText(model, name))) {
        findings.push(boldFinding(name, writtenText(model, name)));
      }
      for (let i = 1; i < fields.length; i++) {
        const written = line.text.slice(fields[i - 1].end, fields[i].start);
        if (written === SEPARATOR || (i === 1 && written === TEMPLATE_SEPARATOR)) continue;
        // `||`: an empty field, reported as a missing one; spacing both of its separators would write `|  |`.
        if (fields[i].text === '' || fields[i - 1].text === '') continue;
        const gap = lineSpan(line.line, fields[i - 1].end, fields[i].start);
        findings.push({ range: gap, message: 'Write one space on each side of `|`.', fix: { title: 'Space the separator', edits: [{ range: gap, newText: SEPARATOR }] } });
      }
      const closing = fields.findIndex((field, index) => index > 0 && CLOSING.test(field.text));
      const closingField = fields[closing === -1 ? 1 : closing];
      const eventField = fields.length > 2 ? fields[fields.length - 1] : undefined;
      if (fields.length !== 4) findings.push({ range: entry.range, message: `Expected four fields separated by \`|\`: ${FORMAT}.` });
      if (closingField) findings.push(...dateFindings(entry, closingField, 'closing date', fields.length === 4, issueDate));
      if (eventField && eventField !== closingField) findings.push(...dateFindings(entry, eventField, 'event date', fields.length === 4, issueDate));
    }
    return findings;
  },
};

/** The link text as written, also when it wraps onto the next line. */
function writtenText(model: IssueModel, link: Link): string {
  return model.text.slice(model.lines.offsetAt(link.textRange.start), model.lines.offsetAt(link.textRange.end));
}

function boldFinding(name: Link, written: string): Finding {
  const { start, end } = name.textRange;
  // Partly bold or unbalanced (`**Oxidize Conference`): the whole name in bold, its own marks dropped (on one line).
  const edits =
    written.includes('**') && start.line === end.line
      ? [{ range: name.textRange, newText: `**${written.replace(/\*\*/g, '').trim()}**` }]
      : [{ range: { start, end: start }, newText: '**' }, { range: { start: end, end }, newText: '**' }];
  return { range: name.textRange, message: 'Write the event name in bold: `[**event name**](URL)`.', fix: { title: 'Make the event name bold', edits } };
}

/**
 * The dates of a field: each a real date (asked only of entries with their four fields), and, when the
 * issue date is known, not past — the CFP closed, or the event (its last day) took place, before it.
 */
function dateFindings(entry: Entry, field: { text: string; start: number }, what: 'closing date' | 'event date', complete: boolean, issueDate?: IsoDate): Finding[] {
  const line = entry.line;
  const days = [...field.text.matchAll(DAY)];
  if (days.length === 0) {
    return complete ? [{ range: lineSpan(line, field.start, field.start + field.text.length), message: `No ${what} as YYYY-MM-DD.` }] : [];
  }
  const findings: Finding[] = [];
  const dates = days.map((day) => ({ day, date: parseIsoDate(day[0]) }));
  for (const { day, date } of dates) {
    const range = lineSpan(line, field.start + day.index, field.start + day.index + day[0].length);
    if (!date) findings.push({ range, message: `The ${what} ${day[0]} is not a date.` });
    else if (formatIsoDate(date) !== day[0]) findings.push({ range, message: `Write the ${what} as YYYY-MM-DD: ${formatIsoDate(date)}.` });
  }
  const last = dates[dates.length - 1];
  if (issueDate && last.date && last.date.dayNumber < issueDate.dayNumber) {
    const range = lineSpan(line, field.start + last.day.index, field.start + last.day.index + last.day[0].length);
    findings.push({
      range,
      message:
        what === 'closing date'
          ? `This CFP closed on ${last.day[0]}, before this issue's date ${formatIsoDate(issueDate)}: remove it.`
          : `The event took place on ${last.day[0]}, before this issue's date ${formatIsoDate(issueDate)}: remove the CFP.`,
    });
  }
  return findings;
}

export default rule;
