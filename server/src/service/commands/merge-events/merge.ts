/**
 * Merging a week's events into a draft, one function for the editor and the CLI. As the events
 * team's linter merges: an incoming event with the same event URL as one of the draft replaces it
 * (rescheduled or renamed) in its region — only the title it matches when the draft's event has
 * several, never a twin listing in another region — the draft's other events stay, and only events
 * inside the window the draft declares are merged. Each event goes where its location says — virtual under Virtual, in
 * person under its country's continent, hybrid under both — at its place in TWiR's order, and a
 * missing region heading is created in its place. The result is minimal edits: every line of the
 * draft the merge does not add or replace stays as it was.
 */
import { conventionsOf } from '../../conventions';
import { minimalEdits } from '../../fix-all';
import type { Entry, EventsModel, IssueModel, Region } from '../../model/types';
import { blockText, compareEvents, currentEvents, eventStart, formatWindow, regionIndex, regionNamed, windowSide, type Window } from '../../rules/events/common';
import type { TextEdit } from '../../rules/types';
import { eventsWindowDoubt } from '../../trust';
import { regionsOfCountry, REGIONS, type RegionName } from '../../util/countries';
import { formatIsoDate } from '../../util/dates';
import { comparableUrl } from '../../util/urls';
import { printable, readBatch, type IncomingEvent } from './batch';
import { eventLinkKeys, matchTitles, sharesEventLink, type TitleMatch } from './match';
import { normaliseEvents, type NormalisedEvent } from './normalise';

/** An event as the report names it: its overview line, and where it is. */
export interface EventMention {
  /** The overview line without its bullet: `2026-09-03 | Berlin, DE | [Rust Berlin](…)`. */
  readonly overview: string;
  /** The title (first title link's text, without bold). */
  readonly title: string;
  /** The event's lines as written, joined by `\n`. */
  readonly block: string;
  /** Where the incoming event came from (`line 12`, `Europe #3 (…)`), or the draft line (1-based). */
  readonly source?: string;
  readonly draftLine?: number;
}

export interface RegionChanges {
  readonly region: RegionName;
  /** Whether the merge creates the region's heading. */
  created: boolean;
  readonly added: EventMention[];
  /** `kept`: the titles of the draft's event that the incoming one does not match, which stay. */
  readonly replaced: { readonly before: EventMention; readonly after: EventMention; readonly kept: readonly string[] }[];
  /** Draft events (or their matched titles) the batch dates out of the window, or listed twice in a region. */
  readonly removed: { readonly event: EventMention; readonly why: string; readonly kept: readonly string[] }[];
  /** Incoming events already in the draft as they are. */
  unchanged: number;
}

export interface MergeReport {
  readonly window: string;
  readonly incoming: number;
  readonly regions: RegionChanges[];
  readonly leftOut: { readonly event: EventMention; readonly why: string }[];
  readonly possibleDuplicates: { readonly event: EventMention; readonly draft: EventMention }[];
  /** Listings of one event in different regions (Virtual and a continent) on different dates: all kept, for a person to decide. */
  readonly twinsToDecide: { readonly event: EventMention; readonly twin: EventMention; readonly why: string }[];
  readonly notes: string[];
}

export interface MergeResult {
  /** Minimal edits of the draft; none when the batch changes nothing. */
  readonly edits: TextEdit[];
  readonly report: MergeReport;
}

