/**
 * This week against last week: what a draft changes against the issue before it. Per section, the
 * entries added, removed and kept (compared by their text); for the events, each listing matched by
 * its event URL as the merge matches them (`eventLinkKeys`, `sharesEventLink`): new, carried over as it was,
 * changed (date, place, title, … as before → after) or dropped (and whether the window explains
 * it); and the draft's community links that one of the recent issues already had (the look-back of
 * `links/duplicate`). Pure: the caller reads the previous issue and the recent issues.
 */
import type { Entry, IssueModel } from '../model/types';
import { sectionPath } from '../providers/locate';
import { communityLinks } from '../rules/links/shared';
import { currentEvents, eventsWindow, formatWindow, windowSide, type Window } from '../rules/events/common';
import type { EarlierIssue } from '../rules/types';
import { formatIsoDate } from '../util/dates';
import { comparableUrl } from '../util/urls';
import { eventLinkKeys, sharesEventLink } from './merge-events/match';

/** The issue a draft is compared with. */
export interface ReviewedIssue {
  readonly fileName: string;
  readonly issueNumber?: number;
  readonly date?: string;
}

/** An entry or event as the review lists it: where it is (0-based line) and its first line's text. */
export interface ReviewEntry {
  readonly line: number;
  readonly text: string;
}

export interface SectionReview {
  /** `Updates from Rust Community › Official`. */
  readonly section: string;
  /** The draft's entries not in the previous issue, at their draft lines. */
  readonly added: ReviewEntry[];
  /** The previous issue's entries not in the draft, at their lines there. */
  readonly removed: ReviewEntry[];
  readonly kept: number;
}

/** An event's fields that a change names. */
export type EventField = 'date' | 'place' | 'title' | 'group' | 'group link' | 'title link' | 'region' | 'text';

export interface ReviewEvent {
  /** The line of its overview (0-based): in the draft, or for a dropped event in the previous issue. */
  readonly line: number;
  readonly region: string;
  /** `2026-01-20 | Paris, FR | Rust Paris — Rust meetup #82`. */
  readonly label: string;
}

export interface EventChange {
  readonly event: ReviewEvent;
  /** The previous issue's line of the event (0-based). */
  readonly previousLine: number;
  /** Each field that changed, once, in this order: date, place, title, group, group link, title link, region, text (anything else). */
  readonly fields: { readonly field: EventField; readonly before: string; readonly after: string }[];
}

export interface DroppedEvent {
  readonly event: ReviewEvent;
  /** `before the window` / `after the window`: the window explains it; undefined: removed inside the window. */
  readonly outside?: 'before the window' | 'after the window';
}

export interface RepeatedLink {
  readonly line: number;
  readonly url: string;
  /** The recent issues that had it, newest first (`TWiR 633`, or the file name). */
  readonly issues: string[];
}

export interface WeekReview {
  readonly previous: ReviewedIssue;
  readonly sections: SectionReview[];
  readonly events: {
    /** The draft's window (`2026-01-14 - 2026-02-11`), when it has one. */
    readonly window?: string;
    readonly new: ReviewEvent[];
    readonly carried: ReviewEvent[];
    readonly changed: EventChange[];
    readonly dropped: DroppedEvent[];
  };
  readonly repeatedLinks: RepeatedLink[];
  /** How many recent issues the links were compared with. */
  readonly recentIssues: number;
}

/** Compares the draft with the previous issue; `recentIssues` are the look-back's (newest first). */
export function reviewWeek(draft: IssueModel, previous: IssueModel, previousFile: string, recentIssues: readonly EarlierIssue[]): WeekReview {
  return {
    previous: { fileName: previousFile, issueNumber: previous.header?.issueNumber, date: previous.header?.issueDate && formatIsoDate(previous.header.issueDate) },
    sections: reviewSections(draft, previous),
    events: reviewEvents(draft, previous),
    repeatedLinks: repeatedLinks(draft, recentIssues),
    recentIssues: recentIssues.length,
  };
}

/** Entries compared by their text, per section path, in the order the draft (then the previous issue) has the sections. */
function reviewSections(draft: IssueModel, previous: IssueModel): SectionReview[] {
  const before = entriesBySection(previous);
  const after = entriesBySection(draft);
  const reviews: SectionReview[] = [];
  for (const section of new Set([...after.keys(), ...before.keys()])) {
    const unmatched = [...(before.get(section) ?? [])];
    const added: ReviewEntry[] = [];
    let kept = 0;
    for (const entry of after.get(section) ?? []) {
      const index = unmatched.findIndex((candidate) => candidate.key === entry.key);
      if (index < 0) added.push(entry.entry);
      else {
        unmatched.splice(index, 1);
        kept++;
      }
    }
    const removed = unmatched.map((entry) => entry.entry);
    if (added.length + removed.length + kept > 0) reviews.push({ section, added, removed, kept });
  }
  return reviews;
}

