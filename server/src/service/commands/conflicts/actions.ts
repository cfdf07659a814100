/**
 * What the editor offers on conflicts: one action per conflict ("Resolve by the section's rules",
 * or the reason it is left), and the resolution of every conflict it can resolve, for the command.
 */
import type { IssueModel } from '../../model/types';
import type { TextEdit } from '../../rules/types';
import { resolveConflicts, type ConflictResolution } from './resolve';

export const RESOLVE_TITLE = "Resolve by the section's rules";

export interface ConflictAction {
  readonly title: string;
  /** The conflict's first line (its `<<<<<<<`). */
  readonly line: number;
  readonly edit?: TextEdit;
  /** Why there is no edit: the conflict is left for a person. */
  readonly disabled?: string;
}

/** The actions for the conflicts that lines first … last touch. */
export function conflictActions(model: IssueModel, first: number, last: number): ConflictAction[] {
  return resolveConflicts(model.text, model.fileName)
    .filter(({ conflict }) => conflict.start <= last && conflict.end >= first)
    .map(({ conflict, edit, summary }) =>
      edit ? { title: `${RESOLVE_TITLE}: ${summary.replace(/^resolved: /, '')}`, line: conflict.start, edit } : { title: RESOLVE_TITLE, line: conflict.start, disabled: capitalised(summary) },
    );
}

export interface AllResolutions {
  readonly edits: TextEdit[];
  readonly resolved: ConflictResolution[];
  readonly left: ConflictResolution[];
}

/** Every conflict of the document the sections' rules resolve, and those they leave. */
export function resolveAll(model: IssueModel): AllResolutions {
  const resolutions = resolveConflicts(model.text, model.fileName);
  return {
    edits: resolutions.flatMap((resolution) => (resolution.edit ? [resolution.edit] : [])),
    resolved: resolutions.filter((resolution) => resolution.resolved),
    left: resolutions.filter((resolution) => !resolution.resolved),
  };
}

/** One line per conflict: where it is and what becomes of it. */
export function describeResolution(resolution: ConflictResolution): string {
  const where = `Line ${resolution.conflict.start + 1}${resolution.section ? ` (${resolution.section})` : ''}`;
  return `${where}: ${resolution.summary}.`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
