/**
 * Issue-level acceptance: every error and warning of every rule on each real issue, each judged by
 * hand against the file as a real slip an editor of that week would thank us for (the judgement is
 * the comment beside it). The seeds and the draft carry their real defects; the published issues
 * their leftovers; the legacy issues and the template nothing they could be blamed for. Each issue
 * is judged by the conventions of its own date (service/conventions.ts).
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/service/lint';
import { buildModel } from '../../server/src/service/model/build';
import { allFixtures, recentFixtures } from './fixtures';

/**
 * `rule` → counts as `e3` (errors) and `w2` (warnings), e.g. `e1w2`. Each file is linted as a
 * published issue (severity.ts): a section left empty without its "none" sentence is information
 * (editors published half the issues of 2026 so: a publishing task, not a defect once published), a
 * `REDDIT_LINK_HERE` a reminder (a warning).
 */
const EXPECTED: Record<string, Record<string, string>> = {
  // 10 past events, `2024-01-27-28` (a warning: the dates read right), two `<!-- Remove this section if empty>`,
  // mojibake, two placeholders. (A day's order by location holds from 2025-05-14: conventions.ts sameDayOrder.)
  'seeds/2024-01-24-this-week-in-rust.md': { 'events/out-of-window': 'e10', 'events/overview-format': 'w1', 'placeholder/link': 'e1w1', 'render/unclosed-comment': 'e2', 'text/mojibake': 'e16' },
  // 17 past events, two placeholders, mojibake, and the window line's crab lost to mojibake.
  'seeds/2026-01-14-this-week-in-rust.md': { 'events/out-of-window': 'e17', 'events/window-header': 'w1', 'placeholder/link': 'e1w1', 'text/mojibake': 'e8' },
  'published/2014-03-12-this-week-in-rust.markdown': {},
  'published/2015-03-09-this-week-in-rust.md': {},
  // `[podcast]` for `[audio]`; three `irc://` community links, which TWiR's CI rejects too.
  'published/2018-06-12-this-week-in-rust.md': { 'links/prefix': 'w1', 'links/scheme': 'w3' },
  // `[Chinese]`, `[Indonesian]` for `[ZH]`, `[ID]`; an unknown `[slides]`.
  'published/2020-06-10-this-week-in-rust.md': { 'links/prefix': 'w3' },
  // `rust-analyzer.github.io//blog/…`, which TWiR's CI reports as "can be simplified".
  'published/2021-11-24-this-week-in-rust.md': { 'links/simplify': 'w1' },
  // Scylla's workshop has no location: `2022-03-03 | [Scylla](…)`.
  'published/2022-03-02-this-week-in-rust.md': { 'events/overview-format': 'e1' },
  // An event a day after the window; REDDIT_LINK_HERE published; `Columbus, IL` under North America (IL is Israel's code).
  'published/2022-07-20-this-week-in-rust.md': { 'events/out-of-window': 'e1', 'events/wrong-region': 'w1', 'placeholder/link': 'w1' },
  // Two days out of location order and a link straight to a GitHub repository: the style of 2023
  // (conventions.ts sameDayOrder, repoOrCrateWarned).
  'published/2023-06-14-this-week-in-rust.md': {},
  // Three events of the week before, REDDIT_LINK_HERE, a nested item by 2, Mainmatter's workshop
  // under Europe with a title that is not bold.
  'published/2023-06-28-this-week-in-rust.md': { 'events/out-of-window': 'e3', 'events/title-line': 'e1', 'events/wrong-region': 'w1', 'placeholder/link': 'w1', 'render/nested-indent': 'e1' },
  // "Testing steps" as `  - ` (flat, and `-`), three `[…]()` left empty; the Kampala event copied
  // under Africa as `Virtual( Kampala, UG)` out of date order, and its link copied to another date;
  // (Sydney and Canberra without their state: both forms from 2024-10, conventions.ts optionalAuStates.)
  'published/2024-11-20-this-week-in-rust.md': {
    'events/duplicate': 'w1',
    'events/location': 'w1',
    'events/order': 'w1',
    'events/wrong-region': 'w1',
    'links/malformed': 'e3',
    'render/bullet': 'w3',
    'render/nested-indent': 'e3',
  },
  // Every event written with `-` and its title line indented by 2 (renders flat); RustConf after
  // the window, under Virtual and North America; a blank line under five region headings, a year after
  // editors stopped leaving one (conventions.ts eventsRightUnderRegion). (Barton, AU: AU states optional.)
  'published/2025-07-30-this-week-in-rust.md': { 'events/blank-lines': 'w5', 'events/out-of-window': 'e2', 'events/title-line': 'e52', 'render/bullet': 'w155' },
  // `### Oceania:`, REDDIT_LINK_HERE. (`[Rust Girona](…) | [Silicon Girona](…)`: late 2025 joined groups
  // with ` | ` as often as with ` + `, conventions.ts groupsJoinedByPlus.)
  'published/2025-09-10-this-week-in-rust.md': { 'events/region-heading': 'e1', 'placeholder/link': 'w1' },
  // The RFC generator's instructions to editors, published.
  'published/2026-08-19-this-week-in-rust.md': { 'placeholder/boilerplate': 'e2' },
  // 16 events of the week before; two placeholders.
  'draft/2026-08-26-this-week-in-rust.md': { 'events/out-of-window': 'e16', 'placeholder/link': 'e1w1' },
  'draft/DRAFT_TEMPLATE': {},

  // Every issue of 2026: today's conventions (no state needed for AU and CA, `Hybrid (…)`, bold CFP names).
  // The RFCs list right after a paragraph (renders as its text).
  'recent/2026-01-07-this-week-in-rust.md': { 'render/list-after-paragraph': 'e1' },
  // Rust Hack and Learn twice under Virtual; Hybrid Seattle after Virtual Berlin; `[**Rust Meetup #17**: …]` half bold.
  'recent/2026-01-14-this-week-in-rust.md': { 'events/duplicate': 'w1', 'events/order': 'w1', 'events/title-line': 'e1' },
  // Reading Rust's event link copied to another date.
  'recent/2026-01-21-this-week-in-rust.md': { 'events/duplicate': 'w1' },
  'recent/2026-01-28-this-week-in-rust.md': {},
  // A crates.io and a GitHub repository link (TWiR's CI warns too); the CFPs after a paragraph and
  // `[**Oxidize Conference](…)` unbalanced; `Manchester, GB`; Montréal after Nashville on one day.
  'recent/2026-02-04-this-week-in-rust.md': { 'cfp/event-format': 'w1', 'events/location': 'w1', 'events/order': 'w1', 'links/repo-or-crate': 'w2', 'render/list-after-paragraph': 'e1' },
  // `Virtual (London, UK)| [Women in Rust]`; Mountain View, CA, US under Europe.
  'recent/2026-02-11-this-week-in-rust.md': { 'events/overview-format': 'w1', 'events/wrong-region': 'w1' },
  'recent/2026-02-18-this-week-in-rust.md': { 'events/overview-format': 'w1', 'events/wrong-region': 'w1' },
  // The same `UK)|`; Rustikon with no location (`| |`); Melbourne a day after the window.
  'recent/2026-02-25-this-week-in-rust.md': { 'events/out-of-window': 'e1', 'events/overview-format': 'e1w1' },
  'recent/2026-03-04-this-week-in-rust.md': {},
  // `[**Rust Meetup #18**: …]` half bold.
  'recent/2026-03-11-this-week-in-rust.md': { 'events/title-line': 'e1' },
  'recent/2026-03-18-this-week-in-rust.md': { 'events/location': 'w2', 'events/order': 'w1', 'events/title-line': 'e1' },
  // `Bangalore, IN, [Rust India](…)` twice (a comma for ` | `); four `GB`; `Portland, OR` without US.
  'recent/2026-03-25-this-week-in-rust.md': { 'events/location': 'w5', 'events/overview-format': 'e2' },
  // NDC Techtown's CFP closed in 2024, a year already past (an error: the year is wrong); two events of the week before; Rust Girona's virtual event
  // under Europe; `Portland, OR`; Dallas after Tel Aviv on one day.
  'recent/2026-04-01-this-week-in-rust.md': { 'cfp/event-format': 'e1', 'events/location': 'w1', 'events/order': 'w1', 'events/out-of-window': 'e2', 'events/wrong-region': 'w1' },
  'recent/2026-04-08-this-week-in-rust.md': { 'events/location': 'w1' },
  'recent/2026-04-15-this-week-in-rust.md': { 'events/location': 'w4' },
  // Two lines of spaces in the events section (the events linter stops there).
  'recent/2026-04-22-this-week-in-rust.md': { 'events/blank-lines': 'w2', 'events/location': 'w5' },
  'recent/2026-04-29-this-week-in-rust.md': { 'events/location': 'w1', 'links/repo-or-crate': 'w1' },
  'recent/2026-05-06-this-week-in-rust.md': { 'events/order': 'w1', 'events/title-line': 'e1', 'links/repo-or-crate': 'w1' },
  'recent/2026-05-13-this-week-in-rust.md': { 'events/order': 'w1' },
  // libp2p's 06-02 listed after 06-16.
  'recent/2026-05-20-this-week-in-rust.md': { 'events/location': 'w1', 'events/order': 'w2' },
  // `- *No Calls for papers…*`.
  'recent/2026-05-27-this-week-in-rust.md': { 'render/bullet': 'w1' },
  'recent/2026-06-03-this-week-in-rust.md': {},
  'recent/2026-06-10-this-week-in-rust.md': { 'events/blank-lines': 'w1', 'events/location': 'w2' },
  // (`[videos]` for a playlist: published every few years, never corrected.)
  'recent/2026-06-17-this-week-in-rust.md': { 'events/blank-lines': 'w1', 'events/location': 'w4', 'events/order': 'w1' },
  'recent/2026-06-24-this-week-in-rust.md': {},
  'recent/2026-07-01-this-week-in-rust.md': {},
  // `### Africa:` after Asia; Rust Girona's 07-29 after 08-04; a space after the `-->` above the CFP
  // projects, which makes them a paragraph on the site.
  'recent/2026-07-08-this-week-in-rust.md': { 'events/location': 'w3', 'events/order': 'w2', 'events/region-heading': 'e1w1', 'render/bullet': 'w1', 'render/list-after-paragraph': 'e1' },
  // Mountain View in person under Virtual; Bangalore's virtual event under Asia; Oceania after South America; `São Paulo, SP`.
  'recent/2026-07-15-this-week-in-rust.md': { 'events/duplicate': 'w1', 'events/location': 'w3', 'events/order': 'w2', 'events/region-heading': 'w1', 'events/wrong-region': 'w2' },
  'recent/2026-07-22-this-week-in-rust.md': { 'events/location': 'w1', 'render/bullet': 'w2' },
  // rustdoc's three PRs nested by 2 (flat).
  'recent/2026-07-29-this-week-in-rust.md': { 'events/location': 'w1', 'render/bullet': 'w2', 'render/nested-indent': 'e3' },
  // `Hybrid (Kuala Lumpur, Malaysia)`.
  'recent/2026-08-05-this-week-in-rust.md': { 'events/location': 'w3', 'events/order': 'w1' },
  'recent/2026-08-12-this-week-in-rust.md': { 'events/order': 'w1' },
  'recent/2026-08-19-this-week-in-rust.md': { 'placeholder/boilerplate': 'e2' },
};

function findingCounts(text: string, fileName: string): Record<string, string> {
  const { diagnostics, failures } = lint(buildModel(text, { fileName }));
  expect(failures).toEqual([]);
  const counts: Record<string, { e: number; w: number }> = {};
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity !== 'error' && diagnostic.severity !== 'warning') continue;
    const count = (counts[diagnostic.rule] ??= { e: 0, w: 0 });
    count[diagnostic.severity === 'error' ? 'e' : 'w']++;
  }
  return Object.fromEntries(Object.entries(counts).map(([rule, { e, w }]) => [rule, `${e ? `e${e}` : ''}${w ? `w${w}` : ''}`]));
}

describe('errors and warnings on the real issues', () => {
  for (const fixture of [...allFixtures(), ...recentFixtures()]) {
    it(`${fixture.name}: only its real slips`, () => {
      expect(findingCounts(fixture.text, fixture.fileName)).toEqual(EXPECTED[fixture.name]);
    });
  }
});
