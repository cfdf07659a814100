/**
 * What the events team's linter (bdillo/twir-events-lint, Rust) accepts in Upcoming Events, ported
 * in our own words from its sources so that tests can use it as an oracle: the line grammar of
 * `src/reader.rs`, the state machine of the linter (`EventLinter` in the file that has
 * `event_listings_span`) and the order of `EventOverview::cmp` in `src/events.rs`. It returns the
 * lines it rejects and why; none of its code is copied here.
 *
 * Deliberate differences: every rejection is returned (the linter stops at its error limit), and an
 * empty region is named by its heading line (the linter names the blank line that closes it).
 */

export type Rejection = { line: number; reason: Reason; text: string };
export type Reason = 'unparseable' | 'unexpected' | 'out-of-range' | 'out-of-order' | 'empty-region' | 'duplicate' | 'unexpected-end';

const START = '## Upcoming Events';
const END = 'If you are running a Rust event please add it to the [calendar] to get';
const REGIONS = ['Virtual', 'Africa', 'Asia', 'Europe', 'North America', 'Oceania', 'South America'];

type Day = number;
type Overview = { start: Day; end: Day; location: string };
type Parsed =
  | { kind: 'newline' }
  | { kind: 'window'; start: Day; end: Day }
  | { kind: 'region' }
  | { kind: 'overview'; overview: Overview }
  | { kind: 'links'; name: string; url: string };

/** A cursor over the rest of a line; each step throws when the text does not match (nom's `?`). */
class Cursor {
  constructor(public rest: string) {}
  eat(prefix: string): boolean {
    if (!this.rest.startsWith(prefix)) return false;
    this.rest = this.rest.slice(prefix.length);
    return true;
  }
  expect(prefix: string): void {
    if (!this.eat(prefix)) throw new Error(`expected "${prefix}"`);
  }
  until(stop: string): string {
    const at = this.rest.indexOf(stop);
    if (at === -1) throw new Error(`no "${stop}"`);
    const taken = this.rest.slice(0, at);
    this.rest = this.rest.slice(at);
    return taken;
  }
  /** `parse_date`: a run of digits and dashes that chrono reads as a calendar date (month and day of 1 or 2 digits). */
  date(): Day {
    const token = /^[0-9-]*/.exec(this.rest)![0];
    this.rest = this.rest.slice(token.length);
    const [, year, month, day] = /^(\d+)-(\d{1,2})-(\d{1,2})$/.exec(token) ?? [];
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    if (!year || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) throw new Error(`not a date: ${token}`);
    return date.getTime() / 86_400_000;
  }
  /** `parse_md_link`: `[label](url)`, the label up to the first `]`, the URL up to the first `)`, an absolute URL. */
  link(): { label: string; url: string } {
    this.expect('[');
    const label = this.until(']');
    this.expect('](');
    const url = new URL(this.until(')')).href;
    this.expect(')');
    return { label, url };
  }
}

/** `ParsedLine::from_str`; what follows the last link of an overview or title line is not read. */
function parseLine(text: string): Parsed {
  const line = new Cursor(text);
  if (text === '') return { kind: 'newline' };
  if (line.eat('Rusty Events between ')) {
    const start = line.date();
    line.expect(' - ');
    return { kind: 'window', start, end: line.date() };
  }
  if (text.startsWith('### ') && REGIONS.includes(text.slice(4))) return { kind: 'region' };
  if (line.eat('* ')) {
    const start = line.date();
    const end = line.eat(' - ') ? line.date() : start;
    line.expect(' | ');
    const location = parseLocation(line);
    line.expect(' | ');
    do line.link();
    while (line.eat(' + '));
    return { kind: 'overview', overview: { start, end, location } };
  }
  if (line.eat('    * ')) {
    const { label, url } = line.link();
    if (!label.startsWith('**') || !label.endsWith('**')) throw new Error('event link is not bold');
    return { kind: 'links', name: label.replace(/^\*\*/, '').replace(/\*\*$/, ''), url };
  }
  throw new Error('no line type');
}

