/**
 * Local rules (see `Rule.local`) check each run of segments apart and reuse the findings of runs
 * checked before: the lint must stay what checking the whole document gives, on every fixture and
 * after random edits (each version built from the last, as the server does), and an edit must
 * check again only what it touched.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { lint } from '../../server/src/service/lint';
import { buildModel } from '../../server/src/service/model/build';
import { RULES } from '../../server/src/service/rules/index';
import { applyEdit, edit } from './edits';
import { allFixtures, readFixture, recentFixtures } from './fixtures';

const fixtures = [...allFixtures(), ...recentFixtures()];

/** The lint of the text with every rule checking the whole document, from a model built afresh. */
function wholeLint(text: string, fileName: string) {
  return lint(buildModel(text, { fileName, singleSegment: true }), { reuse: false });
}

describe('local rules', () => {
  it('are many: the rules that dominate a keystroke', () => {
    expect(RULES.filter((rule) => rule.local).length).toBeGreaterThanOrEqual(16);
  });

  it('give the whole-document lint on every fixture', () => {
    for (const fixture of fixtures) expect(lint(buildModel(fixture.text, { fileName: fixture.fileName })), fixture.name).toEqual(wholeLint(fixture.text, fixture.fileName));
  });

  it('give the whole-document lint after random edits of the fixtures, each version built from the last', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.array(edit, { minLength: 1, maxLength: 6 }), (fixture, edits) => {
        let model = buildModel(fixture.text, { fileName: fixture.fileName });
        lint(model);
        for (const change of edits) {
          model = buildModel(applyEdit(model.text, change), { fileName: fixture.fileName, previous: model });
          expect(lint(model)).toEqual(wholeLint(model.text, fixture.fileName));
        }
      }),
      { numRuns: 40 },
    );
  }, 300_000);

  it('check again only the header and the segments an edit touched', () => {
    const { fileName, text } = readFixture('published/2024-11-20-this-week-in-rust.md');
    const rule = RULES.find((candidate) => candidate.id === 'links/malformed')!;
    const check = vi.spyOn(rule, 'check');
    try {
      const before = buildModel(text, { fileName });
      lint(before);
      expect(check.mock.calls.length).toBeGreaterThan(50);
      check.mockClear();
      const at = text.indexOf('* [', text.indexOf('Updates from Rust Community')) + 5;
      const after = buildModel(`${text.slice(0, at)}x${text.slice(at)}`, { fileName, previous: before });
      lint(after);
      const spans = check.mock.calls.map(([context]) => context.span);
      expect(spans).toHaveLength(2);
      expect(spans[0]).toMatchObject({ from: 0 });
      expect(spans[1]!.from).toBeLessThanOrEqual(after.lines.lineAt(at));
      expect(spans[1]!.to).toBeGreaterThan(after.lines.lineAt(at));
    } finally {
      check.mockRestore();
    }
  });

  it('report a local rule that throws as a failure, once, and keep the findings of the others', () => {
    const { fileName, text } = readFixture('published/2024-11-20-this-week-in-rust.md');
    const rule = RULES.find((candidate) => candidate.id === 'text/trailing-space')!;
    const check = vi.spyOn(rule, 'check').mockImplementation(() => {
      throw new Error('boom');
    });
    try {
      // The header is checked every time: the rule throws there even where its findings are reused.
      const result = lint(buildModel(text, { fileName }));
      expect(result.failures).toEqual([{ rule: 'text/trailing-space', error: 'boom' }]);
      expect(result.diagnostics.some((diagnostic) => diagnostic.rule === 'text/trailing-space')).toBe(false);
      expect(result.diagnostics.some((diagnostic) => diagnostic.rule === 'render/bullet')).toBe(true);
    } finally {
      check.mockRestore();
    }
  });
});
