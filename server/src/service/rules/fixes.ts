import { comparePositions, type LineIndex, type Range } from '../util/text';
import type { TextEdit } from './types';

/** Applies edits to a text; edits that overlap an earlier one are skipped (a later pass gets them). */
export function applyEdits(text: string, lines: LineIndex, edits: readonly TextEdit[]): string {
  const sorted = nonOverlapping(edits);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    const start = lines.offsetAt(edit.range.start);
    const end = lines.offsetAt(edit.range.end);
    result += text.slice(cursor, start) + edit.newText;
    cursor = end;
  }
  return result + text.slice(cursor);
}

/** Sorts edits by position and drops those that overlap one already kept (or duplicate it). */
export function nonOverlapping(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  const kept: TextEdit[] = [];
  for (const edit of sorted) {
    const previous = kept[kept.length - 1];
    if (previous) {
      const overlaps = comparePositions(edit.range.start, previous.range.end) < 0;
      // Insertions at one point apply in the order given (as LSP's WorkspaceEdit does); the same text twice is one.
      const sameInsertion =
        comparePositions(edit.range.start, previous.range.start) === 0 &&
        comparePositions(edit.range.end, previous.range.end) === 0 &&
        edit.newText === previous.newText;
      if (overlaps || sameInsertion) continue;
    }
    kept.push(edit);
  }
  return kept;
}

/** A fix's scope of whole lines first … last (see `Fix.scope`). */
export function lineScope(first: number, last: number): Range {
  return { start: { line: first, character: 0 }, end: { line: last, character: 0 } };
}
