/**
 * The batch's events written as the draft writes events: each is placed in a scratch issue with the
 * draft's date (so the conventions of the draft's own date apply), read by the same model as the
 * draft, and corrected by the fixes of the rules that concern one event's own lines — separators
 * and dates, locations (`UK`, states, `Hybrid (…)`), titles, mojibake, bullets and indentation.
 */
import { fixUntilStable } from '../../fix-all';
import { lint, type RuleSettings } from '../../lint';
import { buildModel } from '../../model/build';
import type { Entry, IssueModel } from '../../model/types';
import { blockText } from '../../rules/events/common';
import { RULES } from '../../rules/index';
import { formatIsoDate, type IsoDate } from '../../util/dates';
import type { IncomingEvent } from './batch';

/** The rules whose fixes write one event's lines in TWiR's form, and nothing else. */
const EVENT_LINE_RULES = new Set([
  'events/overview-format',
  'events/location',
  'events/title-line',
  'text/mojibake',
  'text/trailing-space',
  'links/tracking',
  'render/bullet',
  'render/nested-indent',
]);
const ONLY_EVENT_LINE_RULES: RuleSettings = Object.fromEntries(RULES.filter((rule) => !EVENT_LINE_RULES.has(rule.id)).map((rule) => [rule.id, 'off']));

/** An incoming event in the draft's form: its lines and what the model reads in them. */
export interface NormalisedEvent {
  readonly incoming: IncomingEvent;
  /** The event's lines, joined by `\n`. */
  readonly block: string;
  /** The event as the model reads it (positions are the scratch issue's). */
  readonly entry: Entry;
  /**
   * Why the event is left out: what it lacks (a location, a group or title link), or what would not
   * read as TWiR's event line in the draft (raw HTML, a link title, brackets or `**` in a link text…).
   */
  readonly refusal?: string;
}

const SCRATCH_HEAD = (date: string) => [
  'Title: This Week in Rust 0',
  'Number: 0',
  `Date: ${date}`,
  'Category: This Week in Rust',
  '',
  '## Upcoming Events',
  '',
  `Rusty Events between ${date} - ${date} 🦀`,
  '',
  '### Virtual',
];

/** The events written in the draft's form, or the first that cannot be read as an event. Events the batch refused already are not read. */
export function normaliseEvents(events: readonly IncomingEvent[], draftDate: IsoDate): NormalisedEvent[] | { error: string } {
  const head = SCRATCH_HEAD(formatIsoDate(draftDate));
  const firstLines: number[] = [];
  const lines = [...head];
  for (const event of events) {
    firstLines.push(lines.length);
    lines.push(...event.lines);
  }
  const scratch = buildModel([...lines, ''].join('\n'));
  const read = scratchEvents(scratch);
  for (const entry of read.stray) {
    const owner = ownerOf(entry.line, firstLines);
    const number = events[owner].lineNumbers?.[entry.line - firstLines[owner]];
    return { error: `${number ? `line ${number}` : events[owner].source}: "${scratch.lines.lineText(entry.line).trim()}" is not part of an event.` };
  }
  for (const entry of read.events) {
    const date = entry.event!.date;
    if (!date?.reading?.start) return { error: `${events[ownerOf(entry.line, firstLines)].source}: "${date?.text ?? ''}" is not a date (YYYY-MM-DD).` };
  }
  if (read.events.length !== events.length) return { error: 'The batch could not be read event by event: check its lines.' };

  const options = { rules: ONLY_EVENT_LINE_RULES };
  const fixed = fixUntilStable(scratch, lint(scratch, options), options).model;
  const written = scratchEvents(fixed).events;
  if (written.length !== events.length) return { error: 'Writing the batch in the draft\'s form changed its events: merge it by hand.' };
  return written.map((entry, index) => ({
    incoming: events[index],
    entry,
    block: blockText(fixed, { first: entry.line, last: entry.endLine }),
    refusal: lacking(entry) ?? unsafeLinks(fixed, entry),
  }));
}

/** An address a link may hold: http(s), none of the characters that end or change a Markdown link. */
const SAFE_URL = /^https?:\/\/[^\s"'<>`()]+$/i;
/** `[` or `]`, or `**`, not escaped by a backslash. */
const UNESCAPED_BRACKET = /(?:^|[^\\])(?:\\\\)*[[\]]/;
const UNESCAPED_BOLD = /(?:^|[^\\])(?:\\\\)*\*\*/;

/**
 * Why an event's links would not read in the draft as the event line they seem to be: a title after
 * the address (`"title"` would become the link's title), an address that is not plain http(s), or
 * brackets or `**` inside a link text that end the link or the bold early.
 */
function unsafeLinks(model: IssueModel, entry: Entry): string | undefined {
  for (const link of entry.links) {
    const source = model.text.slice(model.lines.offsetAt(link.range.start), model.lines.offsetAt(link.range.end));
    if (link.kind !== 'inline' || !source.endsWith(`](${link.url})`)) return `its link ${source} is not written [text](address): nothing may follow the address`;
    if (!SAFE_URL.test(link.url)) return `its link address ${link.url} is not http(s) without spaces, quotes, parentheses or angle brackets`;
    const written = model.text.slice(model.lines.offsetAt(link.textRange.start), model.lines.offsetAt(link.textRange.end));
    // A bold title (or group) is bold as a whole: only `**` inside it ends the bold early.
    const text = written.replace(/^\*\*([^]*)\*\*$/, '$1');
    if (UNESCAPED_BRACKET.test(text)) return `the link text "${written}" holds [ or ], which change the line's structure (write \\[ \\])`;
    if (UNESCAPED_BOLD.test(text)) return `the link text "${written}" holds **, which ends the bold early`;
  }
  return undefined;
}

function scratchEvents(model: IssueModel): { events: Entry[]; stray: Entry[] } {
  const entries = model.events?.regions.flatMap((region) => region.section.entries) ?? [];
  return { events: entries.filter((entry) => entry.kind === 'event'), stray: entries.filter((entry) => entry.kind !== 'event') };
}

/** The event that a scratch line belongs to. */
function ownerOf(line: number, firstLines: readonly number[]): number {
  let owner = 0;
  while (owner + 1 < firstLines.length && firstLines[owner + 1] <= line) owner++;
  return owner;
}

/** What an event needs to be listed: a place, a group, a title with its link. */
function lacking(entry: Entry): string | undefined {
  const event = entry.event!;
  if (!event.location) return 'the event has no location';
  if (event.groups.length === 0) return 'the event has no group link';
  if (!event.titleLine || event.titles.length === 0) return 'the event has no title line with its link';
  return undefined;
}
