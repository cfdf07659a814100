import type { Entry, EventDate, IssueModel } from '../../model/types';
import { conventionsOf } from '../../conventions';
import { formatIsoDate } from '../../util/dates';
import { lineSpan } from '../../util/text';
import type { Finding, Rule } from '../types';
import { eventsIn } from './common';

/** A field that is nothing but a link: `[Group](url)`. */
const LINK_ONLY = /^\[[^\]]*\]\([^)\s]*\)$/;

const rule: Rule = {
  id: 'events/overview-format',
  certainty: 'defect',
  fixable: true,
  local: true,
  docs:
    'The first line of an event: `* DATE | LOCATION | [Group](url)`. Reports an indented event line (VS Code indents ' +
    'the line after a title line; the site nests it under the event before), a missing bullet, an event written as a ' +
    'heading (`# 2025-07-23 | …`), a line broken over several lines, separators other than ` | ` (also a comma before ' +
    'the group), dates that are not `YYYY-MM-DD` or `YYYY-MM-DD - YYYY-MM-DD` (`2023-10-9`; from 2023-04, when ' +
    'ranges settled on ` - `, `D & D`, `D, D`, `YYYY-MM-DD-DD`) or not on the calendar (2026-02-30), the same day ' +
    'twice (`2024-05-28 & 2024-05-28`), a missing location or field, and text after the group link. From 2026 ' +
    'several groups are joined with ` + ` (` | ` between them was written in 2022 and late 2025). ' +
    'Normalises where unambiguous; trailing whitespace is left to text/trailing-space.',
  peers: { eventsLint: 'rejects the same lines (its parser wants exactly `* DATE | LOCATION | [Group](url)`); stricter on dates, which it only parses' },
  example: {
    in: 'events',
    wrong: '### Europe\n* 2026-01-20-21 | Paris, FR | [Rust Paris](https://example.com/paris)\n    * [**Rust meetup**](https://example.com/paris/1)',
    right: '### Europe\n* 2026-01-20 - 2026-01-21 | Paris, FR | [Rust Paris](https://example.com/paris)\n    * [**Rust meetup**](https://example.com/paris/1)',
  },
  check({ model, span }) {
    return eventsIn(model, span).flatMap((entry) => overviewFindings(model, entry));
  },
};

function overviewFindings(model: IssueModel, entry: Entry): Finding[] {
  const event = entry.event!;
  const overview = entry.lines[0];
  const line = overview.line;
  const text = overview.text;
  const findings: Finding[] = [];
  if (overview.indent >= 2) {
    // VS Code indents the line typed after a title line: the site nests such an event under the one before.
    const indent = lineSpan(line, 0, text.length - text.trimStart().length);
    findings.push({
      range: indent,
      message: `The event line is indented by ${overview.indent} spaces: the site shows it inside the event before it. Start it at the beginning of the line.`,
      fix: { title: 'Remove the indent', edits: [{ range: indent, newText: '' }] },
    });
  }
  if (overview.headingMarks) {
    // `# 2026-01-15 | …`: the site shows a heading, and every event after it falls outside the region.
    const marks = lineSpan(line, 0, overview.contentStart);
    findings.push({
      range: marks,
      message: 'The event is written as a heading: the site shows it as a title, not as an event. Start it with `* `.',
      fix: { title: 'Write it as an event line', edits: [{ range: marks, newText: '* ' }] },
    });
  } else if (!overview.bullet) {
    // `*2026-01-15` has its star but no space; otherwise the bullet is missing altogether.
    const at = /^[*+-]/.test(text.slice(overview.contentStart)) ? overview.contentStart + 1 : overview.contentStart;
    const position = { line, character: at };
    findings.push({
      range: lineSpan(line, overview.contentStart, overview.contentStart + 1),
      message: 'The event line has no `* ` bullet: the site renders it as plain text.',
      fix: { title: 'Add the bullet', edits: [{ range: { start: position, end: position }, newText: at === overview.contentStart ? '* ' : ' ' }] },
    });
  }
  const conventions = conventionsOf(model);
  findings.push(...dateFindings(event.date, conventions.dashDateRanges));
  if (event.continuation.length > 0) {
    findings.push(wrapFinding(entry));
    // The fields of a wrapped line are incomplete: joining it first says what, if anything, is left.
    return findings;
  }
  const fields = event.fields;
  if (event.groupJoinedByComma) {
    const gap = lineSpan(line, fields[1].range.end.character, fields[2].range.start.character);
    return [
      ...findings,
      { range: gap, message: 'The location and the group are separated by a comma: write ` | `.', fix: { title: 'Use ` | `', edits: [{ range: gap, newText: ' | ' }] } },
    ];
  }
  if (fields.length < 3 || fields[1].text === '') {
    const missing = (fields.length === 2 && fields[1].text.startsWith('[')) || fields[1]?.text === '' ? 'the location' : 'a field';
    return [
      ...findings,
      { range: lineSpan(line, overview.contentStart, text.length), message: `The event line misses ${missing}: write \`DATE | LOCATION | [Group](url)\`.` },
    ];
  }
  fields.slice(1).forEach((field, index) => {
    const gap = lineSpan(line, fields[index].range.end.character, field.range.start.character);
    const written = text.slice(gap.start.character, gap.end.character);
    // Several groups are joined with ` + `; some were written `[A](u) | [B](v)`.
    const extraGroup = index >= 2 && LINK_ONLY.test(field.text) && LINK_ONLY.test(fields[index].text);
    if (index >= 2 && !extraGroup) {
      findings.push({ range: field.range, message: `Text after the group link: "${field.text}".`, certainty: 'convention' });
    } else if (extraGroup) {
      // ` | ` between groups was a style of 2022 and of late 2025 (conventions.ts groupsJoinedByPlus).
      if (conventions.groupsJoinedByPlus)
        findings.push({ range: gap, message: 'Join several groups with ` + `.', certainty: 'convention', fix: { title: 'Join with ` + `', edits: [{ range: gap, newText: ' + ' }] } });
    } else if (written !== ' | ') {
      findings.push({ range: gap, message: `Separate the fields with \` | \`, not \`${written}\`.`, certainty: 'convention', fix: { title: 'Use ` | `', edits: [{ range: gap, newText: ' | ' }] } });
    }
  });
  const groupField = fields[2];
  const lastGroup = event.groups[event.groups.length - 1];
  if (groupField && !lastGroup) {
    findings.push({ range: groupField.range, message: 'The group is a link: `[Group](url)`.', certainty: 'convention' });
  } else if (groupField && lastGroup && lastGroup.range.end.character < groupField.range.end.character) {
    const range = lineSpan(line, lastGroup.range.end.character, groupField.range.end.character);
    findings.push({
      range,
      message: `Text after the group link: "${text.slice(range.start.character, range.end.character).trim()}".`,
      certainty: 'convention',
      fix: { title: 'Remove the text after the link', edits: [{ range, newText: '' }], safe: false },
    });
  }
  return findings;
}

