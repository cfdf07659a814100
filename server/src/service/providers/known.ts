import type { IssueModel } from '../model/types';
import type { RelatedIssue } from '../rules/types';

/** A meetup group as the issues list it: its link and the location of its latest event. */
export interface KnownGroup {
  readonly name: string;
  readonly url: string;
  readonly location: string;
  /** How many events of the group these issues list. */
  readonly events: number;
}

/** An event location as written (`Berlin, DE`, `Hybrid (Seattle, WA, US)`), with the groups seen there. */
export interface KnownLocation {
  readonly text: string;
  readonly groups: readonly string[];
}

/**
 * The groups and locations of the events in this issue and the issues beside it, newest first: the
 * first time a group is seen gives its usual URL and location.
 */
export function knownEvents(model: IssueModel, related: readonly RelatedIssue[]): { groups: KnownGroup[]; locations: KnownLocation[] } {
  const groups = new Map<string, { name: string; url: string; location: string; events: number }>();
  const locations = new Map<string, Set<string>>();
  for (const issue of [model, ...related.map((other) => other.model)]) {
    if (!issue.events || issue.events.legacy) continue;
    for (const region of issue.events.regions) {
      for (const entry of region.events) {
        const location = entry.event?.location;
        for (const group of entry.event?.groups ?? []) {
          if (!group.text || !group.url) continue;
          const known = groups.get(group.text);
          if (known) known.events++;
          else groups.set(group.text, { name: group.text, url: group.url, location: location?.text ?? '', events: 1 });
          if (location?.text) {
            const seen = locations.get(location.text) ?? new Set<string>();
            seen.add(group.text);
            locations.set(location.text, seen);
          }
        }
      }
    }
  }
  return {
    groups: [...groups.values()],
    locations: [...locations].map(([text, names]) => ({ text, groups: [...names] })),
  };
}
