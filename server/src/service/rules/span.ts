import type { Entry, IssueModel, Link } from '../model/types';

/**
 * The lines `[from, to)` a local rule checks in one run (see `Rule.local`): it reports only what
 * starts on them. Undefined in a rule's context means the whole document.
 */
export interface LineSpan {
  readonly from: number;
  readonly to: number;
}

/** The span, or the whole document. */
export function spanOrWhole(model: IssueModel, span: LineSpan | undefined): LineSpan {
  return span ?? { from: 0, to: model.lines.lineCount };
}

/** Whether the span is none or covers the whole document (the views computed once per model then apply). */
export function isWhole(model: IssueModel, span: LineSpan | undefined): boolean {
  return span === undefined || (span.from === 0 && span.to >= model.lines.lineCount);
}

/** The span's line numbers. */
export function* linesIn(model: IssueModel, span: LineSpan | undefined): Generator<number> {
  const { from, to } = spanOrWhole(model, span);
  for (let line = from; line < to; line++) yield line;
}

/** The items (sorted by `line`) that start in the span, found by binary search. */
function startingIn<T extends { readonly line: number }>(items: readonly T[], span: LineSpan): T[] {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (items[mid].line < span.from) low = mid + 1;
    else high = mid;
  }
  let end = low;
  while (end < items.length && items[end].line < span.to) end++;
  return items.slice(low, end);
}

/** The entries whose first line is in the span (all of them for the whole document). */
export function entriesIn(model: IssueModel, span: LineSpan | undefined): readonly Entry[] {
  return isWhole(model, span) ? model.entries : startingIn(model.entries, span!);
}

/** The links that start in the span. */
export function linksIn(model: IssueModel, span: LineSpan | undefined): readonly Link[] {
  return isWhole(model, span) ? model.links : startingIn(model.links, span!);
}

/** Whether a line is in the span. */
export function inSpan(span: LineSpan | undefined, line: number): boolean {
  return span === undefined || (line >= span.from && line < span.to);
}
