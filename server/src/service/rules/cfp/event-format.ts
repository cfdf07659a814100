import type { Entry, IssueModel, Link } from '../../model/types';
import { splitFields } from '../../model/events';
import { formatIsoDate, parseIsoDate, type IsoDate } from '../../util/dates';
import { lineSpan } from '../../util/text';
import { conventionsOf } from '../../conventions';
import type { Finding, Rule } from '../types';
import { bulletSpacing } from './shared';

const FORMAT = '`* [**event name**](URL to CFP) | CFP closes YYYY-MM-DD | city, state, country | YYYY-MM-DD`';
const DAY = /\b\d{4}-\d{1,2}-\d{1,2}\b/g;
const HAS_DAY = /\b\d{4}-\d{1,2}-\d{1,2}\b/;
const SEPARATOR = ' | ';
/** What the draft template writes before the first field: `[**event name**](URL to CFP)| …`. */
const TEMPLATE_SEPARATOR = '| ';
/** The field that says when the CFP closes, wherever it stands. */
const CLOSING = /clos|until|deadline|\bcfp\b/i;
/** A deadline that is no date, published as written (conventions.ts wordDeadlines). */
const WORD_DEADLINE = /rolling|until filled|ongoing/i;

const rule: Rule = {
  id: 'cfp/event-format',
  fixable: true,
  certainty: 'convention',
  docs:
    'A CFP - Events entry: `* [**event name**](URL to CFP) | CFP closes YYYY-MM-DD | city, state, country | ' +
    'YYYY-MM-DD` (the second field also reads `Closes D`, `CFP open until D` or a deadline in words such as ' +
    '`Rolling deadline`, the last `D - D` or `Event date: D`). Checks one space around each `|` (the draft template ' +
    'writes `)|` before the first, published every year beside `) |`: a hint), four fields, real dates, and, from ' +
    '2025 when the names became bold, the bold event name. A CFP that closed, or whose event took place, before the ' +
    'issue date is reported whatever the fields, an error when the date is in a year already past or the event ends ' +
    'before its CFP closes (a year not updated). The fixes make the name bold and normalise the spacing.',
  example: {
    wrong: '## Call for Participation; projects and speakers\n\n### CFP - Events\n\n* [TokioConf 2026](https://tokio.rs/blog/cfp) |CFP closes 2026-01-20 | Portland, Oregon, USA | 2026-04-20',
    right: '## Call for Participation; projects and speakers\n\n### CFP - Events\n\n* [**TokioConf 2026**](https://tokio.rs/blog/cfp) | CFP closes 2026-01-20 | Portland, Oregon, USA | 2026-04-20',
  },
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
        if (written === SEPARATOR) continue;
        // `||`: an empty field, reported as a missing one; spacing both of its separators would write `|  |`.
        if (fields[i].text === '' || fields[i - 1].text === '') continue;
        const gap = lineSpan(line.line, fields[i - 1].end, fields[i].start);
        const fix = { title: 'Space the separator', edits: [{ range: gap, newText: SEPARATOR }] };
        // `)|`: the template's own comment writes it, and every year both forms were published.
        if (i === 1 && written === TEMPLATE_SEPARATOR) findings.push({ range: gap, certainty: 'hint', message: 'Most CFP lines put a space before the first `|` (the template writes `)|`).', fix });
        else findings.push({ range: gap, message: 'Write one space on each side of `|`.', fix });
      }
      const closing = fields.findIndex((field, index) => index > 0 && CLOSING.test(field.text));
      const closingField = fields[closing === -1 ? 1 : closing];
      // The event's dates are in the last field that has any (a fifth field may link the event's site).
      const dated = fields.filter((field, index) => index > 1 && field !== closingField && HAS_DAY.test(field.text));
      const eventField = dated[dated.length - 1] ?? (fields.length > 2 ? fields[fields.length - 1] : undefined);
      if (fields.length !== 4) findings.push({ range: entry.range, message: `Expected four fields separated by \`|\`: ${FORMAT}.` });
      const closes = closingField && !WORD_DEADLINE.test(closingField.text) ? dateFindings(entry, closingField, 'closing date', fields.length === 4, issueDate) : undefined;
      if (closes) findings.push(...closes.findings);
      if (eventField && eventField !== closingField) findings.push(...dateFindings(entry, eventField, 'event date', fields.length === 4, issueDate, closes?.last).findings);
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
function dateFindings(
  entry: Entry,
  field: { text: string; start: number },
  what: 'closing date' | 'event date',
  complete: boolean,
  issueDate?: IsoDate,
  closes?: IsoDate,
): { findings: Finding[]; last?: IsoDate } {
  const line = entry.line;
  const days = [...field.text.matchAll(DAY)];
  if (days.length === 0) {
    return { findings: complete ? [{ range: lineSpan(line, field.start, field.start + field.text.length), message: `No ${what} as YYYY-MM-DD.` }] : [] };
  }
  const findings: Finding[] = [];
  const dates = days.map((day) => ({ day, date: parseIsoDate(day[0]) }));
  for (const { day, date } of dates) {
    const range = lineSpan(line, field.start + day.index, field.start + day.index + day[0].length);
    if (!date) findings.push({ range, message: `The ${what} ${day[0]} is not a date.` });
    else if (formatIsoDate(date) !== day[0]) findings.push({ range, message: `Write the ${what} as YYYY-MM-DD: ${formatIsoDate(date)}.` });
  }
  const last = dates[dates.length - 1];
  const range = lineSpan(line, field.start + last.day.index, field.start + last.day.index + last.day[0].length);
  if (what === 'event date' && closes && last.date && last.date.dayNumber < closes.dayNumber) {
    // `CFP closes 2025-11-24 | … | 2025-03-19 - 2025-03-20` for Rustikon 2026: the year was not updated.
    findings.push({ range, certainty: 'defect', message: `The event ends on ${last.day[0]}, before its CFP closes on ${formatIsoDate(closes)}: is the year wrong?` });
  } else if (issueDate && last.date && last.date.dayNumber < issueDate.dayNumber && !(closes && closes.dayNumber < issueDate.dayNumber)) {
    // Past, and not already said of a CFP reported closed.
    const pastYear = last.date.year < issueDate.year;
    const issue = formatIsoDate(issueDate);
    findings.push({
      range,
      // A date in a year already past is most likely a year not updated: the line is wrong either way.
      certainty: pastYear ? 'defect' : undefined,
      message:
        what === 'closing date'
          ? `This CFP closed on ${last.day[0]}, before this issue's date ${issue}: ${pastYear ? 'a year already past: correct the year, or remove the CFP' : 'remove it'}.`
          : `The event took place on ${last.day[0]}, before this issue's date ${issue}: ${pastYear ? 'a year already past: correct the year, or remove the CFP' : 'remove the CFP'}.`,
    });
  }
  return { findings, last: last.date };
}

export default rule;
