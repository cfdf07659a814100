/**
 * Issue 9, item 4: a broken event line is reported, and the events after it are still parsed and
 * checked (out of window, order, duplicates) as in the undamaged issue.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/service/lint';
import { buildModel } from '../../server/src/service/model/build';
import type { Entry } from '../../server/src/service/model/types';
import { damageEarlyEvent, DAMAGES } from './damage';
import { readFixture } from './fixtures';

const ISSUES = [
  'draft/2026-08-26-this-week-in-rust.md',
  'seeds/2026-01-14-this-week-in-rust.md',
  'recent/2026-01-14-this-week-in-rust.md',
  'recent/2026-01-21-this-week-in-rust.md',
  'recent/2026-02-04-this-week-in-rust.md',
  'recent/2026-05-20-this-week-in-rust.md',
];
const CHECKS_AFTER = ['events/out-of-window', 'events/order', 'events/duplicate'];

function lintedEvents(text: string, fileName: string) {
  const model = buildModel(text, { fileName });
  return { model, diagnostics: lint(model).diagnostics.filter((diagnostic) => diagnostic.rule.startsWith('events/')) };
}

/**
 * The findings of the checks that read whole regions on the events after the damaged one, as
 * `rule@line` (1-based, moved back by `shift`). A finding that compares an event with the damaged one
 * (`… (line N)`) is about the damage, not about the events after it: a missing title is no duplicate.
 */
function checksAfter(diagnostics: ReturnType<typeof lintedEvents>['diagnostics'], damaged: Entry, shift = 0): string[] {
  const mentionsDamaged = new RegExp(`\\bline ${damaged.line + 1}\\b`);
  return diagnostics
    .filter((diagnostic) => CHECKS_AFTER.includes(diagnostic.rule) && diagnostic.range.start.line > damaged.endLine + shift)
    .filter((diagnostic) => !mentionsDamaged.test(diagnostic.message))
    .map((diagnostic) => `${diagnostic.rule}@${diagnostic.range.start.line - shift + 1}`);
}

describe.each(ISSUES)('%s with one early event damaged', (name) => {
  const { text, fileName } = readFixture(name);
  const original = lintedEvents(text, fileName);

  it.each(DAMAGES.map((damage) => [damage.name, damage] as const))('%s: reported, and the events after it still checked', (_, damage) => {
    const copy = damageEarlyEvent(text, fileName, damage)!;
    expect(copy, 'an event to damage').toBeDefined();
    const damaged = lintedEvents(copy.text, fileName);

    expect(damaged.diagnostics.filter((diagnostic) => diagnostic.range.start.line === copy.reportedAt).map((diagnostic) => diagnostic.rule)).toContain(damage.rule);
    expect(checksAfter(damaged.diagnostics, copy.event, copy.shift)).toEqual(checksAfter(original.diagnostics, copy.event));
    const eventsIn = (model: typeof original.model) => model.events!.regions[copy.regionIndex].events.length;
    expect(eventsIn(damaged.model)).toBe(eventsIn(original.model));
  });
});

it('the issues chosen have findings after the damaged event to compare', () => {
  const compared = ISSUES.map((name) => {
    const { text, fileName } = readFixture(name);
    const copy = damageEarlyEvent(text, fileName, DAMAGES[0])!;
    return checksAfter(lintedEvents(text, fileName).diagnostics, copy.event);
  });
  for (const rule of CHECKS_AFTER) expect(compared.flat().some((finding) => finding.startsWith(`${rule}@`)), rule).toBe(true);
});
