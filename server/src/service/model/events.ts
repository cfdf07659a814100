import { formatIsoDate, parseIsoDate } from '../util/dates';
import { lineSpan, type LineIndex } from '../util/text';
import { withoutMarkers } from './submerge';
import type { EntryLine, EventDate, EventDateReading, EventEntry, EventField, EventLocation, EventsWindow, Link, LocationKind, SubmergeMarker } from './types';

/** Splits a line's content at `|` outside of `[…]` and `(…)`, keeping each field's columns. */
export function splitFields(text: string, from: number): { text: string; start: number; end: number }[] {
  const fields: { text: string; start: number; end: number }[] = [];
  let depth = 0;
  let fieldStart = from;
  const push = (end: number) => {
    const raw = text.slice(fieldStart, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    fields.push({ text: trimmed, start: fieldStart + lead, end: fieldStart + lead + trimmed.length });
  };
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === '[' || char === '(') depth++;
    else if ((char === ']' || char === ')') && depth > 0) depth--;
    else if (char === '|' && depth === 0) {
      push(i);
      fieldStart = i + 1;
    }
  }
  push(text.length);
  return fields;
}

const DAY = String.raw`\d{4}-\d{1,2}-\d{1,2}`;
const DATE_RANGE = new RegExp(`^(${DAY})(?:\\s*-\\s*(${DAY}))?$`);
/** Ranges as editors have written them: `D - D`, `D-D`, `D & D`, `D, D`, `D to D`. */
const LOOSE_RANGE = new RegExp(`^(${DAY})\\s*(?:-|–|&|,|to|and)\\s*(${DAY})$`, 'i');
/** A range within one month written with the day alone: `2024-01-27-28`, `2024-01-27 & 28`. */
const SAME_MONTH_RANGE = /^(\d{4}-\d{1,2}-)(\d{1,2})\s*(?:-|&|,)\s*(\d{1,2})$/;

function readDate(text: string): EventDateReading | undefined {
  if (new RegExp(`^${DAY}$`).test(text)) {
    const start = parseIsoDate(text);
    return { isRange: false, start, canonical: start && formatIsoDate(start) };
  }
  const loose = LOOSE_RANGE.exec(text);
  const sameMonth = SAME_MONTH_RANGE.exec(text);
  const days = loose ? [loose[1], loose[2]] : sameMonth ? [sameMonth[1] + sameMonth[2], sameMonth[1] + sameMonth[3]] : undefined;
  if (!days) return undefined;
  const [start, end] = days.map(parseIsoDate);
  return { isRange: true, start, end, canonical: start && end ? `${formatIsoDate(start)} - ${formatIsoDate(end)}` : undefined };
}

function parseDate(field: EventField): EventDate {
  const match = DATE_RANGE.exec(field.text);
  const reading = readDate(field.text);
  if (!match) return { text: field.text, range: field.range, reading };
  return { text: field.text, range: field.range, start: parseIsoDate(match[1]), end: match[2] ? parseIsoDate(match[2]) : undefined, reading };
}

/**
 * `Virtual`, `Hybrid`, `Online`, and the mixed labels editors have written: `Virtual + In Person`,
 * `Virtual and In-Person`, `Hybrid - Virtual and In-Person` (the last two the style before 2025).
 */
const LABEL = /^(?:hybrid\s*-\s*)?(?:virtual|hybrid|online)(?:\s*(?:\+|&|\/|and)\s*in[- ]?person)?/i;
/** The hybrid form written after the place until 2024: `City, CC + Virtual`. */
const SUFFIX_LABEL = /\s*\+\s*(?:virtual|online)$/i;
/** What follows a label: `(City, CC)`, also `Virtual + Dallas`. */
const LABELLED_PLACE = /^\s*\((.*)\)\s*$|^\s*[+,:-]\s*(.+)$/;

function parseLocation(field: EventField, line: number): EventLocation {
  const text = field.text;
  const column = field.range.start.character;
  const label = LABEL.exec(text);
  const suffix = label ? null : SUFFIX_LABEL.exec(text);
  let kind: LocationKind = 'in-person';
  let inner = text;
  let innerStart = column;
  let labelField: EventField | undefined;
  if (suffix) {
    kind = 'hybrid';
    inner = text.slice(0, suffix.index);
    const labelStart = column + suffix.index + suffix[0].length - suffix[0].trimStart().length;
    labelField = { text: suffix[0].trim(), range: lineSpan(line, labelStart, column + text.length) };
  } else if (label) {
    labelField = { text: label[0], range: lineSpan(line, column, column + label[0].length) };
    kind = /hybrid|person/i.test(label[0]) ? 'hybrid' : 'virtual';
    const rest = text.slice(label[0].length);
    const place = LABELLED_PLACE.exec(rest);
    if (rest.trim() === '') return { text, range: field.range, kind, parts: [], partFields: [], label: labelField };
    if (!place) return { text, range: field.range, kind: 'unknown', parts: [], partFields: [], label: labelField };
    inner = place[1] ?? place[2];
    innerStart = column + label[0].length + rest.indexOf(inner, place[1] === undefined ? 0 : rest.indexOf('(') + 1);
  }
  const partFields: EventField[] = [];
  let partStart = 0;
  for (const raw of inner.split(',')) {
    const lead = raw.length - raw.trimStart().length;
    const from = innerStart + partStart + lead;
    partFields.push({ text: raw.trim(), range: lineSpan(line, from, from + raw.trim().length) });
    partStart += raw.length + 1;
  }
  const parts = partFields.map((part) => part.text);
  const country = partFields.length > 1 ? partFields[partFields.length - 1] : undefined;
  return {
    text,
    range: field.range,
    kind,
    parts,
    partFields,
    label: labelField,
    city: parts[0] || undefined,
    country: country?.text,
    countryRange: country?.range,
  };
}

