/** What the events/* rules share: which issues they check, the window, event order, and moving event blocks. */
import type { Entry, EventLocation, EventsModel, IssueModel, Region } from '../../model/types';
import { addDays, EVENTS_WINDOW_DAYS, formatIsoDate, type IsoDate } from '../../util/dates';
import { REGIONS, type RegionName } from '../../util/countries';
import { lineScope } from '../fixes';
import type { StatedPlace, TextEdit } from '../types';
import type { Range } from '../../util/text';
import { entriesIn, isWhole, type LineSpan } from '../span';

/** The places an issue's events write with a state (`Portland, OR, US`), once each, in document order. */
export function statedPlaces(model: IssueModel): StatedPlace[] {
  return statedPlacesOf((model.events?.regions ?? []).flatMap((region) => region.events.map((entry) => entry.event?.location)));
}

/** The places of these event locations that have a state, once each, in order. */
export function statedPlacesOf(locations: Iterable<EventLocation | undefined>): StatedPlace[] {
  const places = new Map<string, StatedPlace>();
  for (const location of locations) {
    const parts = location?.parts;
    if (parts?.length !== 3 || !/^[A-Z]{2,3}$/.test(parts[1])) continue;
    const key = parts.join('\n');
    if (!places.has(key)) places.set(key, [parts[0], parts[1], parts[2]]);
  }
  return [...places.values()];
}

/** The events section of an issue in the two-line ISO format; undefined for legacy issues and the template. */
export function currentEvents(model: IssueModel): EventsModel | undefined {
  const events = model.events;
  return events && !events.legacy && !model.isTemplate ? events : undefined;
}