/** Merges the batch into the draft, or says why it cannot (then nothing changes). */
export function mergeEvents(model: IssueModel, batchText: string): MergeResult | { error: string } {
  const events = currentEvents(model);
  if (!events) return { error: 'The document has no Upcoming Events section in the current format.' };
  const window = declaredWindow(model, events);
  if ('error' in window) return window;
  const batch = readBatch(batchText);
  if ('error' in batch) return batch;
  const normalised = normaliseEvents(batch.events.filter((event) => !event.refusal), window.start);
  if ('error' in normalised) return normalised;

  const notes = [...batch.notes, ...batch.events.flatMap((event) => event.notes ?? [])];
  // What the batch refused is not read as Markdown: the report shows its lines as they came.
  const leftOut: MergeReport['leftOut'] = batch.events.flatMap((event) => (event.refusal ? [{ event: refusedMention(event), why: event.refusal }] : []));
  const placed: Placed[] = [];
  for (const event of identicalListingsOnce(normalised, notes)) {
    const left = (why: string) => leftOut.push({ event: incomingMention(event), why });
    const where = windowSide(event.entry, window);
    if (event.refusal) {
      left(event.refusal);
    } else if (where) {
      left(`${where} the window ${formatWindow(window)}`);
      // Its listing in the draft, in the region the batch gives, goes: the event was rescheduled out of the window.
      const regions = regionsFor(event, []);
      placed.push({ event, regions: [], rescheduledOutOf: 'why' in regions ? [] : regions });
    } else {
      const regions = regionsFor(event, notes);
      if ('why' in regions) left(regions.why);
      else placed.push({ event, regions });
    }
  }
  const plan = planMerge(model, events, groupsByUrl(oneListingPerRegion(twinsWhereListed(placed), notes)), leftOut);
  const edits = minimalEdits(model.lines, model.text, applyPlan(model, plan));
  return {
    edits,
    report: {
      window: formatWindow(window),
      incoming: batch.events.length,
      regions: plan.changes.filter((change) => change.added.length + change.replaced.length + change.removed.length + change.unchanged > 0),
      leftOut,
      possibleDuplicates: plan.possibleDuplicates,
      twinsToDecide: plan.twinsToDecide,
      notes,
    },
  };
}

/** The window the draft's window line declares, when it agrees with the header date. */
function declaredWindow(model: IssueModel, events: EventsModel): Window | { error: string } {
  const line = events.window;
  if (!line) return { error: 'The draft has no "Rusty Events between START - END" line: the merge needs the window it declares.' };
  if (!line.start || !line.end) return { error: `The window line "${line.text.trim()}" has no dates the merge can read (YYYY-MM-DD - YYYY-MM-DD).` };
  const doubt = eventsWindowDoubt(model);
  if (doubt) return { error: `The merge stops: ${doubt}. Correct the header or the window line first.` };
  return { start: line.start, end: line.end };
}

/** An incoming event and the regions it goes to. */
interface Placed {
  readonly event: NormalisedEvent;
  readonly regions: readonly RegionName[];
  /** For an event the batch dates outside the window: the regions whose listing of it goes. */
  readonly rescheduledOutOf?: readonly RegionName[];
}

const keysOf = (event: NormalisedEvent) => eventLinkKeys(event.entry);
const sameDay = (a: Entry, b: Entry) => eventStart(a)?.dayNumber === eventStart(b)?.dayNumber;

/**
 * A listing the batch holds twice as it is (a hybrid event under Virtual and its continent, as
 * TWiR's pages and the events linter's JSON list them, or a copy) is one event. Listings of one
 * event written otherwise (another date, another location) are all kept: each goes to its region.
 */
function identicalListingsOnce(events: readonly NormalisedEvent[], notes: string[]): NormalisedEvent[] {
  const kept: NormalisedEvent[] = [];
  let twins = 0;
  for (const event of events) {
    if (kept.some((other) => other.block === event.block && sharesEventLink(keysOf(other), keysOf(event)) && sameDay(other.entry, event.entry))) twins++;
    else kept.push(event);
  }
  if (twins > 0) notes.push(`${twins} event${twins === 1 ? '' : 's'} listed twice in the batch (hybrid, under Virtual and a continent) read as one`);
  return kept;
}

/**
 * A hybrid event that the batch lists under Virtual and its continent written otherwise (a date
 * range under one of them): each listing goes only where the batch lists it, so that neither
 * overwrites the other.
 */
function twinsWhereListed(placed: readonly Placed[]): Placed[] {
  return placed.map((item) => {
    const hint = item.event.incoming.regionHint;
    if (item.regions.length < 2 || !hint || !item.regions.includes(hint)) return item;
    const twinElsewhere = placed.some((other) => {
      const otherHint = other.event.incoming.regionHint;
      return other !== item && otherHint !== undefined && otherHint !== hint && item.regions.includes(otherHint) && sharesEventLink(keysOf(other.event), keysOf(item.event));
    });
    return twinElsewhere ? { ...item, regions: [hint] } : item;
  });
}

