import { parseIsoDate } from '../util/dates';
import { lineSpan } from '../util/text';
import type { EntryLine, EventDate, EventEntry, EventField, EventLocation, Link, LocationKind } from './types';

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

const DATE_RANGE = /^(\d{4}-\d{1,2}-\d{1,2})(?:\s*-\s*(\d{4}-\d{1,2}-\d{1,2}))?$/;

function parseDate(field: EventField): EventDate {
  const match = DATE_RANGE.exec(field.text);
  if (!match) return { text: field.text, range: field.range };
  return { text: field.text, range: field.range, start: parseIsoDate(match[1]), end: match[2] ? parseIsoDate(match[2]) : undefined };
}

function parseLocation(field: EventField, line: number): EventLocation {
  const text = field.text;
  const labelled = /^(Virtual|Hybrid)\s*\((.*)\)\s*$/i.exec(text);
  let kind: LocationKind;
  let inner: string;
  let innerStart: number;
  if (labelled) {
    kind = labelled[1].toLowerCase() === 'virtual' ? 'virtual' : 'hybrid';
    inner = labelled[2];
    innerStart = field.range.start.character + text.indexOf('(') + 1;
  } else if (/^virtual$/i.test(text)) {
    return { text, range: field.range, kind: 'virtual', parts: [] };
  } else if (/^(virtual|hybrid|online)\b/i.test(text)) {
    return { text, range: field.range, kind: 'unknown', parts: [] };
  } else {
    kind = 'in-person';
    inner = text;
    innerStart = field.range.start.character;
  }
  const parts = inner.split(',').map((part) => part.trim());
  const lastComma = inner.lastIndexOf(',');
  const countryText = parts[parts.length - 1];
  const countryColumn = innerStart + lastComma + 1 + (inner.slice(lastComma + 1).length - inner.slice(lastComma + 1).trimStart().length);
  return {
    text,
    range: field.range,
    kind,
    parts,
    city: parts[0] || undefined,
    country: parts.length > 1 ? countryText : undefined,
    countryRange: parts.length > 1 ? lineSpan(line, countryColumn, countryColumn + countryText.length) : undefined,
  };
}

/** Reads an event's overview line (`* DATE | LOCATION | [Group](url)`) and its title line. */
export function parseEventEntry(group: readonly EntryLine[], links: readonly Link[]): EventEntry {
  const overview = group[0];
  const line = overview.line;
  const fields: EventField[] = splitFields(overview.text, overview.contentStart).map((field) => ({
    text: field.text,
    range: lineSpan(line, field.start, field.end),
  }));
  const titleLine = group.length > 1 ? group[1] : undefined;
  const groupField = fields[2];
  return {
    overviewLine: line,
    fields,
    date: fields[0] ? parseDate(fields[0]) : undefined,
    location: fields[1] ? parseLocation(fields[1], line) : undefined,
    groups: groupField
      ? links.filter((link) => link.line === line && link.range.start.character >= groupField.range.start.character)
      : [],
    titleLine,
    titles: links.filter((link) => link.line > line),
  };
}