function entriesBySection(model: IssueModel): Map<string, { key: string; entry: ReviewEntry }[]> {
  const sections = new Map<string, { key: string; entry: ReviewEntry }[]>();
  for (const section of model.allSections) {
    const entries = section.entries.filter((entry) => entry.kind !== 'none-sentence');
    if (entries.length === 0) continue;
    const path = sectionPath(section);
    sections.set(path, [...(sections.get(path) ?? []), ...entries.map((entry) => ({ key: entryKey(entry), entry: { line: entry.line, text: entry.lines[0].text.trim() } }))]);
  }
  return sections;
}

/** An entry's text as compared: its lines trimmed (indentation and trailing spaces are no change of content). */
function entryKey(entry: Entry): string {
  return entry.lines.map((line) => line.text.trim()).join('\n');
}

interface Listing {
  readonly entry: Entry;
  readonly region: string;
  readonly key: string;
  readonly urls: string[];
}

function listings(model: IssueModel): Listing[] {
  return (currentEvents(model)?.regions ?? []).flatMap((region) =>
    region.events.map((entry) => ({ entry, region: region.name, key: `${region.name}\n${entryKey(entry)}`, urls: eventLinkKeys(entry) })),
  );
}

/**
 * Each listing of the draft is paired with one of the previous issue: first the same region and
 * text (carried over), then a shared event URL in the same region, then in another (changed).
 */
function reviewEvents(draft: IssueModel, previous: IssueModel): WeekReview['events'] {
  const window = currentEvents(draft) ? eventsWindow(draft) : undefined;
  const unpaired = new Set(listings(previous));
  const carried: ReviewEvent[] = [];
  const changed: EventChange[] = [];
  const fresh: Listing[] = [];
  const take = (test: (candidate: Listing) => boolean) => {
    const found = [...unpaired].find(test);
    if (found) unpaired.delete(found);
    return found;
  };
  const draftListings = listings(draft);
  const unmatched = draftListings.filter((listing) => {
    if (!take((candidate) => candidate.key === listing.key)) return true;
    carried.push(reviewEvent(listing));
    return false;
  });
  for (const listing of unmatched) {
    const shares = (candidate: Listing) => listing.urls.length > 0 && sharesEventLink(candidate.urls, listing.urls);
    const before = take((candidate) => candidate.region === listing.region && shares(candidate)) ?? take(shares);
    if (before) changed.push({ event: reviewEvent(listing), previousLine: before.entry.line, fields: changedFields(before, listing) });
    else fresh.push(listing);
  }
  const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;
  return {
    window: window && formatWindow(window),
    new: fresh.map(reviewEvent).sort(byLine),
    carried: carried.sort(byLine),
    changed: changed.sort((a, b) => byLine(a.event, b.event)),
    dropped: [...unpaired].map((listing) => ({ event: reviewEvent(listing), outside: outsideWindow(listing.entry, window) })).sort((a, b) => byLine(a.event, b.event)),
  };
}

function outsideWindow(entry: Entry, window: Window | undefined): DroppedEvent['outside'] {
  const side = window && windowSide(entry, window);
  return side && `${side} the window`;
}

function reviewEvent(listing: Listing): ReviewEvent {
  const fields = eventFields(listing);
  return { line: listing.entry.line, region: listing.region, label: `${fields.date} | ${fields.place} | ${fields.group} — ${fields.title}` };
}

function eventFields(listing: Listing): Record<EventField, string> {
  const event = listing.entry.event;
  const names = (links: readonly { text: string }[] | undefined) => (links ?? []).map((link) => link.text.replace(/^\*\*|\*\*$/g, '')).join(' + ');
  return {
    date: event?.date?.text ?? '',
    place: event?.location?.text ?? '',
    title: names(event?.titles),
    group: names(event?.groups),
    'group link': (event?.groups ?? []).map((link) => link.url).join(' + '),
    'title link': (event?.titles ?? []).map((link) => link.url).join(' + '),
    region: listing.region,
    text: entryKey(listing.entry),
  };
}

const FIELD_ORDER: readonly EventField[] = ['date', 'place', 'title', 'group', 'group link', 'title link', 'region'];

/** The fields that differ; when none of the named ones does, the rest of the text (a URL, spacing, a second title line). */
function changedFields(before: Listing, after: Listing): EventChange['fields'] {
  const was = eventFields(before);
  const is = eventFields(after);
  const fields = FIELD_ORDER.filter((field) => was[field] !== is[field]).map((field) => ({ field, before: was[field], after: is[field] }));
  return fields.length > 0 ? fields : [{ field: 'text', before: was.text, after: is.text }];
}

/** The draft's community links that a recent issue had, compared as links/duplicate compares them. */
function repeatedLinks(draft: IssueModel, recentIssues: readonly EarlierIssue[]): RepeatedLink[] {
  const sets = recentIssues.map((issue) => ({ name: issue.issueNumber === undefined ? issue.fileName : `TWiR ${issue.issueNumber}`, urls: new Set(issue.communityUrls) }));
  const repeated: RepeatedLink[] = [];
  for (const { link } of communityLinks(draft)) {
    if (link.url === '') continue;
    const url = comparableUrl(link.url);
    const issues = sets.filter((issue) => issue.urls.has(url)).map((issue) => issue.name);
    if (issues.length > 0) repeated.push({ line: link.line, url: link.url, issues });
  }
  return repeated;
}

