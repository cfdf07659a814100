/**
 * The events/* rules on the real issues of test/fixtures. Every line listed here was checked by hand
 * against the file: the seeds carry the events of the week before, copied in by the draft script.
 */
import { describe, expect, it } from 'vitest';
import { allFixtures, readFixture } from '../../../../../test/unit/fixtures';
import { buildModel } from '../../model/build';
import { lint } from '../../lint';
import { applyEdits } from '../fixes';

function eventDiagnostics(name: string) {
  const { text, fileName } = readFixture(name);
  const model = buildModel(text, { fileName });
  return { model, diagnostics: lint(model).diagnostics.filter((diagnostic) => diagnostic.rule.startsWith('events/')) };
}

/** The error-level events/* findings of a fixture, as `rule` → 1-based lines. */
function errorsOf(name: string): Record<string, number[]> {
  const errors: Record<string, number[]> = {};
  for (const diagnostic of eventDiagnostics(name).diagnostics) {
    if (diagnostic.severity === 'error') (errors[diagnostic.rule] ??= []).push(diagnostic.range.start.line + 1);
  }
  return errors;
}

describe('events/* on the fixtures', () => {
  it('seeds/2026-01-14: the 17 events before the window, nothing else at error level', () => {
    expect(errorsOf('seeds/2026-01-14-this-week-in-rust.md')).toEqual({
      // Virtual 7 (01-07 ×2, 01-08 ×2, 01-13 ×3), Asia 2, Europe 2, North America 6.
      'events/out-of-window': [207, 209, 211, 213, 215, 217, 219, 247, 249, 255, 257, 279, 281, 283, 285, 287, 289],
    });
  });

  // The malformed range 2024-01-27-28 (line 235) is a warning: its dates read right.
  it('seeds/2024-01-24: the 10 events before the window', () => {
    expect(errorsOf('seeds/2024-01-24-this-week-in-rust.md')).toEqual({
      // Virtual 2 (01-17, 01-23), Europe 5 (01-17 ×3, 01-23 ×2), North America 3 (01-17, 01-18, 01-22).
      'events/out-of-window': [155, 157, 198, 200, 202, 204, 206, 227, 229, 231],
    });
  });

  it("draft/2026-08-26: the 16 events of the previous issue's first week", () => {
    expect(errorsOf('draft/2026-08-26-this-week-in-rust.md')).toEqual({
      'events/out-of-window': [206, 208, 210, 212, 214, 256, 258, 260, 266, 268, 270, 286, 288, 290, 292, 294],
    });
  });

  it('published issues since 2022-03: only their leftover defects at error level', () => {
    // Scylla's workshop has no location: `2022-03-03 | [Scylla](…)`.
    expect(errorsOf('published/2022-03-02-this-week-in-rust.md')).toEqual({ 'events/overview-format': [225] });
    // 2022-08-18 Charlottesville, one day after the window.
    expect(errorsOf('published/2022-07-20-this-week-in-rust.md')).toEqual({ 'events/out-of-window': [274] });
    expect(errorsOf('published/2023-06-14-this-week-in-rust.md')).toEqual({});
    // North America kept 06-21, 06-22 and 06-24 of the week before; Mainmatter's workshop title is not bold.
    expect(errorsOf('published/2023-06-28-this-week-in-rust.md')).toEqual({ 'events/out-of-window': [298, 300, 302], 'events/title-line': [292] });
    expect(errorsOf('published/2024-11-20-this-week-in-rust.md')).toEqual({});
    expect(errorsOf('published/2025-09-10-this-week-in-rust.md')).toEqual({ 'events/region-heading': [309] });
    expect(errorsOf('published/2026-08-19-this-week-in-rust.md')).toEqual({});
  });

  it('published/2025-07-30: every title line indented by 2 (renders flat) and RustConf after the window', () => {
    const { model, diagnostics } = eventDiagnostics('published/2025-07-30-this-week-in-rust.md');
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    const titleLines = errors.filter((diagnostic) => diagnostic.rule === 'events/title-line');
    const events = model.events!.regions.reduce((count, region) => count + region.events.length, 0);
    expect(titleLines).toHaveLength(events);
    expect(events).toBe(52);
    for (const diagnostic of titleLines) expect(model.lines.lineText(diagnostic.range.start.line)).toMatch(/^ {2}- \[\*\*/);
    // 2025-09-02 - 2025-09-05, under Virtual and under North America.
    expect(errors.filter((diagnostic) => diagnostic.rule === 'events/out-of-window').map((diagnostic) => diagnostic.range.start.line + 1)).toEqual([284, 348]);
    expect(errors).toHaveLength(54);
  });

  it('legacy issues and the template get no events/* findings', () => {
    const quiet = allFixtures().filter(({ name }) => /published\/20(1\d|20|21)-|DRAFT_TEMPLATE/.test(name));
    expect(quiet.length).toBeGreaterThanOrEqual(6);
    for (const { name } of quiet) expect(eventDiagnostics(name).diagnostics, name).toEqual([]);
  });

  it("fixing the seed's window leaves the events inside it", () => {
    const { model, diagnostics } = eventDiagnostics('seeds/2026-01-14-this-week-in-rust.md');
    const removals = diagnostics.filter((diagnostic) => diagnostic.rule === 'events/out-of-window').flatMap((diagnostic) => diagnostic.fix!.edits);
    const fixed = buildModel(applyEdits(model.text, model.lines, removals), { fileName: model.fileName });
    const count = (built: typeof model) => built.events!.regions.reduce((total, region) => total + region.events.length, 0);
    expect(count(fixed)).toBe(count(model) - 17);
    expect(lint(fixed).diagnostics.filter((diagnostic) => diagnostic.severity === 'error' && diagnostic.rule.startsWith('events/'))).toEqual([]);
  });
});
