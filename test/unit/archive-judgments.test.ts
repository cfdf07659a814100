/**
 * Every finding of twir-lint on archive/ (every other week of 2022–2025, as published), judged: *real*
 * (something wrong that week's editor would fix) or *style of its time* (what that week wrote, and
 * then right). Each judgment is a class of findings of one rule, picked by its message, with the
 * reason. The test fails when a finding falls in no class (judge it), and when a finding judged style
 * of its time is a warning or an error: such findings are silent, or hints at most.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/service/lint';
import { buildModel } from '../../server/src/service/model/build';
import { archiveFixtures } from './fixtures';

type Verdict = 'real' | 'style of its time';
type Judgment = { message: RegExp; verdict: Verdict; why: string };

const JUDGMENTS: Record<string, Judgment[]> = {
  'cfp/event-format': [
    { message: /^Expected four fields/, verdict: 'real', why: 'a missing `|` (RustFest Zürich) or a fifth field (Rustikon): not the template\'s four fields' },
    { message: /before its CFP closes on .*: is the year wrong\?$/, verdict: 'real', why: 'Rustikon 2026 dated 2025-03: the year was not updated' },
    { message: /^This CFP closed on/, verdict: 'real', why: 'a CFP still listed after it closed' },
    { message: /^Most CFP lines put a space before the first `\|`/, verdict: 'style of its time', why: '`)|`, the template\'s own form, published every year beside `) |`' },
  ],
  'cfp/project-format': [
    { message: /comment count/, verdict: 'real', why: 'GitHub\'s comment count shown at the end of the title' },
    { message: /^A non-breaking space copied/, verdict: 'style of its time', why: 'shown as a space: a hint' },
  ],
  'events/blank-lines': [{ message: /^A blank line between the region heading/, verdict: 'real', why: '2025-07-30, a year after editors stopped leaving one (conventions.ts eventsRightUnderRegion)' }],
  'events/duplicate': [{ message: /./, verdict: 'real', why: 'the same event page listed twice, or under two dates' }],
  'events/location': [{ message: /./, verdict: 'real', why: 'codes not ISO (`AUS`, `QL`, `NY US`), countries in words, `GB`, `Online`, `Virtual(`, a missing country or state; AU states before 2024-10 (`Linz, AU` is Austria)' }],
  'events/order': [
    { message: /events go in date order\.$/, verdict: 'real', why: 'an event listed after a later one (some dated in a past year)' },
    { message: /events of a day go by location\.$/, verdict: 'real', why: 'from 2025-05-14, when the events linter sorted each day (conventions.ts sameDayOrder)' },
  ],
  'events/out-of-window': [{ message: /./, verdict: 'real', why: 'a past event left in the list' }],
  'events/overview-format': [
    { message: /^Separate the fields with/, verdict: 'real', why: '`US|`: the spacing editors correct in review (FORMAT.md §7)' },
    { message: /^Write the date range as/, verdict: 'real', why: '`D & D`, `D, D`, `D-DD` after ranges settled on ` - ` in 2023-04 (conventions.ts dashDateRanges)' },
    { message: /^The event line misses the location/, verdict: 'real', why: 'no location' },
    { message: /^The group is a link/, verdict: 'real', why: 'a group without its link, or a broken one' },
    { message: /^The same day twice/, verdict: 'real', why: 'one of the two dates is wrong' },
  ],
  'events/region-heading': [{ message: /./, verdict: 'real', why: '`# Oceania` (an H1 on the site), `### Oceania:`, regions out of order after mid-2022' }],
  'events/title-line': [{ message: /./, verdict: 'real', why: 'titles flattened on the site (2 or 3 spaces, 2025-07-30), not bold, not a link' }],
  'events/wrong-region': [{ message: /./, verdict: 'real', why: 'an event under another continent, or in person under Virtual' }],
  'header/metadata': [{ message: /./, verdict: 'real', why: 'no `Category:`' }],
  'links/duplicate': [{ message: /./, verdict: 'real', why: 'the same link twice in the issue' }],
  'links/malformed': [{ message: /./, verdict: 'real', why: 'links the site does not make: empty URL, `hhttps`, `] (`, `((`' }],
  'links/prefix': [{ message: /^Write the prefix as `\[ZH\]`/, verdict: 'real', why: '`[Chinese]`: language prefixes were two-letter codes that year too (31 of 33 in 2022)' }],
  'links/scheme': [{ message: /has no scheme/, verdict: 'real', why: '`[Euro Rust](eurorust)`: a 404 on the site' }],
  'links/tracking': [{ message: /./, verdict: 'real', why: '`utm_` parameters' }],
  'markdown/html': [{ message: /^The site shows this backslash/, verdict: 'real', why: '`\\<T\\>` shows `\\<T>` on the site' }],
  'placeholder/link': [{ message: /./, verdict: 'real', why: '`REDDIT_LINK_HERE`, `INSERT_LINK_HERE` published' }],
  'render/bullet': [{ message: /./, verdict: 'real', why: '`-` bullets: 2025-07-30 had its events rewritten with `-` (and 2 spaces); the rest are single slips' }],
  'render/h1': [
    { message: /renders as a second title of the issue/, verdict: 'real', why: '`# Oceania`, `# Calls for Testing`, `# … Triage Log` after 2022-07-20' },
    { message: /^The site shows this line as a heading/, verdict: 'real', why: '`#122010, which …` shown as a heading' },
  ],
  'render/list-after-paragraph': [{ message: /./, verdict: 'real', why: 'a list shown as paragraph text' }],
  'render/nested-indent': [{ message: /./, verdict: 'real', why: 'a nested list shown flat' }],
  'section/duplicate-heading': [{ message: /./, verdict: 'real', why: 'Calls for Testing sections twice (2025-01) and FCP sections twice (2025-12-31)' }],
};

/** The findings that say something (warnings and errors) and the hints that carry a style judgment. */
const JUDGED_HINTS = new Set(['cfp/event-format', 'cfp/project-format']);