export interface Window {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** The window the issue's events must fall in: its date and four weeks after, else what the window line says. */
export function eventsWindow(model: IssueModel): Window | undefined {
  const start = model.header?.issueDate ?? model.events?.window?.start;
  if (start) return { start, end: addDays(start, EVENTS_WINDOW_DAYS) };
  return undefined;
}

export function formatWindow(window: Window): string {
  return `${formatIsoDate(window.start)} - ${formatIsoDate(window.end)}`;
}

/** The first day of an event, also from a date written in a wrong shape (`2024-01-27-28`). */
export function eventStart(entry: Entry): IsoDate | undefined {
  return entry.event?.date?.reading?.start;
}

/** Whether an event falls before or after the window; undefined when inside (a range that overlaps counts) or undated. */
export function windowSide(entry: Entry, window: Window): 'before' | 'after' | undefined {
  const start = eventStart(entry);
  if (!start) return undefined;
  const end = entry.event?.date?.reading?.end ?? start;
  return end.dayNumber < window.start.dayNumber ? 'before' : start.dayNumber > window.end.dayNumber ? 'after' : undefined;
}

/**
 * TWiR's order inside a region, as the events team's linter sorts: by (first) date, then by the whole
 * location text compared by code point (its `location.to_string()` ordering, byte by byte in UTF-8).
 */
export function compareEvents(a: Entry, b: Entry): number {
  const byDate = (eventStart(a)?.dayNumber ?? 0) - (eventStart(b)?.dayNumber ?? 0);
  return byDate || compareCodePoints(locationText(a), locationText(b));
}

function locationText(entry: Entry): string {
  return entry.event?.location?.text ?? '';
}

/** Code point order, which is UTF-8 byte order (UTF-16 code units differ above U+D7FF). */
function compareCodePoints(a: string, b: string): number {
  const [left, right] = [a[Symbol.iterator](), b[Symbol.iterator]()];
  for (;;) {
    const [x, y] = [left.next(), right.next()];
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const difference = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
}

/** A run of whole lines, first … last inclusive. */
export interface Block {
  readonly first: number;
  readonly last: number;
}

/** The text of whole lines without the last line's break (inner breaks kept as written). */
export function blockText(model: IssueModel, block: Block): string {
  return model.text.slice(model.lines.starts[block.first], model.lines.lineEnd(block.last));
}

/**
 * One edit that puts the blocks into a new order: slot i receives block order[i]. Each block's bytes
 * and the text between blocks stay as written; the edit spans only the slots whose block changes.
 */
export function permuteBlocks(model: IssueModel, blocks: readonly Block[], order: readonly number[]): TextEdit | undefined {
  const moved = order.map((from, slot) => from !== slot);
  const firstSlot = moved.indexOf(true);
  if (firstSlot === -1) return undefined;
  const lastSlot = moved.lastIndexOf(true);
  let newText = '';
  for (let slot = firstSlot; slot <= lastSlot; slot++) {
    newText += blockText(model, blocks[order[slot]]);
    if (slot < lastSlot) newText += model.text.slice(model.lines.lineEnd(blocks[slot].last), model.lines.starts[blocks[slot + 1].first]);
  }
  const last = blocks[lastSlot].last;
  return {
    range: { start: { line: blocks[firstSlot].first, character: 0 }, end: { line: last, character: model.lines.lineEnd(last) - model.lines.starts[last] } },
    newText,
  };
}

/** The lines of an event, as a fix's scope. */
export function entryScope(entry: Entry): Range {
  return lineScope(entry.line, entry.endLine);
}

/** The lines an edit touches (for an insertion, the line it goes before), as a fix's scope. */
export function editScope(edit: TextEdit): Range {
  return lineScope(edit.range.start.line, edit.range.end.line);
}

/** The edit that deletes an event's lines. */
export function removeEntry(model: IssueModel, entry: Entry): TextEdit {
  return { range: model.lines.linesWithBreakRange(entry.line, entry.endLine), newText: '' };
}

/** An insertion of whole lines just after a line (before the following line, or at the end of the document). */
function insertAfterLine(model: IssueModel, line: number, lines: string): TextEdit {
  if (line + 1 < model.lines.lineCount) {
    const position = { line: line + 1, character: 0 };
    return { range: { start: position, end: position }, newText: lines + model.eol };
  }
  const end = model.lines.positionAt(model.text.length);
  return { range: { start: end, end }, newText: model.eol + lines };
}

function insertBeforeLine(line: number, lines: string, eol: string): TextEdit {
  const position = { line, character: 0 };
  return { range: { start: position, end: position }, newText: lines + eol };
}

/**
 * The insertion that lists an event under a region, at its place in date order; when the region is
 * missing, its heading is created where it belongs (Virtual first, then the continents A–Z).
 */
export function insertIntoRegion(model: IssueModel, events: EventsModel, regionName: string, entry: Entry): TextEdit | undefined {
  const block = blockText(model, { first: entry.line, last: entry.endLine });
  const region = events.regions.find((candidate) => regionNamed(candidate.name) === regionName);
  if (region) {
    const others = region.events.filter((other) => other !== entry);
    const before = others.find((other) => compareEvents(other, entry) > 0);
    if (before) return insertBeforeLine(before.line, block, model.eol);
    const after = others.length > 0 ? others[others.length - 1].endLine : region.section.heading.line;
    return insertAfterLine(model, after, block);
  }
  const first = events.regions[0];
  if (!first) return undefined;
  // Follow the issue's style: a blank line after region headings or not.
  const gap = model.lineKinds[first.section.heading.line + 1] === 'blank' ? model.eol : '';
  const section = `### ${regionName}${model.eol}${gap}${block}`;
  const target = regionIndex(regionName);
  const next = events.regions.find((candidate) => regionIndex(candidate.name) > target);
  if (next) return insertBeforeLine(next.section.heading.line, section + model.eol, model.eol);
  const last = events.regions[events.regions.length - 1];
  return insertAfterLine(model, regionEnd(last), model.eol + section);
}

/** The last line of a region's own content: its last event, or its heading when it has none. */
export function regionEnd(region: Region): number {
  const events = region.events;
  return events.length > 0 ? events[events.length - 1].endLine : region.section.heading.line;
}

/** The region a heading names, also when written with a trailing colon or in another case (`Oceania:`, `europe`). */
export function regionNamed(name: string): RegionName | undefined {
  const bare = name.replace(/\s*:+\s*$/, '').toLowerCase();
  return REGIONS.find((region) => region.toLowerCase() === bare);
}

/** The position of a region in TWiR's order; unknown names sort last. */
export function regionIndex(name: string): number {
  const region = regionNamed(name);
  return region ? REGIONS.indexOf(region) : REGIONS.length;
}

/** The events of the current-format events section (see `currentEvents`), those starting in the span when one is given. */
export function eventsIn(model: IssueModel, span: LineSpan | undefined): readonly Entry[] {
  const events = currentEvents(model);
  if (!events) return [];
  if (isWhole(model, span)) return events.regions.flatMap((region) => region.events);
  const regions = new Set(events.regions.map((region) => region.section));
  return entriesIn(model, span).filter((entry) => entry.kind === 'event' && regions.has(entry.section));
}
