import type { IssueModel } from '../model/types';
import { listedEvents, type RelatedIssue } from './related';

/** A meetup group as the issues list it: its link and the location it is listed with most often. */
export interface KnownGroup {
  readonly name: string;
  readonly url: string;
  readonly location: string;
  /** Every location it was listed with, most often first. */
  readonly locations: readonly string[];
  /** How many events of the group these issues list. */
  readonly events: number;
}

/** An event location as written (`Berlin, DE`, `Hybrid (Seattle, WA, US)`), with the groups seen there. */
export interface KnownLocation {
  readonly text: string;
  readonly groups: readonly string[];
}

/** Separators left at the end of a name whose emoji were lost on the way: `Code Mavens  -  - `. */
const LEFTOVER_SEPARATORS = /(?:\s+[-–—|·:,])+\s*$/u;

/**
 * The groups and locations of the events in this issue and the issues beside it (newest first): a
 * group's URL is the one seen first, its usual location the one it is listed with most often.
 */
export function knownEvents(model: IssueModel, related: readonly RelatedIssue[]): { groups: KnownGroup[]; locations: KnownLocation[] } {
  // By their name's letters and digits: `Code Mavens 🦀 - 🐍 - 🐪` and `Code Mavens  -  - ` (the emoji lost) are one group.
  const groups = new Map<string, { name: string; whole: boolean; url: string; events: number; locations: Map<string, number> }>();
  const locations = new Map<string, Set<string>>();
  for (const events of [listedEvents(model), ...related.map((other) => other.events)]) {
    for (const { location, groups: linked } of events) {
      for (const group of linked) {
        const name = group.name.replace(LEFTOVER_SEPARATORS, '').replace(/\s{2,}/g, ' ').trim();
        const whole = name === group.name;
        const key = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
        const known = groups.get(key) ?? { name, whole, url: group.url, events: 0, locations: new Map<string, number>() };
        // The name as written whole wins over one cleaned of leftovers.
        if (whole && !known.whole) Object.assign(known, { name, whole });
        known.events++;
        groups.set(key, known);
        if (!location) continue;
        known.locations.set(location, (known.locations.get(location) ?? 0) + 1);
        const seen = locations.get(location) ?? new Set<string>();
        seen.add(known.name);
        locations.set(location, seen);
      }
    }
  }
  return {
    groups: [...groups.values()].map((group) => ({ name: group.name, url: group.url, events: group.events, location: mostFrequent(group.locations), locations: byFrequency(group.locations) })),
    locations: [...locations].map(([text, names]) => ({ text, groups: [...names] })),
  };
}

/** The keys, most often seen first (a stable sort keeps ties in the order seen). */
function byFrequency(counts: ReadonlyMap<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1]).map(([key]) => key);
}

/** The key seen most often; on a tie, the one seen first (Maps keep insertion order). */
function mostFrequent(counts: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [key, count] of counts) {
    if (count > bestCount) [best, bestCount] = [key, count];
  }
  return best;
}
