/**
 * A week's events as they arrive, before they are merged into a draft: TWiR event lines (pasted
 * from a calendar, another draft or the meetup script's Markdown output) or the JSON that TWiR's
 * meetup automation and the events team's linter exchange. Only the shape is read here; the events
 * are written in the draft's conventions and checked by `normalise.ts`.
 */
import { regionNamed } from '../../rules/events/common';
import { parseIsoDate } from '../../util/dates';
import { parseUrl } from '../../util/urls';
import type { RegionName } from '../../util/countries';

/** One event of the batch, as TWiR event lines (an overview line and its title lines). */
export interface IncomingEvent {
  /** The lines without breaks, as written (pasted lines) or as TWiR writes them (JSON). */
  readonly lines: readonly string[];
  /** The batch's line number (1-based) of each line; none for JSON. */
  readonly lineNumbers?: readonly number[];
  /** Where it came from, for messages: `line 12` or `Europe #3 (Rust Meetup Paris)`. */
  readonly source: string;
  /** The region the batch listed it under: a suggestion, the location decides. */
  readonly regionHint?: RegionName;
}

export interface Batch {
  readonly kind: 'lines' | 'json';
  readonly events: IncomingEvent[];
  /** What was read but is no event (blank lines, the window line…), said in the report. */
  readonly notes: string[];
}

/** Reads a batch, or says what is wrong with it (then nothing is merged). */
export function readBatch(text: string): Batch | { error: string } {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { error: 'The batch is empty.' };
  return /^\s*[{[]/.test(body) ? readJson(body) : readLines(body);
}

// ---- JSON ----------------------------------------------------------------------------------------

const STRING_FIELDS = ['name', 'location', 'date', 'url', 'organizer_name', 'organizer_url'] as const;

function readJson(text: string): Batch | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { error: `The batch is not valid JSON: ${(error as Error).message}.` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { error: 'The JSON batch must be an object of regions ("Virtual", "Europe", …), each a list of events.' };
  }
  const events: IncomingEvent[] = [];
  for (const [key, records] of Object.entries(parsed)) {
    const region = regionNamed(key);
    if (!region) return { error: `"${key}" is not a region of Upcoming Events (Virtual, Africa, Asia, Europe, North America, Oceania, South America).` };
    if (!Array.isArray(records)) return { error: `"${key}" must be a list of events.` };
    for (const [index, record] of records.entries()) {
      const event = jsonEvent(record, `${key} #${index + 1}`, region);
      if ('error' in event) return event;
      events.push(event);
    }
  }
  return { kind: 'json', events, notes: [] };
}

/** A JSON record as TWiR event lines, as the meetup script's Markdown output writes them. */
function jsonEvent(record: unknown, where: string, region: RegionName): IncomingEvent | { error: string } {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return { error: `${where}: an event must be an object.` };
  const fields = record as Record<string, unknown>;
  const named = typeof fields.name === 'string' && fields.name.trim() !== '' ? ` (${fields.name.trim()})` : '';
  const source = `${where}${named}`;
  for (const field of STRING_FIELDS) {
    if (!(field in fields)) return { error: `${source}: "${field}" is missing.` };
    if (typeof fields[field] !== 'string') return { error: `${source}: "${field}" must be a string.` };
  }
  if (typeof fields.virtual !== 'boolean') return { error: `${source}: "virtual" must be true or false.` };
  if (fields.hybrid !== undefined && typeof fields.hybrid !== 'boolean') return { error: `${source}: "hybrid" must be true or false.` };
  const [name, location, date, url, organizer, organizerUrl] = STRING_FIELDS.map((field) => (fields[field] as string).trim());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !parseIsoDate(date)) return { error: `${source}: "date" must be a day as YYYY-MM-DD, not "${date}".` };
  for (const [field, value] of [['url', url], ['organizer_url', organizerUrl]] as const) {
    const parsed = parseUrl(value);
    if (!parsed || !/^https?:$/.test(parsed.protocol)) return { error: `${source}: "${field}" must be a web address, not "${value}".` };
  }
  if (name === '') return { error: `${source}: "name" is empty.` };
  if (organizer === '') return { error: `${source}: "organizer_name" is empty.` };
  if (location === '' && !fields.virtual) return { error: `${source}: "location" is empty for an event in person.` };
  const place = fields.hybrid ? `Hybrid (${location})` : fields.virtual ? (location ? `Virtual (${location})` : 'Virtual') : location;
  return {
    lines: [`* ${date} | ${place} | [${linkText(organizer)}](${organizerUrl})`, `    * [**${linkText(name)}**](${url})`],
    source,
    regionHint: region,
  };
}

/** Link text that cannot end the link early. */
function linkText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[[\]]/g, (bracket) => `\\${bracket}`);
}

// ---- Lines ---------------------------------------------------------------------------------------

const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const OVERVIEW = /^\s{0,1}[*+-]\s/;
const WINDOW_LINE = /Rusty Events between/;

function readLines(text: string): Batch | { error: string } {
  const lines = text.split(/\r\n|\r|\n/);
  const events: { lines: string[]; lineNumbers: number[]; regionHint?: RegionName }[] = [];
  const notes: string[] = [];
  const stray: number[] = [];
  let blank = 0;
  let region: RegionName | undefined;
  let current: (typeof events)[number] | undefined;
  lines.forEach((line, index) => {
    const number = index + 1;
    const heading = HEADING.exec(line);
    if (line.trim() === '') {
      if (number < lines.length) blank++;
      current = undefined;
    } else if (heading && !/^\d{4}-/.test(heading[2])) {
      current = undefined;
      const named = regionNamed(heading[2]);
      if (named) region = named;
      else if (/^upcoming events$/i.test(heading[2])) notes.push(`line ${number}: the heading "${heading[2]}" is not merged`);
      else stray.push(number);
    } else if (WINDOW_LINE.test(line)) {
      current = undefined;
      notes.push(`line ${number}: the window line of the batch is not merged (the draft's window applies)`);
    } else if (OVERVIEW.test(line) || heading) {
      current = { lines: [line], lineNumbers: [number], regionHint: region };
      events.push(current);
    } else if (current && (/^\s{2,}/.test(line) || current.lines.length === 1)) {
      // A title line, or the rest of an overview line that was wrapped.
      current.lines.push(line);
      current.lineNumbers.push(number);
    } else {
      stray.push(number);
    }
  });
  if (stray.length > 0) {
    const shown = stray.slice(0, 5).map((number) => `line ${number}: "${shorten(lines[number - 1])}"`);
    const more = stray.length > shown.length ? ` and ${stray.length - shown.length} more` : '';
    return { error: `Not event lines: ${shown.join('; ')}${more}. Remove them from the batch or write them as events.` };
  }
  if (events.length === 0) return { error: 'The batch has no event lines (`* DATE | LOCATION | [Group](url)` and its title line).' };
  if (blank > 0) notes.unshift(`${blank} blank line${blank === 1 ? '' : 's'} of the batch skipped`);
  return {
    kind: 'lines',
    events: events.map((event) => ({ ...event, source: `line ${event.lineNumbers[0]}` })),
    notes,
  };
}

function shorten(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}…` : trimmed;
}