/** `parse_location`, returning the location as `EventLocation`'s Display writes it (which is the text read). */
function parseLocation(line: Cursor): string {
  const inParens = () => {
    if (!line.rest.startsWith(' (') || !line.rest.includes(')')) return undefined;
    line.expect(' (');
    const place = line.until(')');
    line.expect(')');
    return `(${place})`;
  };
  if (line.eat('Virtual')) {
    const place = inParens();
    return place ? `Virtual ${place}` : 'Virtual';
  }
  if (line.eat('Hybrid')) {
    const place = inParens();
    if (!place) throw new Error('a hybrid event needs its place');
    return `Hybrid ${place}`;
  }
  return line.until(' |');
}

/** `EventOverview::cmp`: by first day, then by the location text in byte order (UTF-8 order is code point order). */
function before(a: Overview, b: Overview): boolean {
  if (a.start !== b.start) return a.start < b.start;
  return Buffer.compare(Buffer.from(a.location), Buffer.from(b.location)) < 0;
}

/**
 * The linter's verdict on a document (1-based lines), or undefined when it cannot read it at all
 * (no `## Upcoming Events`, or no closing sentence after it: `Reader::new`).
 */
export function eventsLint(document: string): Rejection[] | undefined {
  const from = document.indexOf(START);
  const to = document.indexOf(END, from);
  if (from === -1 || to === -1) return undefined;
  const firstLine = document.slice(0, from).split('\n').length + 1;
  // Its reader stops at the end of the last line break before the closing sentence.
  const lines = document.slice(from, to).split('\n').slice(1);
  if (lines[lines.length - 1] === '') lines.pop();
  const rejected: Rejection[] = [];
  let state: 'window' | 'region' | 'overview' | 'links' = 'window';
  let window: { start: Day; end: Day } | undefined;
  let region: { line: number; events: number; seen: Set<string>; previous?: Overview } | undefined;
  let pending: Overview | undefined;
  const reject = (at: number, reason: Reason) => rejected.push({ line: firstLine + at, reason, text: lines[at] });

  for (const [at, text] of lines.entries()) {
    let parsed: Parsed;
    try {
      parsed = parseLine(text);
    } catch {
      reject(at, 'unparseable'); // `recover_after_parse_error`: a broken title line drops its event.
      if (state === 'links') state = 'overview';
      continue;
    }
    const expected: string[] = { window: ['newline', 'window'], region: ['newline', 'region'], overview: ['newline', 'overview'], links: ['links'] }[state];
    if (!expected.includes(parsed.kind)) {
      reject(at, 'unexpected'); // then `recover_from_unexpected_line`:
      if (state === 'window') return rejected; // none before the window line
      if (state === 'region' || parsed.kind === 'window') continue;
      if (parsed.kind === 'newline') region = undefined;
      state = parsed.kind === 'newline' ? 'region' : 'overview';
      if (parsed.kind === 'newline' || parsed.kind === 'links') continue;
      // A region heading starts its region, an overview line is read as one (its pending event dropped).
    }
    if (parsed.kind === 'window') {
      window = parsed;
      state = 'region';
    } else if (parsed.kind === 'region') {
      region = { line: at, events: 0, seen: new Set() };
      state = 'overview';
    } else if (parsed.kind === 'newline' && state === 'overview') {
      if (region && region.events === 0) reject(region.line, 'empty-region');
      region = undefined;
      state = 'region';
    } else if (parsed.kind === 'overview') {
      const { start, end } = parsed.overview;
      if (end < window!.start || start > window!.end) reject(at, 'out-of-range');
      if (region?.previous && before(parsed.overview, region.previous)) reject(at, 'out-of-order');
      pending = parsed.overview;
      state = 'links';
    } else if (parsed.kind === 'links') {
      const key = `${parsed.name}\n${parsed.url}`;
      if (region!.seen.has(key)) reject(at, 'duplicate');
      region!.seen.add(key);
      region!.previous = pending;
      region!.events++;
      state = 'overview';
    }
  }
  if (state !== 'region') rejected.push({ line: firstLine + lines.length, reason: 'unexpected-end', text: END });
  return rejected.sort((a, b) => a.line - b.line);
}
