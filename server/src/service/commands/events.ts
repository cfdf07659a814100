import { buildModel } from '../model/build';
import type { IssueModel } from '../model/types';
import { applyEdits, nonOverlapping } from '../rules/fixes';
import { ruleById } from '../rules/index';
import { protectMarkers } from '../rules/submerge/protect';
import type { Rule, TextEdit } from '../rules/types';

/**
 * "Sort events" and "Remove events outside the window": each applies one events rule's fixes —
 * the rules own the logic. Fixes that touch the same lines cannot all apply at once, so the rule
 * runs again on the result until it has nothing left to fix; the command returns the one edit
 * from the document as it is to the result.
 */
export const SORT_EVENTS_RULE = 'events/order';
export const OUT_OF_WINDOW_RULE = 'events/out-of-window';

/** Enough passes for any real issue; a rule whose fixes never settle stops here. */
const MAX_PASSES = 20;

/**
 * The edits, how many fixes they make, why any of them is not routine (a person confirms it), and
 * what they change per region, for the person: `Europe 3, North America 2` (empty: nothing to do).
 */
export type RuleFixResult = { edits: TextEdit[]; fixed: number; doubt?: string; changed: { events: number; perRegion: string } } | { error: string };

export function applyRuleFixes(model: IssueModel, ruleId: string): RuleFixResult {
  const rule = ruleById(ruleId);
  if (!rule) return { error: `The rule ${ruleId} is not available in this version.` };
  const { result, fixed, doubt } = fixUntilSettled(model, [rule]);
  return { edits: result === model ? [] : [replacementEdit(model, result.text)], fixed: fixed.get(rule) ?? 0, doubt, changed: changedEvents(model, result, ruleId === SORT_EVENTS_RULE ? moved : removed) };
}

/**
 * The rules' fixes applied pass after pass until none is left: the resulting model, how many fixes
 * each rule made, and why any of them is not routine.
 */
export function fixUntilSettled(model: IssueModel, rules: readonly Rule[]): { result: IssueModel; fixed: Map<Rule, number>; doubt?: string } {
  let current = model;
  const fixed = new Map<Rule, number>();
  let doubt: string | undefined;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes = rules.flatMap((rule) => rule.check({ model: current, recentIssues: [] }).flatMap((finding) => (finding.fix ? [{ rule, fix: protectMarkers(current, finding.fix) }] : [])));
    doubt ??= fixes.find(({ fix }) => fix.doubt)?.fix.doubt;
    // Fixes of several rules may touch the same lines: those that overlap wait for the next pass.
    const edits = nonOverlapping(fixes.flatMap(({ fix }) => fix.edits));
    if (edits.length === 0) break;
    const text = applyEdits(current.text, current.lines, edits);
    if (text === current.text) break;
    for (const { rule, fix } of fixes) if (fix.edits.every((edit) => edits.includes(edit))) fixed.set(rule, (fixed.get(rule) ?? 0) + 1);
    current = buildModel(text, { fileName: model.fileName, folder: model.folder });
  }
  return { result: current, fixed, doubt };
}

/** The events of each region, as their overview lines read. */
function regionEvents(model: IssueModel): Map<string, string[]> {
  return new Map((model.events?.regions ?? []).map((region) => [region.name, region.events.map((entry) => model.lines.lineText(entry.line))]));
}

/** How many events of a region are gone. */
const removed = (before: readonly string[], after: readonly string[]) => before.length - after.length;
/** How many events of a region are at another place in it. */
const moved = (before: readonly string[], after: readonly string[]) => before.filter((line, index) => after[index] !== line).length;

/** How many events changed, in all and per region (`Europe 3, North America 2`). */
function changedEvents(before: IssueModel, after: IssueModel, count: (before: readonly string[], after: readonly string[]) => number): { events: number; perRegion: string } {
  const afterEvents = regionEvents(after);
  const changes = [...regionEvents(before)].map(([name, events]) => ({ name, changed: count(events, afterEvents.get(name) ?? []) })).filter(({ changed }) => changed > 0);
  return { events: changes.reduce((sum, { changed }) => sum + changed, 0), perRegion: changes.map(({ name, changed }) => `${name} ${changed}`).join(', ') };
}

/** One edit replacing the whole lines where two texts differ (whole lines: never half a `\r\n`). */
export function replacementEdit(model: IssueModel, after: string): TextEdit {
  const { text: before, lines } = model;
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const start = lines.starts[lines.lineAt(prefix)];
  let end = before.length - suffix;
  if (end !== lines.starts[lines.lineAt(end)]) end = lines.starts[lines.lineAt(end) + 1] ?? before.length;
  return { range: lines.rangeOf(start, end), newText: after.slice(start, after.length - (before.length - end)) };
}
