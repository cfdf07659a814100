/**
 * The conventions of the TWiR format that changed over time, each with the issue date from which it
 * holds. Rules read the conventions in force at the issue's own `Date:` (else the date in its file
 * name; with neither, today's), never the system clock: a 2023 issue is judged by 2023's style.
 *
 * The dates were measured on the published archive (../shared/FORMAT.md §4, 668 issues) and checked
 * on the fixtures (`recent/` is every issue of 2026); `evidence` says what was seen on each side.
 */
import type { IssueModel } from './model/types';
import { fileNameDate, parseIsoDate, type IsoDate } from './util/dates';

export interface ConventionChange {
  /** The first issue date the convention holds for. */
  readonly since: string;
  readonly what: string;
  readonly evidence: string;
}

export const CONVENTION_CHANGES = {
  starBullets: {
    since: '2015-01-01',
    what: 'List items use `*`; the first issues wrote `-`.',
    evidence: 'The 2014 issues list everything with `-` (2014-03-12: 18 items); from 2015 every fixture uses `*`.',
  },
  wednesdayIssues: {
    since: '2020-06-10',
    what: 'Issues come out on Wednesdays (their `Date:` is a Wednesday).',
    evidence: 'Issue 342 (2020-06-10) and every issue after it are dated on a Wednesday; before, Mondays and Tuesdays.',
  },
  regionOrder: {
    since: '2022-07-01',
    what: 'Regions go Virtual first, then the continents A–Z.',
    evidence: 'FORMAT.md §4: the continent order settled in mid-2022; every fixture from 2022-07-20 on follows it.',
  },
  h1OnlyForQuote: {
    since: '2022-07-01',
    what: 'Sections are `##` headings; the only `#` heading in the body is Quote of the Week.',
    evidence: 'Until 2022-03-02 the issues also had `# Rust Jobs` (and banners such as `# We Stand With You`); from 2022-07-20 on every fixture has `# Quote of the Week` alone.',
  },
  hybridForm: {
    since: '2025-01-01',
    what: 'A hybrid event is written `Hybrid (City, CC)`; `City, CC + Virtual`, `Virtual and In-Person (…)` and `Hybrid - Virtual and In-Person (…)` are older styles.',
    evidence: 'FORMAT.md §4: `Hybrid (…)` 119–121 lines a year since 2025, the other forms before (2024-11-20 writes `Virtual and In-Person (Vancouver, BC, CA)`).',
  },
  eventsRightUnderRegion: {
    since: '2025-09-01',
    what: 'A region heading is followed directly by its first event, without a blank line (the events team\'s linter reads a blank line as the end of the region).',
    evidence: 'Issues until 2025-07-30 leave a blank line after most region headings (2022-03-02 to 2025-07-30: 3–6 an issue, 2024-01-24 too); 2025-09-10 and every issue of 2026 none.',
  },
  cfpBoldNames: {
    since: '2025-01-01',
    what: 'CFP - Events names are bold: `[**event name**](URL)`.',
    evidence: 'FORMAT.md §4: bold CFP names only from 2025; 39 of 39 CFP event lines of 2026 are bold.',
  },
  optionalAuCaStates: {
    since: '2026-01-01',
    what: 'Australia and Canada are written with or without a state or province (`Sydney, AU`, `Sydney, NSW, AU`); the US keeps them.',
    evidence: 'FORMAT.md §4: until 2025 AU/CA carried one; in 2026 49 AU/CA lines have none and 90 have one (the events team’s tooling writes none).',
  },
} as const satisfies Record<string, ConventionChange>;

export type ConventionName = keyof typeof CONVENTION_CHANGES;

/** What holds for one issue. */
export interface Conventions {
  /** The issue date the conventions were chosen by (undefined: none is known, today's apply). */
  readonly date?: IsoDate;
  /** Country codes whose locations must carry a state or province. */
  readonly statesRequired: ReadonlySet<string>;
  readonly starBullets: boolean;
  readonly wednesdayIssues: boolean;
  readonly regionOrder: boolean;
  readonly h1OnlyForQuote: boolean;
  readonly hybridForm: boolean;
  readonly eventsRightUnderRegion: boolean;
  readonly cfpBoldNames: boolean;
}

const SINCE = Object.fromEntries(Object.entries(CONVENTION_CHANGES).map(([name, change]) => [name, parseIsoDate(change.since)!.dayNumber])) as Record<ConventionName, number>;

export function conventionsAt(date: IsoDate | undefined): Conventions {
  const holds = (name: ConventionName) => date === undefined || date.dayNumber >= SINCE[name];
  return {
    date,
    statesRequired: new Set(holds('optionalAuCaStates') ? ['US'] : ['US', 'CA', 'AU']),
    starBullets: holds('starBullets'),
    wednesdayIssues: holds('wednesdayIssues'),
    regionOrder: holds('regionOrder'),
    h1OnlyForQuote: holds('h1OnlyForQuote'),
    hybridForm: holds('hybridForm'),
    eventsRightUnderRegion: holds('eventsRightUnderRegion'),
    cfpBoldNames: holds('cfpBoldNames'),
  };
}

const byModel = new WeakMap<IssueModel, Conventions>();

/** The conventions in force at the issue's date: its `Date:`, else its file name's date. */
export function conventionsOf(model: IssueModel): Conventions {
  let conventions = byModel.get(model);
  if (!conventions) {
    conventions = conventionsAt(model.header?.issueDate ?? fileNameDate(model.fileName));
    byModel.set(model, conventions);
  }
  return conventions;
}
