/**
 * Issue-level acceptance: what every rule reports at error level ("this will publish wrong") on
 * each real issue. The seeds carry their real defects; the published issues their known leftovers
 * (each checked by hand against the file); the legacy issues and the template nothing.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/service/lint';
import { buildModel } from '../../server/src/service/model/build';
import { allFixtures } from './fixtures';

const EXPECTED_ERRORS: Record<string, Record<string, number>> = {
  // 10 past events, `2024-01-27-28`, two `<!-- Remove this section if empty>`, mojibake, two placeholders.
  'seeds/2024-01-24-this-week-in-rust.md': { 'events/out-of-window': 10, 'events/overview-format': 1, 'placeholder/link': 2, 'render/unclosed-comment': 2, 'text/mojibake': 16 },
  'seeds/2026-01-14-this-week-in-rust.md': { 'events/out-of-window': 17, 'placeholder/link': 2, 'text/mojibake': 8 },
  'published/2014-03-12-this-week-in-rust.markdown': {},
  'published/2015-03-09-this-week-in-rust.md': {},
  'published/2018-06-12-this-week-in-rust.md': {},
  'published/2020-06-10-this-week-in-rust.md': {},
  'published/2021-11-24-this-week-in-rust.md': {},
  'published/2022-03-02-this-week-in-rust.md': {},
  // An event a day after the window; REDDIT_LINK_HERE published.
  'published/2022-07-20-this-week-in-rust.md': { 'events/out-of-window': 1, 'placeholder/link': 1 },
  'published/2023-06-14-this-week-in-rust.md': {},
  'published/2023-06-28-this-week-in-rust.md': { 'events/out-of-window': 3, 'placeholder/link': 1, 'render/nested-indent': 1 },
  // "Testing steps" indented by 2 (render flat), three `[…]()` left empty.
  'published/2024-11-20-this-week-in-rust.md': { 'links/malformed': 3, 'render/nested-indent': 3 },
  // Every title line indented by 2; RustConf after the window, under Virtual and North America.
  'published/2025-07-30-this-week-in-rust.md': { 'events/out-of-window': 2, 'events/title-line': 52 },
  'published/2025-09-10-this-week-in-rust.md': { 'events/region-heading': 1, 'placeholder/link': 1 },
  'published/2026-08-19-this-week-in-rust.md': { 'placeholder/boilerplate': 2 },
  'draft/2026-08-26-this-week-in-rust.md': { 'events/out-of-window': 16, 'placeholder/link': 2 },
  'draft/DRAFT_TEMPLATE': {},
};

describe('errors on the real issues', () => {
  for (const fixture of allFixtures()) {
    it(`${fixture.name}: only its real defects are errors`, () => {
      const { diagnostics, failures } = lint(buildModel(fixture.text, { fileName: fixture.fileName }));
      expect(failures).toEqual([]);
      const counts: Record<string, number> = {};
      for (const diagnostic of diagnostics) if (diagnostic.severity === 'error') counts[diagnostic.rule] = (counts[diagnostic.rule] ?? 0) + 1;
      expect(counts).toEqual(EXPECTED_ERRORS[fixture.name]);
    });
  }
});
