/**
 * The conventions of the TWiR format that changed over time, each with the issue date from which it
 * holds. Rules read the conventions in force at the issue's own `Date:` (else the date in its file
 * name; with neither, today's), never the system clock: a 2023 issue is judged by 2023's style.
 *
 * The dates were measured per quarter on the fixtures (`archive/`: every other week of 2022–2025,
 * `recent/`: every issue of 2026) with scripts/measure-conventions.mjs, and set where the editors'
 * majority turned or where a tool they run (the events team's linter, TWiR's CI) started enforcing
 * the form; a period where they wrote both is left silent. `evidence` says what was counted.
 */
import type { IssueModel } from './model/types';
import { fileNameDate, parseIsoDate, type IsoDate } from './util/dates';

export interface ConventionChange {
  /** The first issue date the convention holds for. */
  readonly since: string;
  /** The rules that read it (the README's rule table says its date beside them). */
  readonly rules: readonly string[];
  readonly what: string;
  readonly evidence: string;
}

export const CONVENTION_CHANGES = {
  starBullets: {
    rules: ['render/bullet'],
    since: '2015-01-01',
    what: 'List items use `*`; the first issues wrote `-`.',
    evidence: 'The 2014 issues list everything with `-` (2014-03-12: 18 items); from 2015 every fixture uses `*`.',
  },
  wednesdayIssues: {
    rules: ['header/metadata'],
    since: '2020-06-10',
    what: 'Issues come out on Wednesdays (their `Date:` is a Wednesday).',
    evidence: 'Issue 342 (2020-06-10) and every issue after it are dated on a Wednesday; before, Mondays and Tuesdays.',
  },
  regionOrder: {
    rules: ['events/region-heading'],
    since: '2022-07-01',
    what: 'Regions go Virtual first, then the continents A–Z.',
    evidence: 'FORMAT.md §4: the continent order settled in mid-2022; every fixture from 2022-07-20 on follows it.',
  },
  h1OnlyForQuote: {
    rules: ['render/h1'],
    since: '2022-07-20',
    what: 'Sections are `##` headings; the only `#` heading in the body is Quote of the Week.',
    evidence:
      'Every archived issue until 2022-06-22 has `# Rust Jobs` (and 2022-03-02 the banner `# We Stand With You 🇺🇦`), 2022-07-06 `# Jobs`; from 2022-07-20 every issue has `# Quote of the Week` alone, ' +
      'but for slips (2024-07-03 `# 2024-07-02 Triage Log`, 2024-09-25 `# Calls for Testing`, 2024-07-17 to 2024-08-28 `# Oceania`).',
  },
  dashDateRanges: {
    rules: ['events/overview-format'],
    since: '2023-04-01',
    what: 'An event of several days is dated `YYYY-MM-DD - YYYY-MM-DD`; `D & D` and `D, D` are reported (a warning: the dates are right).',
    evidence:
      'Distinct event lines with a range, per year (measure-conventions.mjs): 2022 `D & D` 1, `D - D` 0; 2023 `D - D` 6, `D, D` 1 (both in 2023Q1, the last quarter without a `D - D`); ' +
      '2024 `D - D` 10, `D & D` 4, `D, D` 1, `D-DD` 1; 2025 `D - D` 12, `D & D` 1; 2026 `D - D` 11. The events linter parses only `D` and `D - D` (reader.rs).',
  },
  hybridForm: {
    rules: ['events/location'],
    since: '2025-04-01',
    what:
      'A hybrid event is written `Hybrid (City, CC)`; `City, CC + Virtual`, `Virtual + City, CC`, `Virtual and In-Person (…)`, `Virtual + In Person (…)` and `Hybrid - …`/`Hybrid: …` are older styles.',
    evidence:
      'Distinct hybrid lines per year: 2022 `City + Virtual` 10, `Virtual + City` 5; 2023 8 and 2; 2024 `Hybrid - …`/`Hybrid: …` 17, `Virtual and In-Person` 11, `Virtual + City` 11, `City + Virtual` 6, `Hybrid (…)` 2; ' +
      '2025Q1 `Hybrid (…)` 1, `Virtual and In-Person` 2 (mixed: silent); 2025Q2 5 to 1; from 2025Q3 `Hybrid (…)` alone (2025: 24, 2026: 23). The events linter reads only `Hybrid (…)` as hybrid (events.rs `EventLocation`).',
  },
  eventsRightUnderRegion: {
    rules: ['events/blank-lines'],
    since: '2024-06-19',
    what: 'A region heading is followed directly by its first event, without a blank line (the events team\'s linter reads a blank line as the end of the region).',
    evidence:
      'Region headings followed by a blank line / by the first event: 2022 94/5, 2023 118/2, 2024Q1–Q2 61/5 (every issue until 2024-06-05 leaves the blank line), ' +
      '2024-06-19 and every archived issue after it none (2024Q3–2026Q3: 0/411) but 2025-07-30 (5, the issue whose events were rewritten with `-` bullets). 2024-06-12 is not in the archive.',
  },
  cfpBoldNames: {
    rules: ['cfp/event-format'],
    since: '2025-01-01',
    what: 'CFP - Events names are bold: `[**event name**](URL)`.',
    evidence: 'Distinct CFP event lines, bold / not: 2024 0/17, 2025 13/0, 2026 15/0.',
  },
  sameDayOrder: {
    rules: ['events/order'],
    since: '2025-05-14',
    what: 'Events of the same day go by their whole location text, as the events team\'s linter sorts them; before it ran, editors ordered a day by hand.',
    evidence:
      'Same-day neighbours in location order / not (distinct pairs): 2022 145/9, 2023 175/15, 2024 222/24 (10% out of order, 2024Q1–Q3 8 a quarter), 2025 299/12, 2026 254/9. ' +
      'The events linter sorts a day by `location.to_string()` (`EventOverview::cmp`, src/events.rs, bdillo/twir-events-lint); its README runs it on the 2025-05-14 draft, the first we know it ran on.',
  },
  eventsLinterBlankLines: {
    rules: ['events/blank-lines'],
    since: '2025-05-14',
    what: 'Blank lines as the events linter reads them: a line of nothing but spaces is no blank line, and a region heading needs a blank line before it. On the site both render the same.',
    evidence:
      'Lines of spaces in Upcoming Events: 2022 1, 2023 2, 2024 1, 2025 0, 2026 4 (in 26 to 33 issues a year): never visible on the site, so never corrected before the events linter (from the 2025-05-14 draft, its README) rejected them.',
  },
  optionalAuStates: {
    rules: ['events/location'],
    since: '2024-10-01',
    what: 'Australian locations are written with or without a state (`Sydney, AU`, `Sydney, NSW, AU`).',
    evidence: 'Distinct AU lines with / without a state: 2022 16/2 (one of them `Linz, AU`, Austria), 2023 18/0, 2024Q1–Q3 20/0, 2024Q4 2/3, 2025 9/6, 2026 8/13 (the events team\'s tooling writes none).',
  },
  optionalCaStates: {
    rules: ['events/location'],
    since: '2026-07-01',
    what: 'Canadian locations are written with or without a province (`Toronto, CA`, `Toronto, ON, CA`).',
    evidence: 'Distinct CA lines with / without a province: 2022 14/0, 2023 14/1, 2024 25/0, 2025 24/0, 2026Q1–Q2 16/0, 2026Q3 5/5.',
  },
  groupsJoinedByPlus: {
    rules: ['events/overview-format'],
    since: '2026-01-01',
    what: 'Several groups on one event line are joined with ` + ` (what the events linter writes); ` | ` between groups is reported.',
    evidence:
      'Distinct lines with several groups, by joiner: 2022 ` | ` 2, ` and ` 3; 2023 ` and ` 17, ` | ` 2; 2024 ` + ` 33, ` & ` 2; 2025 ` | ` 15, ` + ` 3 (mixed: silent); 2026 ` and ` 1, no ` | `. ' +
      'The events linter joins groups with ` + ` (`EventGroups` Display, src/events.rs).',
  },
  repoOrCrateWarned: {
    rules: ['links/repo-or-crate'],
    since: '2026-01-01',
    what: 'A community link straight to a GitHub repository or a crates.io page is reported (TWiR\'s CI warns about it).',
    evidence:
      'Community links straight to a repository or crate per year: 2022 1 of 848, 2023 8 of 702, 2024 10 of 761, 2025 2 of 630, 2026 2 of 953, published without remark: ' +
      'TWiR\'s CI warns about them only from its 2026 change to tools/inspect_links.py (`check_suspicious`; version read: 9951b5bbf7f2f17b166c45b774936beeab197d4c).',
  },
} as const satisfies Record<string, ConventionChange>;