/** One listing of an event per region and day: of two written otherwise, the first is merged there, and the notes say so. */
function oneListingPerRegion(placed: readonly Placed[], notes: string[]): Placed[] {
  const seen: { region: RegionName; event: NormalisedEvent }[] = [];
  return placed.map((item) => {
    const regions = item.regions.filter((region) => {
      const first = seen.find((other) => other.region === region && sharesEventLink(keysOf(other.event), keysOf(item.event)) && sameDay(other.event.entry, item.event.entry));
      if (!first) seen.push({ region, event: item.event });
      else notes.push(`${item.event.incoming.source} is the event of ${first.event.incoming.source} written otherwise: under ${region}, ${first.event.incoming.source} is merged`);
      return !first;
    });
    return regions.length === item.regions.length ? item : { ...item, regions };
  });
}

/** Events that share an event link (a conference listed once per day) are merged together. */
function groupsByUrl(placed: readonly Placed[]): Placed[][] {
  const groups: Placed[][] = [];
  for (const item of placed) {
    const keys = keysOf(item.event);
    const joined = groups.filter((group) => group.some((other) => sharesEventLink(keysOf(other.event), keys)));
    const merged = [...joined.flat(), item];
    groups.splice(0, groups.length, ...groups.filter((group) => !joined.includes(group)), merged);
  }
  return groups;
}

/**
 * Where an event goes: virtual → Virtual; in person → its country's continent (the batch's region
 * when the country is on two); hybrid → both. Without a known country, the batch's region decides.
 */
function regionsFor(event: NormalisedEvent, notes: string[]): RegionName[] | { why: string } {
  const location = event.entry.event!.location!;
  if (location.kind === 'virtual') return ['Virtual'];
  if (location.kind === 'unknown') return { why: `its location "${location.text}" is neither in person, virtual nor hybrid` };
  const continents = location.country ? regionsOfCountry(location.country) : [];
  const hint = event.incoming.regionHint;
  let continent = hint && continents.includes(hint) ? hint : continents[0];
  if (!continent && hint && hint !== 'Virtual') {
    continent = hint;
    notes.push(`${event.incoming.source}: "${location.text}" names no country, listed under ${hint} as the batch lists it`);
  }
  if (!continent) return { why: `no region: "${location.text}" names no country TWiR knows (write City, CC)` };
  return location.kind === 'hybrid' ? ['Virtual', continent] : [continent];
}

/** What happens to the draft, region by region. */
interface Plan {
  /** Draft lines removed (replaced events and titles, and headings of regions left empty). */
  readonly removedLines: Set<number>;
  /** Lines inserted before a draft line (line count: at the end). */
  readonly insertions: Map<number, string[]>;
  readonly changes: RegionChanges[];
  readonly possibleDuplicates: MergeReport['possibleDuplicates'];
  readonly twinsToDecide: MergeReport['twinsToDecide'];
}

/** A draft event in a region, and which of its titles the incoming event matches. */
interface Listing {
  readonly entry: Entry;
  readonly region: RegionName;
  readonly match: TitleMatch;
}

/**
 * Region by region, an incoming event replaces the draft's listing of it in the same region — the
 * whole event when it matches all its titles, else only the titles it matches (in place when the
 * overview line is the same), the others stay. A listing of the event in another region (a twin) is
 * never removed by it; twin listings whose dates differ are left for a person to decide.
 */
