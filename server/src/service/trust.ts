/**
 * When a fix may run unasked. Removing events and rewriting the events window follow from the
 * header's `Date:`: a typo there (`2026-11-14` for `2026-01-14`) would delete every event of a
 * draft. Such fixes run unasked (fix-all, a save with `source.fixAll.twir`, `twir-lint --fix`) only
 * when the date is confirmed; otherwise they are offered one by one, with the reason.
 */
import { conventionsOf } from './conventions';
import type { LintDiagnostic } from './lint';
import type { IssueModel } from './model/types';
import { addDays, EVENTS_WINDOW_DAYS, fileNameDate, formatIsoDate, isWednesday } from './util/dates';

/** Why a fix is not applied unasked; undefined when it may be. */
export type Doubt = string | undefined;

/**
 * Doubt about the header date: it must be a date, a Wednesday (for issues since Wednesdays) and the
 * date of the file name when the name has one. Rewriting the window line follows from it.
 */
export function headerDateDoubt(model: IssueModel): Doubt {
  const date = model.header?.issueDate;
  if (!date) return 'the header has no valid `Date:`';
  const iso = formatIsoDate(date);
  if (conventionsOf(model).wednesdayIssues && !isWednesday(date)) return `the header date ${iso} is not a Wednesday`;
  const fromName = fileNameDate(model.fileName);
  if (fromName && fromName.dayNumber !== date.dayNumber) return `the header date ${iso} is not the file name's ${formatIsoDate(fromName)}`;
  return undefined;
}

/**
 * Doubt about the events window, on which removing events rests: the header date's doubts, and a
 * window line that is missing, unreadable or says otherwise (the three must agree).
 */
export function eventsWindowDoubt(model: IssueModel): Doubt {
  const doubt = headerDateDoubt(model);
  if (doubt) return doubt;
  const date = model.header!.issueDate!;
  const written = model.events?.window;
  const end = addDays(date, EVENTS_WINDOW_DAYS);
  if (!written) return 'there is no window line `Rusty Events between START - END` to confirm the header date';
  if (!written.start || !written.end) return 'the window line has no dates to confirm the header date';
  if (written.start.dayNumber !== date.dayNumber || written.end.dayNumber !== end.dayNumber) {
    return `the window line says ${formatIsoDate(written.start)} - ${formatIsoDate(written.end)}, the header date ${formatIsoDate(date)} - ${formatIsoDate(end)}`;
  }
  return undefined;
}

/**
 * Doubt about writing the window line from the header date: the header date's doubts, and events
 * the written window keeps that the new one would put outside. Fix-all would remove those on its
 * next run on the strength of a window it wrote itself; a person confirms the new window instead.
 */
export function windowRewriteDoubt(model: IssueModel, newlyOutside: number): Doubt {
  const doubt = headerDateDoubt(model);
  if (doubt) return doubt;
  if (newlyOutside > 0) return `${newlyOutside === 1 ? 'an event' : `${newlyOutside} events`} inside the window it says now would fall outside`;
  return undefined;
}

/**
 * What fix-all does to a fix that rests on the events window when the window was in doubt before
 * the run: a fix of the run (rewriting the window line, the header) made it agree, and a deletion
 * needs a premise that held before any fix. The fix is then offered one by one, with the reason.
 */
export function doubtedBeforeFixAll(diagnostic: LintDiagnostic, doubtBefore: Doubt): LintDiagnostic {
  if (!doubtBefore || !diagnostic.fix?.restsOnWindow || diagnostic.fix.safe === false) return diagnostic;
  const doubt = `before this fix-all, ${doubtBefore}`;
  return { ...diagnostic, message: `${diagnostic.message} Not removed unasked: ${doubt}.`, fix: { ...diagnostic.fix, safe: false, doubt } };
}

/**
 * Doubt about removing `removed` of the issue's `total` events, on top of the window's: emptying
 * the events section or removing more than half of it is never routine (a week's past events are
 * about a third), so a person confirms it.
 */
export function eventRemovalDoubt(model: IssueModel, removed: number, total: number): Doubt {
  const doubt = eventsWindowDoubt(model);
  if (doubt) return doubt;
  if (removed === total && total > 0) return `it would remove every event (${total})`;
  if (removed * 2 > total) return `it would remove ${removed} of the ${total} events, more than half`;
  return undefined;
}