/**
 * Styles measured and found mixed in every period, or accepted forms that were never corrected: the
 * rules say nothing about them (a hint at most), whatever the date.
 */
export const UNSETTLED_STYLES = {
  cfpTemplateSeparator: {
    rules: ['cfp/event-format'],
    what: '`[**event name**](URL)| …`: the draft template\'s own comment writes no space before the first `|` of a CFP event line. A hint, never more.',
    evidence: 'Distinct CFP event lines with `)|` / `) |`: 2024 3/12, 2025 3/10, 2026 2/12, in every year both, published and fixed.',
  },
  windowDecorations: {
    rules: ['events/window-header'],
    what: 'A themed week decorates the window line (`Rusty Events between D - D 💕 🦀 💕`): the events linter reads only `Rusty Events between D - D`.',
    evidence: 'Window lines: 137 `… 🦀`, 1 `… 💕 🦀 💕` (2024-02-14, Valentine\'s week).',
  },
  playlistAndBilingualPrefixes: {
    rules: ['links/prefix'],
    what: 'Community link prefixes beyond `[video]`/`[audio]`/`[series]`/`[XX]`: `[videos]` or `[playlist]` for a playlist, two languages `[ZH | EN]` or `[ZH/EN]` for a bilingual page.',
    evidence: '`[videos]` 2022-03-30 (2 playlists), 2025 1, 2026 1; `[ZH | EN]` 2024 1: all published as written.',
  },
  wordDeadlines: {
    rules: ['cfp/event-format'],
    what: 'A CFP whose deadline is no date: `Rolling deadline`, `Open until filled`.',
    evidence: 'CFP deadline fields without a date: 2025-01-15 `Rolling deadline` (1 of 13 in 2025), published as written.',
  },
} as const satisfies Record<string, Omit<ConventionChange, 'since'>>;

