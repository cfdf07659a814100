import type { Entry, EventDate } from '../../model/types';
import { lineSpan } from '../../util/text';
import type { Finding, Rule } from '../types';
import { currentEvents } from './common';

/** A field that is nothing but a link: `[Group](url)`. */
const LINK_ONLY = /^\[[^\]]*\]\([^)\s]*\)$/;

const rule: Rule = {
  id: 'events/overview-format',
  severity: 'error',
  fixable: true,
  docs:
    'The first line of an event: `* DATE | LOCATION | [Group](url)`. Reports a missing bullet, separators other than ' +
    '` | `, dates that are not `YYYY-MM-DD` or `YYYY-MM-DD - YYYY-MM-DD` (`2023-10-9`, `D & D`, `D, D`, `YYYY-MM-DD-DD`) or ' +
    'not on the calendar (2026-02-30), missing fields, and text after the group link. Normalises where unambiguous; ' +
    'trailing whitespace is left to text/trailing-space.',
  check({ model }) {
    const events = currentEvents(model);
    if (!events) return [];
    return events.regions.flatMap((region) => region.events.flatMap(overviewFindings));
  },
};

function overviewFindings(entry: Entry): Finding[] {
  const event = entry.event!;
  const overview = entry.lines[0];
  const line = overview.line;
  const text = overview.text;
  const findings: Finding[] = [];
  if (!overview.bullet) {
    // `*2026-01-15` has its star but no space; otherwise the bullet is missing altogether.
    const at = /^[*+-]/.test(text.slice(overview.contentStart)) ? overview.contentStart + 1 : overview.contentStart;
    const position = { line, character: at };
    findings.push({
      range: lineSpan(line, overview.contentStart, overview.contentStart + 1),
      message: 'The event line has no `* ` bullet: the site renders it as plain text.',
      fix: { title: 'Add the bullet', edits: [{ range: { start: position, end: position }, newText: at === overview.contentStart ? '* ' : ' ' }] },
    });
  }
  findings.push(...dateFindings(event.date));
  const fields = event.fields;
  if (fields.length < 3) {
    const missing = fields.length === 2 && fields[1].text.startsWith('[') ? 'the location' : 'a field';
    findings.push({
      range: lineSpan(line, overview.contentStart, text.length),
      message: `The event line misses ${missing}: write \`DATE | LOCATION | [Group](url)\`.`,
      severity: 'warning',
    });
  }
  fields.slice(1).forEach((field, index) => {
    const gap = lineSpan(line, fields[index].range.end.character, field.range.start.character);
    const written = text.slice(gap.start.character, gap.end.character);
    // Several groups are joined with ` + `; some were written `[A](u) | [B](v)`.
    const extraGroup = index >= 2 && LINK_ONLY.test(field.text) && LINK_ONLY.test(fields[index].text);
    if (index >= 2 && !extraGroup) {
      findings.push({ range: field.range, message: `Text after the group link: "${field.text}".`, severity: 'warning' });
    } else if (extraGroup) {
      findings.push({ range: gap, message: 'Join several groups with ` + `.', severity: 'warning', fix: { title: 'Join with ` + `', edits: [{ range: gap, newText: ' + ' }] } });
    } else if (written !== ' | ') {
      findings.push({ range: gap, message: `Separate the fields with \` | \`, not \`${written}\`.`, severity: 'warning', fix: { title: 'Use ` | `', edits: [{ range: gap, newText: ' | ' }] } });
    }
  });
  const groupField = fields[2];
  const lastGroup = event.groups[event.groups.length - 1];
  if (groupField && !lastGroup) {
    findings.push({ range: groupField.range, message: 'The group is a link: `[Group](url)`.', severity: 'warning' });
  } else if (groupField && lastGroup && lastGroup.range.end.character < groupField.range.end.character) {
    const range = lineSpan(line, lastGroup.range.end.character, groupField.range.end.character);
    findings.push({
      range,
      message: `Text after the group link: "${text.slice(range.start.character, range.end.character).trim()}".`,
      severity: 'warning',
      fix: { title: 'Remove the text after the link', edits: [{ range, newText: '' }], safe: false },
    });
  }
  return findings;
}

function dateFindings(date: EventDate | undefined): Finding[] {
  if (!date) return [];
  const reading = date.reading;
  if (!reading) return [{ range: date.range, message: `"${date.text}" is not a date: write \`YYYY-MM-DD\` or \`YYYY-MM-DD - YYYY-MM-DD\`.` }];
  if (!reading.start || (reading.isRange && !reading.end)) return [{ range: date.range, message: `${date.text} is not a calendar date.` }];
  if (reading.end && reading.end.dayNumber < reading.start.dayNumber) return [{ range: date.range, message: `The range ${date.text} ends before it starts.` }];
  const canonical = reading.canonical!;
  if (date.text === canonical) return [];
  const fix = { title: `Write ${canonical}`, edits: [{ range: date.range, newText: canonical }] };
  // `D - D` with odd spacing or padding reads right; `D & D`, `D, D` and `YYYY-MM-DD-DD` do not.
  if (reading.isRange && !date.start) return [{ range: date.range, message: `Malformed date range "${date.text}": write ${canonical}.`, fix }];
  return [{ range: date.range, message: `Write the date as ${canonical}.`, severity: 'warning', fix }];
}

export default rule;