describe('every finding on archive/ judged: real, or style of its time (then silent, or a hint)', () => {
  const findings = archiveFixtures().flatMap((fixture) =>
    lint(buildModel(fixture.text, { fileName: fixture.fileName })).diagnostics
      .filter((diagnostic) => diagnostic.severity === 'error' || diagnostic.severity === 'warning' || JUDGED_HINTS.has(diagnostic.rule))
      .map((diagnostic) => ({ where: `${fixture.name}:${diagnostic.range.start.line + 1}`, ...diagnostic })),
  );
  const judged = findings.map((finding) => ({ finding, judgment: JUDGMENTS[finding.rule]?.find((judgment) => judgment.message.test(finding.message)) }));

  it('the archive has findings to judge', () => {
    expect(findings.length).toBeGreaterThan(100);
  });

  it('each finding falls in a judged class', () => {
    expect(judged.filter(({ judgment }) => !judgment).map(({ finding }) => `${finding.where} ${finding.rule}: ${finding.message}`)).toEqual([]);
  });

  it('no finding judged style of its time is a warning or an error', () => {
    const loud = judged.filter(({ finding, judgment }) => judgment?.verdict === 'style of its time' && (finding.severity === 'error' || finding.severity === 'warning'));
    expect(loud.map(({ finding }) => `${finding.where} ${finding.rule} (${finding.severity}): ${finding.message}`)).toEqual([]);
  });

  it('per rule, the findings and the share judged real', () => {
    const perRule: Record<string, { real: number; style: number }> = {};
    for (const { finding, judgment } of judged) {
      const counts = (perRule[finding.rule] ??= { real: 0, style: 0 });
      if (judgment?.verdict === 'real') counts.real++;
      else counts.style++;
    }
    const loud = judged.filter(({ finding }) => finding.severity === 'error' || finding.severity === 'warning');
    const real = loud.filter(({ judgment }) => judgment?.verdict === 'real').length;
    console.log(`archive/: ${loud.length} warnings and errors, ${real} judged real (${Math.round((100 * real) / loud.length)}%)`, perRule);
    // Every class judged in JUDGMENTS is one the archive has: a class no finding falls in is stale.
    const used = new Set(judged.map(({ judgment }) => judgment));
    const stale = Object.entries(JUDGMENTS).flatMap(([rule, judgments]) => judgments.filter((judgment) => !used.has(judgment)).map((judgment) => `${rule} ${judgment.message}`));
    expect(stale).toEqual([]);
  });
});