export type ConventionName = keyof typeof CONVENTION_CHANGES;

/** The dated conventions and the unsettled styles that a rule reads, with their names. */
export function conventionRowsOfRule(rule: string): { dated: (ConventionChange & { name: string })[]; unsettled: (Omit<ConventionChange, 'since'> & { name: string })[] } {
  const reads = (row: { rules: readonly string[] }) => row.rules.includes(rule);
  return {
    dated: Object.entries(CONVENTION_CHANGES).filter(([, change]) => reads(change)).map(([name, change]) => ({ name, ...change })),
    unsettled: Object.entries(UNSETTLED_STYLES).filter(([, style]) => reads(style)).map(([name, style]) => ({ name, ...style })),
  };
}

/** Per rule, what the README's rule table says of its dated conventions and unsettled styles. */
export function conventionsOfRule(rule: string): string[] {
  const { dated, unsettled } = conventionRowsOfRule(rule);
  return [...dated.map((change) => `\`${change.name}\` from ${change.since}`), ...unsettled.map((style) => `\`${style.name}\` never (mixed or accepted)`)];
}

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
  readonly dashDateRanges: boolean;
  readonly hybridForm: boolean;
  readonly eventsRightUnderRegion: boolean;
  readonly cfpBoldNames: boolean;
  readonly sameDayOrder: boolean;
  readonly eventsLinterBlankLines: boolean;
  readonly groupsJoinedByPlus: boolean;
  readonly repoOrCrateWarned: boolean;
}

const SINCE = Object.fromEntries(Object.entries(CONVENTION_CHANGES).map(([name, change]) => [name, parseIsoDate(change.since)!.dayNumber])) as Record<ConventionName, number>;

export function conventionsAt(date: IsoDate | undefined): Conventions {
  const holds = (name: ConventionName) => date === undefined || date.dayNumber >= SINCE[name];
  return {
    date,
    statesRequired: new Set(['US', ...(holds('optionalAuStates') ? [] : ['AU']), ...(holds('optionalCaStates') ? [] : ['CA'])]),
    starBullets: holds('starBullets'),
    wednesdayIssues: holds('wednesdayIssues'),
    regionOrder: holds('regionOrder'),
    h1OnlyForQuote: holds('h1OnlyForQuote'),
    dashDateRanges: holds('dashDateRanges'),
    hybridForm: holds('hybridForm'),
    eventsRightUnderRegion: holds('eventsRightUnderRegion'),
    cfpBoldNames: holds('cfpBoldNames'),
    sameDayOrder: holds('sameDayOrder'),
    eventsLinterBlankLines: holds('eventsLinterBlankLines'),
    groupsJoinedByPlus: holds('groupsJoinedByPlus'),
    repoOrCrateWarned: holds('repoOrCrateWarned'),
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