/**
 * An overview line broken over several lines: joined back with a space, or with nothing where the
 * break falls inside a link's URL.
 */
function wrapFinding(entry: Entry): Finding {
  const lines = [entry.lines[0], ...entry.event!.continuation];
  const edits = lines.slice(1).map((next, index) => {
    const previous = lines[index];
    const end = previous.text.trimEnd().length;
    const insideUrl = /\]\([^)\s]*$/.test(previous.text.slice(0, end));
    const start = next.text.length - next.text.trimStart().length;
    return { range: { start: { line: previous.line, character: end }, end: { line: next.line, character: start } }, newText: insideUrl ? '' : ' ' };
  });
  const last = lines[lines.length - 1];
  return {
    range: { start: { line: lines[0].line, character: lines[0].contentStart }, end: { line: last.line, character: last.text.length } },
    message: `The event line is broken over ${lines.length} lines: the site shows the rest as text. Join it into one line.`,
    fix: { title: 'Join the event line', edits },
  };
}

/** A first day joined to a second by `&` or `,` (`2022-05-19 & 05-20`): a range before ranges had one form. */
const EARLY_RANGE = /^\d{4}-\d{1,2}-\d{1,2}\s*[&,]/;

function dateFindings(date: EventDate | undefined, dashDateRanges: boolean): Finding[] {
  if (!date) return [];
  const reading = date.reading;
  // `2024-05-28 & 2024-05-28`: a one-day event written twice, or a second day mistyped; a person knows which.
  // (`D - D` of one day is the range snippet before its end is typed: left alone.)
  if (reading?.isRange && reading.start && reading.end?.dayNumber === reading.start.dayNumber && /[&,]/.test(date.text)) {
    const day = formatIsoDate(reading.start);
    return [{ range: date.range, message: `The same day twice, "${date.text}": a one-day event is dated ${day}; if it lasts two days, one date is wrong.`, fix: { title: `Write ${day}`, edits: [{ range: date.range, newText: day }], safe: false } }];
  }
  if (!dashDateRanges && EARLY_RANGE.test(date.text)) return [];
  if (!reading) return [{ range: date.range, message: `"${date.text}" is not a date: write \`YYYY-MM-DD\` or \`YYYY-MM-DD - YYYY-MM-DD\`.` }];
  if (!reading.start || (reading.isRange && !reading.end)) return [{ range: date.range, message: `${date.text} is not a calendar date.` }];
  if (reading.end && reading.end.dayNumber < reading.start.dayNumber) return [{ range: date.range, message: `The range ${date.text} ends before it starts.` }];
  const canonical = reading.canonical!;
  if (date.text === canonical) return [];
  const fix = { title: `Write ${canonical}`, edits: [{ range: date.range, newText: canonical }] };
  // `D - D` with odd spacing or padding reads right; `D & D`, `D, D` and `YYYY-MM-DD-DD` are read, but not by the events linter.
  if (reading.isRange && !date.start) return [{ range: date.range, message: `Write the date range as ${canonical}, not "${date.text}".`, certainty: 'convention', fix }];
  return [{ range: date.range, message: `Write the date as ${canonical}.`, certainty: 'convention', fix }];
}

export default rule;
