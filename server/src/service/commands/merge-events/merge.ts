/**
 * Merging a week's events into a draft, one function for the editor and the CLI. As the events
 * team's linter merges: an incoming event with the same event URL as one of the draft replaces it
 * (rescheduled or renamed), the draft's other events stay, and only events inside the window the
 * draft declares are merged. Each event goes where its location says — virtual under Virtual, in
 * person under its country's continent, hybrid under both — at its place in TWiR's order, and a
 * missing region heading is created in its place. The result is minimal edits: every line of the
 * draft the merge does not add or replace stays as it was.
 */
import { conventionsOf } from '../../conventions';
import { minimalEdits } from '../../fix-all';
import type { Entry, EventsModel, IssueModel, Region } from '../../model/types';
import { compareEvents, currentEvents, eventStart, formatWindow, regionIndex, regionNamed, windowSide, type Window } from '../../rules/events/common';
import type { TextEdit } from '../../rules/types';
import { eventsWindowDoubt } from '../../trust';
import { regionsOfCountry, REGIONS, type RegionName } from '../../util/countries';
import { formatIsoDate } from '../../util/dates';
import { comparableUrl } from '../../util/urls';
import { readBatch } from './batch';
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
  readonly replaced: { readonly before: EventMention; readonly after: EventMention }[];
  /** Draft events the batch moved to another region or out of the window. */
  readonly removed: { readonly event: EventMention; readonly why: string }[];
  /** Incoming events already in the draft as they are. */
  unchanged: number;
}

export interface MergeReport {
  readonly window: string;
  readonly incoming: number;
  readonly regions: RegionChanges[];
  readonly leftOut: { readonly event: EventMention; readonly why: string }[];
  readonly possibleDuplicates: { readonly event: EventMention; readonly draft: EventMention }[];
  readonly notes: string[];
}

export interface MergeResult {
  /** Minimal edits of the draft; none when the batch changes nothing. */
  readonly edits: TextEdit[];
  /** The region each edit belongs to (same order as `edits`), for a preview grouped by region. */
  readonly editRegions: RegionName[];
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
  const normalised = normaliseEvents(batch.events, window.start);
  if ('error' in normalised) return normalised;