function planMerge(model: IssueModel, events: EventsModel, groups: readonly Placed[][], leftOut: MergeReport['leftOut']): Plan {
  const removedLines = new Set<number>();
  const insertions = new Map<number, string[]>();
  const insertAt = (line: number, lines: readonly string[]) => insertions.set(line, [...(insertions.get(line) ?? []), ...lines]);
  const changes = new Map<RegionName, RegionChanges>(REGIONS.map((region) => [region, { region, created: false, added: [], replaced: [], removed: [], unchanged: 0 }]));
  const possibleDuplicates: MergeReport['possibleDuplicates'] = [];
  const twinsToDecide: MergeReport['twinsToDecide'] = [];
  const draftListings = events.regions.flatMap((region) => {
    const name = regionNamed(region.name);
    return name ? region.events.map((entry) => ({ entry, region: name })) : [];
  });
  const draftMention = (entry: Entry) => mention(entry, blockOf(model, entry), undefined, entry.line + 1);
  const removed = new Set<Entry>();
  const added = new Map<RegionName, NormalisedEvent[]>();

  for (const group of groups) {
    const keys = group.flatMap((item) => keysOf(item.event));
    const listings: Listing[] = draftListings.filter((listing) => sharesEventLink(eventLinkKeys(listing.entry), keys)).map((listing) => ({ ...listing, match: matchTitles(listing.entry, keys) }));
    const mixed = listings.find((listing) => listing.match.mixed);
    if (mixed) {
      const why = `its link is one of several titles on line ${mixed.match.mixed!.first + 1} of the draft: merge it by hand`;
      group.filter((item) => item.regions.length > 0).forEach((item) => leftOut.push({ event: incomingMention(item.event), why }));
      continue;
    }
    const touched = new Set<Entry>();
    const listed: { region: RegionName; event: NormalisedEvent }[] = [];
    for (const region of REGIONS) {
      const before = listings.filter((listing) => listing.region === region);
      const after = group.filter((item) => item.regions.includes(region)).map((item) => item.event);
      const rescheduled = group.filter((item) => item.rescheduledOutOf?.includes(region));
      // A twin of the event in another region leaves this region's listing alone.
      if (after.length === 0 && rescheduled.length === 0) continue;
      before.forEach((listing) => touched.add(listing.entry));
      const change = changes.get(region)!;
      if (after.length > 0 && sameItems(before.map((listing) => matchedBlock(model, listing)), after.map((event) => event.block))) {
        change.unchanged += after.length;
        after.forEach((event) => listed.push({ region, event }));
        continue;
      }
      before.forEach((listing, index) => {
        const replacement = after[index];
        const old = draftMention(listing.entry);
        const kept = listing.match.kept.flatMap((item) => item.titles);
        const otherDates = replacement && dateText(replacement.entry) !== dateText(listing.entry) ? twinDatesElsewhere(draftListings, listing) : [];
        if (otherDates.length > 0) {
          twinsToDecide.push({ event: incomingMention(replacement), twin: old, why: `the draft lists this event on other dates under other regions (${otherDates.join('; ')}): both kept, a person decides` });
          return;
        }
        if (listing.match.kept.length === 0) removed.add(listing.entry);
        else listing.match.matched.forEach((item) => markLines(removedLines, item.first, item.last));
        if (!replacement) {
          const why = rescheduled.length > 0 ? `the batch dates it ${rescheduled.map((item) => formatIsoDate(eventStart(item.event.entry)!)).join(', ')}, outside the window` : `listed again under ${region}: the batch lists it once there`;
          change.removed.push({ event: old, why, kept });
          return;
        }
        change.replaced.push({ before: old, after: incomingMention(replacement), kept });
        listed.push({ region, event: replacement });
        const [overview, ...titleLines] = replacement.block.split('\n');
        if (kept.length > 0 && overview === model.lines.lineText(listing.entry.line).trimEnd() && listing.entry.event!.continuation.length === 0) {
          insertAt(listing.match.matched[0].first, titleLines);
        } else {
          added.set(region, [...(added.get(region) ?? []), replacement]);
        }
      });
      for (const event of after.slice(before.length)) {
        change.added.push(incomingMention(event));
        listed.push({ region, event });
        if (listings.length === 0) possibleDuplicates.push(...sameGroupSameDay(model, draftListings, region, event));
        added.set(region, [...(added.get(region) ?? []), event]);
      }
    }
    twinsToDecide.push(...twinsOnOtherDates(listed, listings.filter((listing) => !touched.has(listing.entry)), draftMention));
  }

  const eol = '\n';
  const tight = conventionsOf(model).eventsRightUnderRegion;
  for (const region of events.regions) {
    const name = regionNamed(region.name);
    const kept = region.events.filter((entry) => !removed.has(entry));
    region.events.filter((entry) => removed.has(entry)).forEach((entry) => markLines(removedLines, entry.line, entry.endLine));
    const incomingHere = name ? sortedEvents(added.get(name) ?? []) : [];
    if (kept.length === 0 && incomingHere.length === 0) {
      if (region.events.length > 0) removeRegionHeading(model, region, removedLines);
      continue;
    }
    for (const event of incomingHere) {
      const before = kept.find((entry) => compareEvents(entry, event.entry) > 0);
      const anchor = before ? before.line : kept.length > 0 ? kept[kept.length - 1].endLine + 1 : (region.events[0]?.line ?? region.section.heading.line + 1);
      insertAt(anchor, event.block.split(eol));
    }
  }
  for (const name of REGIONS) {
    const incomingHere = added.get(name);
    if (!incomingHere || events.regions.some((region) => regionNamed(region.name) === name)) continue;
    changes.get(name)!.created = true;
    const section = [`### ${name}`, ...(tight ? [] : ['']), ...sortedEvents(incomingHere).flatMap((event) => event.block.split(eol))];
    const next = events.regions.find((region) => regionIndex(region.name) > REGIONS.indexOf(name));
    if (next) insertAt(next.section.heading.line, [...section, '']);
    else if (events.regions.length > 0) insertAt(lastRegionLine(events) + 1, ['', ...section]);
    else insertAt(events.window!.line + 1, ['', ...section]);
  }

  return { removedLines, insertions, changes: [...changes.values()], possibleDuplicates, twinsToDecide };
}