/** A line under an overview that continues it rather than naming the event: unindented text, no bullet, no link first. */
function isContinuation(line: EntryLine): boolean {
  return line.indent < 2 && !line.bullet && !line.text.trimStart().startsWith('[');
}

/** A location followed by the group link with a comma instead of ` | `: `Bangalore, IN, [Rust India](…)`. */
const GROUP_AFTER_COMMA = /^(.*?)\s*,\s*(\[[^\]]*\]\(.*)$/;

/** Reads an event's overview line (`* DATE | LOCATION | [Group](url)`) and its title line. */
export function parseEventEntry(group: readonly EntryLine[], links: readonly Link[], markers: readonly SubmergeMarker[]): EventEntry {
  const overview = group[0];
  const line = overview.line;
  // A submerge marker is no field of the event (a PR title may hold a `|`).
  const fields: EventField[] = splitFields(withoutMarkers(overview.text, line, markers), overview.contentStart).map((field) => ({
    text: field.text,
    range: lineSpan(line, field.start, field.end),
  }));
  let titleAt = 1;
  while (titleAt < group.length && isContinuation(group[titleAt])) titleAt++;
  const titleLine = group[titleAt];
  // `DATE | City, CC, [Group](url)`: a comma where the second `|` belongs; the location is what precedes the link.
  const joined = fields.length === 2 ? GROUP_AFTER_COMMA.exec(fields[1].text) : null;
  if (joined && joined[1].trim() !== '') {
    const field = fields[1];
    const column = field.range.start.character;
    const locationText = joined[1].trimEnd();
    const groupStart = column + field.text.length - joined[2].length;
    fields.splice(1, 1, { text: locationText, range: lineSpan(line, column, column + locationText.length) }, { text: joined[2], range: lineSpan(line, groupStart, field.range.end.character) });
  }
  // `DATE | [Group](url)` and `DATE || [Group](url)`: the location is missing, not the group.
  const hasLocation = fields.length !== 2 || !fields[1].text.startsWith('[');
  const groupField = hasLocation ? fields[2] : fields[1];
  return {
    overviewLine: line,
    continuation: group.slice(1, titleAt),
    fields,
    groupJoinedByComma: joined !== null && joined[1].trim() !== '',
    date: fields[0] ? parseDate(fields[0]) : undefined,
    location: fields[1] && hasLocation && fields[1].text !== '' ? parseLocation(fields[1], line) : undefined,
    groups: groupField
      ? links.filter((link) => link.line === line && link.range.start.character >= groupField.range.start.character)
      : [],
    titleLine,
    titles: titleLine ? links.filter((link) => link.line >= titleLine.line) : [],
  };
}

const WINDOW_PHRASE = 'Rusty Events between';
/** The crab, also as mis-decoded UTF-8 (the 2024-01-24 draft has `ðŸ¦€`). */
const CRAB = /🦀|ðŸ¦€/u;
/** The two dates, then at most a themed week's emoji before the crab (`… 2024-03-13 💕 🦀 💕`, conventions.ts windowDecorations). */
const WINDOW_DATES = /^(\S+)\s+-\s+(\S+?)(?:\s+[\p{Extended_Pictographic}\u200d\ufe0f\s]*)?$/u;

/** Reads `Rusty Events between START - END 🦀`, with the ranges of its parts. */
export function parseWindow(text: string, line: number, lines: LineIndex): EventsWindow | undefined {
  const phrase = text.indexOf(WINDOW_PHRASE);
  if (phrase === -1) return undefined;
  const afterPhrase = phrase + WINDOW_PHRASE.length;
  const crab = CRAB.exec(text.slice(afterPhrase));
  const beforeCrab = afterPhrase + text.slice(afterPhrase, crab ? afterPhrase + crab.index : text.length).trimEnd().length;
  const datesStart = Math.min(beforeCrab, afterPhrase + (text.slice(afterPhrase).length - text.slice(afterPhrase).trimStart().length));
  const dates = WINDOW_DATES.exec(text.slice(datesStart, beforeCrab));
  // The sentence ends with its second date; a decoration after it is kept as written.
  const endColumn = dates ? datesStart + text.slice(datesStart, beforeCrab).indexOf(dates[2], dates[1].length) : 0;
  const sentenceEnd = dates ? endColumn + dates[2].length : beforeCrab;
  return {
    line,
    range: lines.lineRange(line),
    text,
    start: dates ? parseIsoDate(dates[1]) : undefined,
    end: dates ? parseIsoDate(dates[2]) : undefined,
    datesRange: lineSpan(line, datesStart, sentenceEnd),
    sentenceRange: lineSpan(line, phrase, sentenceEnd),
    startRange: dates ? lineSpan(line, datesStart, datesStart + dates[1].length) : undefined,
    endRange: dates ? lineSpan(line, endColumn, sentenceEnd) : undefined,
    hasCrab: crab !== null,
  };
}