  const notes = [...batch.notes];
  const leftOut: MergeReport['leftOut'] = [];
  const placed: Placed[] = [];
  for (const event of oneListingPerEvent(normalised, notes)) {
    const left = (why: string) => leftOut.push({ event: mention(event.entry, event.block, event.incoming.source), why });
    const where = windowSide(event.entry, window);
    if (event.lacks) {
      left(event.lacks);
    } else if (where) {
      left(`${where} the window ${formatWindow(window)}`);
      // Its listing in the draft goes: the event was rescheduled out of the window.
      placed.push({ event, regions: [] });
    } else {
      const regions = regionsFor(event, notes);
      if ('why' in regions) left(regions.why);
      else placed.push({ event, regions });
    }
  }
  const plan = planMerge(model, events, groupsByUrl(placed));
  const edits = minimalEdits(model.lines, model.text, applyPlan(model, plan));
  return {
    edits,
    editRegions: edits.map((edit) => plan.regionOf(edit)),
    report: {
      window: formatWindow(window),
      incoming: batch.events.length,
      regions: plan.changes.filter((change) => change.added.length + change.replaced.length + change.removed.length + change.unchanged > 0),
      leftOut,
      possibleDuplicates: plan.possibleDuplicates,
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

/** An incoming event and the regions it goes to (none: left out). */
interface Placed {
  readonly event: NormalisedEvent;
  readonly regions: RegionName[];
}

/** The event URLs that identify an event, as `links/duplicate` compares them. */
export function eventKeys(entry: Entry): string[] {
  return entry.event?.titles.map((title) => comparableUrl(title.url)) ?? [];
}

export function sharesKey(a: readonly string[], b: readonly string[]): boolean {
  return a.some((key) => b.includes(key));
}

/**
 * One listing per event: the same event link on the same day is one event — a hybrid event's two
 * listings (under Virtual and its continent, as TWiR's pages and the events linter's JSON list
 * them) or a copy. When the copies differ, the first is merged and the notes say so.
 */
function oneListingPerEvent(events: readonly NormalisedEvent[], notes: string[]): NormalisedEvent[] {
  const kept: NormalisedEvent[] = [];
  let twins = 0;
  for (const event of events) {
    const first = kept.find((other) => sharesKey(eventKeys(other.entry), eventKeys(event.entry)) && eventStart(other.entry)?.dayNumber === eventStart(event.entry)?.dayNumber);
    if (!first) kept.push(event);
    else if (first.block === event.block) twins++;
    else notes.push(`${event.incoming.source} is the event of ${first.incoming.source} written otherwise: ${first.incoming.source} is merged`);
  }
  if (twins > 0) notes.push(`${twins} event${twins === 1 ? '' : 's'} listed twice in the batch (hybrid, under Virtual and a continent) read as one`);
  return kept;
}

/** Events that share an event link (a conference listed once per day) are merged together. */
function groupsByUrl(placed: readonly Placed[]): Placed[][] {
  const groups: Placed[][] = [];
  for (const item of placed) {
    const keys = eventKeys(item.event.entry);
    const joined = groups.filter((group) => group.some((other) => sharesKey(eventKeys(other.event.entry), keys)));
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
  /** Draft lines removed (replaced events, and headings of regions left empty). */
  readonly removedLines: Set<number>;
  /** Lines inserted before a draft line (line count: at the end). */
  readonly insertions: Map<number, string[]>;
  readonly changes: RegionChanges[];
  readonly possibleDuplicates: MergeReport['possibleDuplicates'];
  /** The region an edit of the result belongs to: the one whose heading it writes, else the one it is in. */
  regionOf(edit: TextEdit): RegionName;
}

function planMerge(model: IssueModel, events: EventsModel, groups: readonly Placed[][]): Plan {
  const removedLines = new Set<number>();
  const insertions = new Map<number, string[]>();
  const changes = new Map<RegionName, RegionChanges>(REGIONS.map((region) => [region, { region, created: false, added: [], replaced: [], removed: [], unchanged: 0 }]));
  const possibleDuplicates: MergeReport['possibleDuplicates'] = [];
  const draftListings = events.regions.flatMap((region) => {
    const name = regionNamed(region.name);
    return name ? region.events.map((entry) => ({ entry, region: name })) : [];
  });
  const removed = new Set<Entry>();
  const added = new Map<RegionName, NormalisedEvent[]>();

  for (const group of groups) {
    const keys = group.flatMap((item) => eventKeys(item.event.entry));
    const listings = draftListings.filter((listing) => sharesKey(eventKeys(listing.entry), keys));
    const placements = group.flatMap((item) => item.regions.map((region) => ({ region, event: item.event })));
    const listed = (region: RegionName, block: string) => `${region}\n${block}`;
    if (placements.length > 0 && sameItems(listings.map((listing) => listed(listing.region, blockOf(model, listing.entry))), placements.map((placement) => listed(placement.region, placement.event.block)))) {
      placements.forEach((placement) => changes.get(placement.region)!.unchanged++);
      continue;
    }
    for (const region of REGIONS) {
      const before = listings.filter((listing) => listing.region === region);
      const after = placements.filter((placement) => placement.region === region);
      const change = changes.get(region)!;
      before.forEach((listing, index) => {
        removed.add(listing.entry);
        const old = mention(listing.entry, blockOf(model, listing.entry), undefined, listing.entry.line + 1);
        const replacement = after[index];
        if (replacement) change.replaced.push({ before: old, after: mention(replacement.event.entry, replacement.event.block, replacement.event.incoming.source) });
        else change.removed.push({ event: old, why: movedWhy(group) });
      });
      for (const placement of after.slice(before.length)) {
        change.added.push(mention(placement.event.entry, placement.event.block, placement.event.incoming.source));
        if (listings.length === 0) possibleDuplicates.push(...sameGroupSameDay(model, draftListings, region, placement.event));
      }
      if (after.length > 0) added.set(region, [...(added.get(region) ?? []), ...after.map((placement) => placement.event)]);
    }
  }

  const insertAt = (line: number, lines: string[]) => insertions.set(line, [...(insertions.get(line) ?? []), ...lines]);
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

  const regionLines = events.regions.map((region) => ({ first: region.section.heading.line, name: regionNamed(region.name) }));
  return {
    removedLines,
    insertions,
    changes: [...changes.values()],
    possibleDuplicates,
    regionOf(edit) {
      const created = /^### (.*)$/m.exec(edit.newText);
      const named = created && regionNamed(created[1].trim());
      if (named) return named;
      const owner = [...regionLines].reverse().find((region) => region.first <= edit.range.start.line);
      return owner?.name ?? 'Virtual';
    },
  };
}

/** Why the batch takes an event out of a region of the draft. */
function movedWhy(group: readonly Placed[]): string {
  const regions = [...new Set(group.flatMap((item) => item.regions))];
  if (regions.length > 0) return `the batch lists it under ${regions.join(' and ')}`;
  return `the batch dates it ${group.map((item) => formatIsoDate(eventStart(item.event.entry)!)).join(', ')}, outside the window`;
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

/** A region the merge leaves without events loses its heading, as `events/empty-region` fixes it. */
function removeRegionHeading(model: IssueModel, region: Region, removedLines: Set<number>): void {
  let last = region.section.heading.line;
  while (last + 1 < model.lines.lineCount && model.lineKinds[last + 1] === 'blank') last++;
  markLines(removedLines, region.section.heading.line, last);
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
    .map((listing) => ({ event: mention(event.entry, event.block, event.incoming.source), draft: mention(listing.entry, blockOf(model, listing.entry), undefined, listing.entry.line + 1) }));
}

function mention(entry: Entry, block: string, source?: string, draftLine?: number): EventMention {
  const overview = block.split('\n')[0].replace(/^\s*[*+-]\s+/, '');
  const title = entry.event?.titles[0]?.text.replace(/^\*\*|\*\*$/g, '') ?? '';
  return { overview, title, block, source, draftLine };
}