function dateText(entry: Entry): string {
  return entry.event?.date?.text.trim() ?? '';
}

/** The listing's overview lines with the title items the batch matches: what an incoming event that changes nothing reads as. */
function matchedBlock(model: IssueModel, listing: Listing): string {
  const lines = (first: number, last: number) => blockText(model, { first, last }).replace(/\r\n/g, '\n');
  if (listing.match.kept.length === 0) return blockOf(model, listing.entry);
  const overviewEnd = (listing.entry.event!.titleLine?.line ?? listing.entry.endLine + 1) - 1;
  return [lines(listing.entry.line, overviewEnd), ...listing.match.matched.map((item) => lines(item.first, item.last))].join('\n');
}

/** `Europe: 2026-09-10 - 2026-09-12 (draft line 40)` for each twin of a listing, in another region, with another date. */
function twinDatesElsewhere(draftListings: readonly { entry: Entry; region: RegionName }[], listing: Listing): string[] {
  const keys = listing.match.matched.flatMap((item) => item.keys);
  return draftListings
    .filter((other) => other.region !== listing.region && sharesEventLink(eventLinkKeys(other.entry), keys) && dateText(other.entry) !== dateText(listing.entry))
    .map((other) => `${other.region}: ${dateText(other.entry)} (draft line ${other.entry.line + 1})`);
}

/**
 * Listings of one event that end up in different regions on different days (the merge's and the
 * draft's untouched twins): kept, and named for a person to decide. A region that also lists the
 * event on the same day (a conference listed once per day) raises no question.
 */
function twinsOnOtherDates(listed: readonly { region: RegionName; event: NormalisedEvent }[], untouched: readonly Listing[], draftMention: (entry: Entry) => EventMention): MergeReport['twinsToDecide'] {
  const all = [...listed.map((item) => ({ region: item.region, entry: item.event.entry, mention: incomingMention(item.event), incoming: true })), ...untouched.map((listing) => ({ region: listing.region, entry: listing.entry, mention: draftMention(listing.entry), incoming: false }))];
  const found: MergeReport['twinsToDecide'] = [];
  for (const [index, item] of all.entries()) {
    if (!item.incoming) continue;
    for (const [otherIndex, other] of all.entries()) {
      if (other.region === item.region || (other.incoming && otherIndex < index) || !sharesEventLink(eventLinkKeys(item.entry), eventLinkKeys(other.entry))) continue;
      const sameDayThere = all.some((candidate) => candidate.region === other.region && dateText(candidate.entry) === dateText(item.entry));
      if (dateText(other.entry) === dateText(item.entry) || sameDayThere) continue;
      found.push({ event: item.mention, twin: other.mention, why: `listed under ${item.region} on ${dateText(item.entry)} and under ${other.region} on ${dateText(other.entry)}: both kept, a person decides` });
    }
  }
  return found;
}

