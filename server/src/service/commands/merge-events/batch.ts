/**
 * A week's events as they arrive, before they are merged into a draft: TWiR event lines (pasted
 * from a calendar, another draft or the meetup script's Markdown output) or the JSON that TWiR's
 * meetup automation and the events team's linter exchange. Only the shape is read here; the events
 * are written in the draft's conventions and checked by `normalise.ts`.
 */
import { ANALYSIS_BUDGET, overBudget } from '../../guard';
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
  /** What was changed to write it safely (a URL percent-encoded), said in the report. */
  readonly notes?: readonly string[];
  /** The region the batch listed it under: a suggestion, the location decides. */
  readonly regionHint?: RegionName;
  /** Why the event cannot go into a draft (raw HTML, a bidirectional override…): it is left out, with this reason. */
  readonly refusal?: string;
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
  const tooMuch = batchOverBudget(body);
  if (tooMuch) return { error: `The batch ${tooMuch}.` };
  return isJson(body) ? readJson(body) : readLines(body);
}

function isJson(text: string): boolean {
  return /^\uFEFF?\s*[{[]/.test(text);
}

/**
 * Why a batch is too much to read (as the end of a sentence), if it is. JSON is read by a JSON
 * parser, in any layout — the events team's automation prints it on one line — so only its size
 * counts; Markdown lines are parsed as Markdown and keep the analysis budget's line guard.
 */
export function batchOverBudget(text: string): string | undefined {
  return overBudget(text, isJson(text) ? { ...ANALYSIS_BUDGET, maxLineLength: Infinity, maxContainerPrefix: Infinity } : ANALYSIS_BUDGET);
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

/** A JSON record as TWiR event lines, as the meetup script's Markdown output writes them, its texts escaped as Markdown. */
function jsonEvent(record: unknown, where: string, region: RegionName): IncomingEvent | { error: string } {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return { error: `${where}: an event must be an object.` };
  const fields = record as Record<string, unknown>;
  const named = typeof fields.name === 'string' && fields.name.trim() !== '' ? ` (${printable(fields.name.trim())})` : '';
  const source = `${where}${named}`;
  for (const field of STRING_FIELDS) {
    if (!(field in fields)) return { error: `${source}: "${field}" is missing.` };
    if (typeof fields[field] !== 'string') return { error: `${source}: "${field}" must be a string.` };
  }
  if (typeof fields.virtual !== 'boolean') return { error: `${source}: "virtual" must be true or false.` };
  if (fields.hybrid !== undefined && typeof fields.hybrid !== 'boolean') return { error: `${source}: "hybrid" must be true or false.` };
  const [name, location, date, url, organizer, organizerUrl] = STRING_FIELDS.map((field) => (fields[field] as string).trim());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !parseIsoDate(date)) return { error: `${source}: "date" must be a day as YYYY-MM-DD, not "${printable(date)}".` };
  if (name === '') return { error: `${source}: "name" is empty.` };
  if (organizer === '') return { error: `${source}: "organizer_name" is empty.` };
  if (location === '' && !fields.virtual) return { error: `${source}: "location" is empty for an event in person.` };
  const place = fields.hybrid ? `Hybrid (${location})` : fields.virtual ? (location ? `Virtual (${location})` : 'Virtual') : location;
  const refused = (why: string): IncomingEvent => ({ lines: [`* ${printable(date)} | ${printable(place)} | ${printable(organizer)}`, `    * ${printable(name)}`], source, regionHint: region, refusal: why });

  for (const [field, value] of [['name', name], ['organizer_name', organizer], ['location', location], ['url', url], ['organizer_url', organizerUrl]] as const) {
    const unsafe = unsafeCharacter(value);
    if (unsafe) return refused(`"${field}" holds ${unsafe}`);
  }
  const markdown = /[[\]*`<>|\\]/.exec(location);
  if (markdown) return refused(`"location" holds "${markdown[0]}", which Markdown or the event line would read as syntax`);
  const links: string[] = [];
  const encoded: string[] = [];
  for (const [field, value] of [['url', url], ['organizer_url', organizerUrl]] as const) {
    const safe = safeUrl(value);
    if ('why' in safe) return refused(`"${field}" ${safe.why}`);
    if (safe.url !== value) encoded.push(`"${field}" percent-encoded as ${safe.url}`);
    links.push(safe.url);
  }
  return {
    lines: [`* ${date} | ${place} | [${markdownText(organizer)}](${links[1]})`, `    * [**${markdownText(name)}**](${links[0]})`],
    source,
    regionHint: region,
    notes: encoded.map((what) => `${source}: ${what}`),
  };
}

/** Bidirectional overrides, embeddings and isolates (they reorder what a reader sees: Trojan Source), and control characters but tab. */
const UNSAFE_CHARACTER = /[\u202A-\u202E\u2066-\u2069]|[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** What in a text must never reach a draft (`a bidirectional-override character (U+202E)`), if anything. */
export function unsafeCharacter(text: string): string | undefined {
  const found = UNSAFE_CHARACTER.exec(text);
  if (!found) return undefined;
  const code = `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return /[\u202A-\u202E\u2066-\u2069]/.test(found[0]) ? `a bidirectional-override character (${code})` : `a control character (${code})`;
}

/** Text safe to print in a report: unsafe characters written as `<U+202E>`. */
export function printable(text: string): string {
  return text.replace(new RegExp(UNSAFE_CHARACTER.source, 'g'), (character) => `<U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}

/**
 * Link text that reads as the text and nothing else: one line, Markdown's syntax characters
 * backslash-escaped (Python-Markdown unescapes them), and `<` before a letter (an HTML tag, a
 * comment) written `&lt;`.
 */
function markdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*[\]]/g, (character) => `\\${character}`)
    .replace(/<(?=[A-Za-z!/?])/g, '&lt;');
}

/**
 * A web address as a link destination: http(s) only, as written, with the characters that would end
 * or change the link (spaces, quotes, angle brackets, parentheses, backticks) percent-encoded.
 */
export function safeUrl(value: string): { url: string } | { why: string } {
  const parsed = parseUrl(value);
  if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.hostname === '' || !/^https?:\/\//i.test(value)) return { why: `must be a web address (http or https), not "${printable(value)}"` };
  return { url: value.replace(/[\s"'<>`()]/g, (character) => [...new TextEncoder().encode(character)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('')) };
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
    const shown = stray.slice(0, 5).map((number) => `line ${number}: "${printable(shorten(lines[number - 1]))}"`);
    const more = stray.length > shown.length ? ` and ${stray.length - shown.length} more` : '';
    return { error: `Not event lines: ${shown.join('; ')}${more}. Remove them from the batch or write them as events.` };
  }
  if (events.length === 0) return { error: 'The batch has no event lines (`* DATE | LOCATION | [Group](url)` and its title line).' };
  if (blank > 0) notes.unshift(`${blank} blank line${blank === 1 ? '' : 's'} of the batch skipped`);
  return {
    kind: 'lines',
    events: events.map((event) => ({ ...event, source: `line ${event.lineNumbers[0]}`, refusal: linesRefusal(event.lines) })),
    notes,
  };
}

/** `<` that opens an HTML tag or comment. */
const HTML_TAG = /<[A-Za-z!/?][^>\s]{0,20}/;

/** Why pasted event lines cannot go into a draft as they are: raw HTML, or a character that must never reach it. */
function linesRefusal(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const unsafe = unsafeCharacter(line);
    if (unsafe) return `it holds ${unsafe}`;
    const html = HTML_TAG.exec(line);
    if (html) return `it holds raw HTML ("${printable(html[0])}…"): write the text without it`;
  }
  return undefined;
}

function shorten(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}…` : trimmed;
}
