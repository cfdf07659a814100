import type { IssueModel } from './model/types';
import type { Severity, Weight } from './rules/types';

/**
 * The one place that decides a finding's severity: what the finding is (its rule's certainty, or
 * its own where a case is softer) × the moment of the issue × the preset × the user's settings.
 *
 * TWiR publishes by moving `draft/X` to `content/X`. While a file is in `draft/` the issue is in
 * progress: last week's events carried over, placeholders and empty sections are the week's work,
 * not mistakes. Checked for publishing (`--preset publish`, the readiness view) or published (a
 * file in `content/`, which the publishing commit creates), they are errors.
 */
export type Moment = 'in-progress' | 'publishing' | 'published';
export const MOMENTS: readonly Moment[] = ['in-progress', 'publishing', 'published'];

export interface Judged {
  readonly certainty: Weight;
  /** A placeholder only filled after publishing (`REDDIT_LINK_HERE`): never a blocker, a reminder once published. */
  readonly afterPublication?: boolean;
  /**
   * A publishing task the record shows editors leaving undone (an empty section without its "none"
   * sentence: 15 of the 33 issues of 2026): an error when the issue is checked for publishing,
   * information on a published issue, where it was the style of half the weeks.
   */
  readonly publishingOnly?: boolean;
}

export interface SeverityChoices {
  readonly moment: Moment;
  /** The preset's severity for the rule (TWiR CI's verdicts): it replaces the rule's default, not a finding's own softer case. */
  readonly preset?: Severity;
  /** The user's setting for the rule (`twir.rules`, `.twir-lint.json`): it always wins. */
  readonly setting?: Severity;
  /** Whether the finding declared its own certainty (a softer case of its rule), which a preset leaves alone. */
  readonly ownCertainty?: boolean;
}

export function severityOf(finding: Judged, choices: SeverityChoices): Severity {
  if (choices.setting) return choices.setting;
  if (choices.preset && !choices.ownCertainty) return choices.preset;
  if (finding.afterPublication) return choices.moment === 'published' ? 'warning' : 'info';
  if (finding.publishingOnly && choices.moment === 'published') return 'info';
  switch (finding.certainty) {
    case 'defect':
      return 'error';
    case 'convention':
      return 'warning';
    case 'task':
      return choices.moment === 'in-progress' ? 'info' : 'error';
    case 'hint':
      return 'hint';
  }
}

/**
 * The moment of an issue: in progress in `draft/` unless checked for publishing; a file anywhere
 * else (`content/`, a published issue opened on its own) is published.
 */
export function momentOf(model: Pick<IssueModel, 'folder'>, publishing = false): Moment {
  if (model.folder === 'draft') return publishing ? 'publishing' : 'in-progress';
  return 'published';
}

/** A rule's default severity in each moment, as the README's rule table says it: `error`, or `info → error` for a publishing task. */
export function defaultSeverities(finding: Judged): { inProgress: Severity; publishing: Severity; published: Severity } {
  const at = (moment: Moment) => severityOf(finding, { moment });
  return { inProgress: at('in-progress'), publishing: at('publishing'), published: at('published') };
}
