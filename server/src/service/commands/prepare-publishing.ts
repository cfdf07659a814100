import type { LintDiagnostic } from '../lint';
import type { IssueModel } from '../model/types';
import { ruleById } from '../rules/index';
import type { Rule, TextEdit } from '../rules/types';
import { fixUntilSettled, replacementEdit } from './events';
import { publishReadiness } from './readiness';

/**
 * "Prepare for Publishing": every publishing task a fix can do, at once and asked for — the events
 * outside the window removed (and the regions they leave empty), the generator's text removed, the
 * "none this week" sentence written in each section still empty. Fix-all never writes those
 * sentences: mid-week a section is empty because nobody has filled it yet; here the editor says
 * the week is done. What only a person can do (placeholders, crate, quote, empty sections without a
 * sentence) is listed as left.
 */
const TASKS: readonly { rule: string; done: (count: number) => string }[] = [
  { rule: 'events/out-of-window', done: (count) => `remove ${count} event${count === 1 ? '' : 's'} outside the window` },
  { rule: 'events/empty-region', done: (count) => `remove ${count} region heading${count === 1 ? '' : 's'} left empty` },
  { rule: 'placeholder/boilerplate', done: (count) => `remove ${count} line${count === 1 ? '' : 's'} of generator text` },
  { rule: 'section/empty', done: (count) => `write the "none this week" sentence in ${count} empty section${count === 1 ? '' : 's'}` },
];

export interface Preparation {
  edits: TextEdit[];
  /** What the edits do, for the person: `remove 16 events outside the window`. */
  done: string[];
  /** Why any of it is not routine (a doubtful header date): the person confirms it. */
  doubt?: string;
  /** What is left for a person after them: the readiness items that stay errors at publishing. */
  left: string[];
}

export function preparePublishing(model: IssueModel, lintAfter: (model: IssueModel) => readonly LintDiagnostic[]): Preparation {
  const rules = TASKS.map((task) => ruleById(task.rule)).filter((rule): rule is Rule => rule !== undefined);
  const { result, fixed, doubt } = fixUntilSettled(model, rules);
  const done = TASKS.flatMap((task) => {
    const count = [...fixed].find(([rule]) => rule.id === task.rule)?.[1] ?? 0;
    return count > 0 ? [task.done(count)] : [];
  });
  const left = publishReadiness(result, lintAfter(result))
    .items.filter((item) => item.severity === 'error')
    .map((item) => `${item.group[0]}: ${item.label}`);
  return { edits: result === model ? [] : [replacementEdit(model, result.text)], done, doubt, left };
}