/** One line per count: `3 new, 40 carried over, 2 changed, 30 dropped (28 outside the window)`. */
export function eventsSummary(events: WeekReview['events']): string {
  const outside = events.dropped.filter((dropped) => dropped.outside).length;
  return `${events.new.length} new, ${events.carried.length} carried over, ${events.changed.length} changed, ${events.dropped.length} dropped (${outside} outside the window)`;
}

/**
 * The review as text, for a terminal: `path:line` (1-based) before each item, so that terminals and
 * editors open it at the spot. Dropped events and removed entries point into the previous issue.
 */
export function formatReview(review: WeekReview, draftPath: string, previousPath: string): string {
  const at = (path: string, line: number) => `${path}:${line + 1}`;
  const name = (issue: { issueNumber?: number }, path: string) => (issue.issueNumber === undefined ? path : `TWiR ${issue.issueNumber} (${path})`);
  const out: string[] = [`${draftPath} against ${name(review.previous, previousPath)}`, ''];
  const sectionWidth = Math.max(7, ...review.sections.map((section) => section.section.length));
  out.push(`${'Section'.padEnd(sectionWidth)}  added  removed  kept`);
  for (const section of review.sections) {
    out.push(`${section.section.padEnd(sectionWidth)}  ${String(section.added.length).padStart(5)}  ${String(section.removed.length).padStart(7)}  ${String(section.kept).padStart(4)}`);
  }
  const { events } = review;
  out.push('', `Events${events.window ? ` (window ${events.window})` : ''}: ${eventsSummary(events)}`);
  const list = (title: string, lines: string[]) => {
    if (lines.length > 0) out.push(`  ${title}:`, ...lines.map((line) => `    ${line}`));
  };
  list('New', events.new.map((event) => `${at(draftPath, event.line)}  ${event.region}  ${event.label}`));
  list('Changed', events.changed.flatMap((change) => [
    `${at(draftPath, change.event.line)}  ${change.event.region}  ${change.event.label}`,
    ...change.fields.map((field) => `  ${field.field}: ${oneLine(field.before)} → ${oneLine(field.after)}`),
  ]));
  list('Dropped', events.dropped.map((dropped) => `${at(previousPath, dropped.event.line)}  ${dropped.event.region}  ${dropped.event.label}  (${dropped.outside ?? 'inside the window'})`));
  out.push('', `Links repeated from the ${review.recentIssues} recent issues: ${review.repeatedLinks.length}`);
  for (const link of review.repeatedLinks) out.push(`    ${at(draftPath, link.line)}  ${link.url}  (${link.issues.join(', ')})`);
  return `${out.join('\n')}\n`;
}

/** A multi-line field (an event's text) on one line. */
function oneLine(text: string): string {
  return text.replace(/\n/g, ' ⏎ ');
}

/** A line of the review as a view lists it: under its group path, a click away from its line (in the draft, or the previous issue). */
export interface ReviewItem {
  readonly kind: 'added' | 'removed' | 'new' | 'carried' | 'changed' | 'dropped' | 'repeated';
  /** The headings it is listed under, outermost first: `['Events', 'Changed']`. */
  readonly group: string[];
  readonly line: number;
  /** Whether the line is the previous issue's (a dropped event, a removed entry). */
  readonly inPrevious: boolean;
  readonly label: string;
  readonly detail?: string;
}

/** The review as a flat list of items, in the order a view lists them; `summary` is one line for its title. */
export function reviewItems(review: WeekReview): { summary: string; items: ReviewItem[] } {
  const { events } = review;
  const items: ReviewItem[] = [];
  const event = (kind: ReviewItem['kind'], group: string, item: ReviewEvent, detail: string, inPrevious = false) =>
    items.push({ kind, group: ['Events', group], line: item.line, inPrevious, label: item.label, detail });
  for (const item of events.new) event('new', 'New', item, item.region);
  for (const change of events.changed) event('changed', 'Changed', change.event, change.fields.map((field) => `${field.field}: ${oneLine(field.before)} → ${oneLine(field.after)}`).join(' · '));
  for (const dropped of events.dropped) event('dropped', 'Dropped', dropped.event, `${dropped.event.region} · ${dropped.outside ?? 'inside the window'}`, true);
  for (const item of events.carried) event('carried', 'Carried over', item, item.region);
  for (const link of review.repeatedLinks) items.push({ kind: 'repeated', group: ['Links repeated from recent issues'], line: link.line, inPrevious: false, label: link.url, detail: link.issues.join(', ') });
  for (const section of review.sections) {
    for (const entry of section.added) items.push({ kind: 'added', group: ['Sections', section.section, 'Added'], line: entry.line, inPrevious: false, label: entry.text });
    for (const entry of section.removed) items.push({ kind: 'removed', group: ['Sections', section.section, 'Removed'], line: entry.line, inPrevious: true, label: entry.text });
  }
  const previous = review.previous.issueNumber === undefined ? review.previous.fileName : `TWiR ${review.previous.issueNumber}`;
  return { summary: `against ${previous}: ${events.new.length} new, ${events.changed.length} changed, ${events.dropped.length} dropped`, items };
}
