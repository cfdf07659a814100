/**
 * Fixes that follow from the header date run unasked only on a confirmed date: tested on the seed
 * draft of 2026-01-14 (52 events, 17 of the week before) with its header damaged.
 */
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/unit/fixtures';
import { fixUntilStable } from './fix-all';
import { lint } from './lint';
import { buildModel } from './model/build';
import type { IssueModel } from './model/types';

const seed = readFixture('seeds/2026-01-14-this-week-in-rust.md');
const WINDOW = 'Rusty Events between 2026-01-14 - 2026-02-11';

const eventCount = (model: IssueModel) => model.events!.regions.reduce((count, region) => count + region.events.length, 0);

/** Fix-all (as `--fix` and a save run it) on the seed with its text changed. */
function fixAll(change: (text: string) => string, fileName = seed.fileName) {
  const model = buildModel(change(seed.text), { fileName });
  const result = lint(model);
  const fixed = fixUntilStable(model, result, {});
  expect(fixed.unsettled).toBeUndefined();
  const outOfWindow = result.diagnostics.filter((diagnostic) => diagnostic.rule === 'events/out-of-window');
  return { before: eventCount(model), after: eventCount(fixed.model), text: fixed.model.text, outOfWindow };
}

describe('fixes that follow from the header date', () => {
  it('remove the week before unasked on a confirmed date (a Wednesday, the file name, the window line)', () => {
    const { before, after } = fixAll((text) => text);
    expect([before, after]).toEqual([52, 35]);
  });

  it.each([
    ['a typo in the year-month (2026-11-14: a Saturday)', 'Date: 2026-11-14', /the header date 2026-11-14 is not a Wednesday/],
    ['a Wednesday that is not the file name’s date', 'Date: 2026-01-21', /the header date 2026-01-21 is not the file name's 2026-01-14/],
    ['no date at all', 'Date: soon', /the header has no valid `Date:`/],
  ])('are offered one by one, with the reason, on %s', (_, header, reason) => {
    const { before, after, text, outOfWindow } = fixAll((text) => text.replace('Date: 2026-01-14', header));
    expect(after).toBe(before);
    expect(text).toContain(WINDOW);
    for (const diagnostic of outOfWindow) {
      expect(diagnostic.message).toMatch(reason);
      expect(diagnostic.fix).toMatchObject({ safe: false, doubt: expect.stringMatching(reason) });
    }
  });

  it('never rest on a window the fix-all wrote: a window line a week behind is left for a person to confirm', () => {
    const { before, after, text, outOfWindow } = fixAll((text) => text.replace(WINDOW, 'Rusty Events between 2026-01-07 - 2026-02-04'));
    expect(outOfWindow.every((diagnostic) => /the window line says 2026-01-07 - 2026-02-04/.test(diagnostic.message))).toBe(true);
    // Rewriting the window would put the week before outside it, and the next fix-all would remove it.
    expect(text).toContain('Rusty Events between 2026-01-07 - 2026-02-04');
    expect([before, after]).toEqual([52, 52]);
    const model = buildModel(seed.text.replace(WINDOW, 'Rusty Events between 2026-01-07 - 2026-02-04'), { fileName: seed.fileName });
    const windowFindings = lint(model).diagnostics.filter((diagnostic) => diagnostic.rule === 'events/window-header' && diagnostic.message.startsWith('The window starts'));
    expect(windowFindings).toHaveLength(1);
    expect(windowFindings[0].message).toMatch(/Not rewritten unasked: 17 events inside the window it says now would fall outside/);
    expect(windowFindings.every((diagnostic) => diagnostic.fix?.safe === false)).toBe(true);
  });

  it('remove nothing, in this fix-all or the next, after the Date: of a file without a date in its name moves a week on', () => {
    // The issue's case: fix-all rewrote the window line in one pass and removed 16 events in the next.
    const nextWeek = (text: string) => text.replace('Date: 2026-01-14', 'Date: 2026-01-21');
    const first = fixAll(nextWeek, 'draft.md');
    expect([first.before, first.after]).toEqual([52, 52]);
    expect(first.text).toContain(WINDOW);
    const second = fixAll(() => nextWeek(first.text), 'draft.md');
    expect([second.before, second.after]).toEqual([52, 52]);
  });

  it('remove nothing in the run whose fixes made the window agree, and say why', () => {
    // The window line ends a week early: fix-all moves its end (no event falls outside it that was inside); the removal waits.
    const damaged = seed.text.replace(WINDOW, 'Rusty Events between 2026-01-14 - 2026-02-04');
    const model = buildModel(damaged, { fileName: seed.fileName });
    const fixed = fixUntilStable(model, lint(model), {});
    expect(fixed.model.text).toContain(WINDOW);
    expect(eventCount(fixed.model)).toBe(eventCount(model));
    const waiting = fixed.result.diagnostics.filter((diagnostic) => diagnostic.rule === 'events/out-of-window');
    expect(waiting.length).toBeGreaterThan(0);
    for (const diagnostic of waiting) {
      expect(diagnostic.message).toMatch(/Not removed unasked: before this fix-all, the window line says 2026-01-14 - 2026-02-04, the header date 2026-01-14 - 2026-02-11\./);
      expect(diagnostic.fix).toMatchObject({ safe: false });
    }
    // The next run removes them: they were outside the window as a person wrote it, too.
    const next = fixAll(() => fixed.model.text);
    expect([next.before, next.after]).toEqual([52, 35]);
  });

  it('never empty the events section or remove more than half of it unasked', () => {
    // A confirmed date a month later: every event of the seed is past.
    const later = (text: string) => text.replace('Date: 2026-01-14', 'Date: 2026-03-11').replace(WINDOW, 'Rusty Events between 2026-03-11 - 2026-04-08');
    const { before, after, outOfWindow } = fixAll(later, '2026-03-11-this-week-in-rust.md');
    expect(after).toBe(before);
    expect(outOfWindow[0].message).toMatch(/Not removed unasked: it would remove every event \(52\)/);
  });
});