/** Whether two lists hold the same items, in any order. */
function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\0') === [...b].sort().join('\0');
}

function sortedEvents(events: readonly NormalisedEvent[]): NormalisedEvent[] {
  return [...events].sort((a, b) => compareEvents(a.entry, b.entry));
}

function markLines(lines: Set<number>, first: number, last: number): void {
  for (let line = first; line <= last; line++) lines.add(line);
}

/** A region the merge leaves without events loses its heading, as `events/empty-region` fixes it, and one of the blank lines around it. */
function removeRegionHeading(model: IssueModel, region: Region, removedLines: Set<number>): void {
  const heading = region.section.heading.line;
  let last = heading;
  while (last + 1 < model.lines.lineCount && model.lineKinds[last + 1] === 'blank') last++;
  markLines(removedLines, heading, last);
  const afterEvents = region.events[region.events.length - 1].endLine + 1;
  if (heading > 0 && model.lineKinds[heading - 1] === 'blank' && model.lineKinds[afterEvents] === 'blank') removedLines.add(heading - 1);
}

function lastRegionLine(events: EventsModel): number {
  const last = events.regions[events.regions.length - 1];
  return last.events.length > 0 ? last.events[last.events.length - 1].endLine : last.section.heading.line;
}

/** The draft's text with the plan applied, line by line (line breaks as the draft writes them). */
function applyPlan(model: IssueModel, plan: Plan): string {
  const { lines, eol } = model;
  let text = '';
  const insert = (line: number) => (plan.insertions.get(line) ?? []).map((inserted) => inserted + eol).join('');
  for (let line = 0; line < lines.lineCount; line++) {
    text += insert(line);
    if (!plan.removedLines.has(line)) text += lines.lineWithBreak(line);
  }
  const atEnd = insert(lines.lineCount);
  if (atEnd === '') return text;
  // Lines appended after a last line without a break: the break goes before them.
  return text.endsWith('\n') || text === '' ? text + atEnd : text + eol + atEnd.slice(0, -eol.length);
}

function blockOf(model: IssueModel, entry: Entry): string {
  return model.text.slice(model.lines.starts[entry.line], model.lines.lineEnd(entry.endLine)).replace(/\r\n/g, '\n');
}

/** Draft events of the same group on the same day under another link: maybe the same event. */
function sameGroupSameDay(model: IssueModel, listings: readonly { entry: Entry; region: RegionName }[], region: RegionName, event: NormalisedEvent): MergeReport['possibleDuplicates'] {
  const groups = event.entry.event!.groups.map((group) => comparableUrl(group.url));
  const day = eventStart(event.entry)!.dayNumber;
  return listings
    .filter((listing) => listing.region === region && eventStart(listing.entry)?.dayNumber === day && listing.entry.event!.groups.some((group) => groups.includes(comparableUrl(group.url))))
    .map((listing) => ({ event: incomingMention(event), draft: mention(listing.entry, blockOf(model, listing.entry), undefined, listing.entry.line + 1) }));
}

function refusedMention(event: IncomingEvent): EventMention {
  const lines = event.lines.map(printable);
  return { overview: lines[0].replace(/^\s*[*+-]\s+/, ''), title: '', block: lines.join('\n'), source: event.source };
}

function incomingMention(event: NormalisedEvent): EventMention {
  return mention(event.entry, event.block, event.incoming.source);
}

function mention(entry: Entry, block: string, source?: string, draftLine?: number): EventMention {
  const overview = block.split('\n')[0].replace(/^\s*[*+-]\s+/, '');
  const title = entry.event?.titles[0]?.text.replace(/^\*\*|\*\*$/g, '') ?? '';
  return { overview, title, block, source, draftLine };
}
