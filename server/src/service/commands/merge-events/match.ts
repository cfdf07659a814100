/**
 * Which events are the same event, title by title: the matching the merge uses, exported for the
 * other features that compare a draft's events with another list of them (a week's review, a merge
 * conflict). Two listings are of the same event when they share an event link (a title's URL, as
 * `links/duplicate` compares it); an event with several title lines (two talks, a regular and a
 * student track) is matched line by line, so that one title can be replaced and the others kept.
 */
import type { Entry } from '../../model/types';
import { comparableUrl } from '../../util/urls';

/** The event links that identify an event: its titles' URLs, compared as `links/duplicate` compares them. */
export function eventLinkKeys(entry: Entry): string[] {
  return entry.event?.titles.map((title) => comparableUrl(title.url)) ?? [];
}

/** Whether two sets of event links share one. */
export function sharesEventLink(a: readonly string[], b: readonly string[]): boolean {
  return a.some((key) => b.includes(key));
}

/** One title item of an event: a title line (its bullet) with the lines wrapped under it, and its links. */
export interface TitleItem {
  /** First and last line (0-based, inclusive) in the entry's document. */
  readonly first: number;
  readonly last: number;
  readonly keys: readonly string[];
  /** The titles' texts, without bold. */
  readonly titles: readonly string[];
}

/** The title items of an event, in order (none when it has no title line). */
export function titleItems(entry: Entry): TitleItem[] {
  const titleLine = entry.event?.titleLine;
  if (!titleLine) return [];
  const items: { first: number; last: number }[] = [];
  for (const line of entry.lines) {
    if (line.line < titleLine.line) continue;
    if (line.bullet || items.length === 0) items.push({ first: line.line, last: line.line });
    else items[items.length - 1].last = line.line;
  }
  return items.map((item) => {
    const links = entry.event!.titles.filter((title) => title.line >= item.first && title.line <= item.last);
    return { ...item, keys: links.map((title) => comparableUrl(title.url)), titles: links.map((title) => title.text.replace(/^\*\*|\*\*$/g, '')) };
  });
}

/** What of a listing's titles a set of event links matches. */
export interface TitleMatch {
  /** The title items whose links are all in the set. */
  readonly matched: TitleItem[];
  /** The title items none of whose links is in the set: they stay with the event. */
  readonly kept: TitleItem[];
  /** A title item with links in the set and links outside it (`[**A**](u) + [**B**](v)`, one of them matched). */
  readonly mixed?: TitleItem;
}

/** Matches a listing's title items against the event links of an incoming event (or of several). */
export function matchTitles(listing: Entry, keys: readonly string[]): TitleMatch {
  const matched: TitleItem[] = [];
  const kept: TitleItem[] = [];
  let mixed: TitleItem | undefined;
  for (const item of titleItems(listing)) {
    const inside = item.keys.filter((key) => keys.includes(key)).length;
    if (inside === 0) kept.push(item);
    else if (inside === item.keys.length) matched.push(item);
    else mixed ??= item;
  }
  return { matched, kept, mixed };
}

/** Whether two listings are one event as the merge matches them (an event link in common): for resolving conflicts. */
export function sameEvent(a: Entry, b: Entry): boolean {
  return sharesEventLink(eventLinkKeys(a), eventLinkKeys(b));
}
