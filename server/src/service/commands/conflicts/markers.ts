/**
 * Git's conflict markers in a text: `<<<<<<< ours`, optionally `||||||| base` (the diff3 and zdiff3
 * styles), `=======`, `>>>>>>> theirs`, each a run of the same length (7 unless git was told
 * otherwise, `conflict-marker-size`) at the start of a line. A line that looks like a marker but
 * belongs to no complete conflict is a stray marker.
 */
import type { LineIndex } from '../../util/text';

export interface Conflict {
  /** The 0-based lines of the markers: `<<<<<<<`, `|||||||` (when the markers carry the base), `=======`, `>>>>>>>`. */
  readonly start: number;
  readonly base?: number;
  readonly separator: number;
  readonly end: number;
  /** The markers' length. */
  readonly size: number;
}

export type Side = 'ours' | 'base' | 'theirs';

const ANY_MARKER = /^(?:<{7,}|\|{7,}|>{7,})(?: |$)|^={7,}\s*$/;

/** Whether the text may hold a conflict marker: a cheap test before looking line by line. */
export function mayHoldConflicts(text: string): boolean {
  return /^(?:<{7}|\|{7}|={7}|>{7})/m.test(text);
}

/**
 * The text with each line that looks like a conflict marker blanked (spaces of the same length), for
 * the Markdown parser: a marker line would otherwise join the list item above it, make the list
 * below it follow a paragraph, or underline the line above it as a heading.
 */
export function withoutMarkerLines(text: string): string {
  return mayHoldConflicts(text) ? text.replace(/^(?:(?:<{7,}|\|{7,}|>{7,})(?: [^\r\n]*)?|={7,}[ \t]*)(?=\r?$)/gm, (marker) => ' '.repeat(marker.length)) : text;
}

/** Whether a line looks like a conflict marker of any size (7 or more characters). */
export function isMarkerLine(text: string): boolean {
  return ANY_MARKER.test(text);
}

function markerOf(text: string, char: string, size: number): boolean {
  if (text.length < size || text.slice(0, size) !== char.repeat(size) || text[size] === char) return false;
  const rest = text.slice(size);
  return char === '=' ? rest.trim() === '' : rest === '' || rest.startsWith(' ');
}

/** The complete conflicts of a text, in order, and the lines that look like markers outside them. */
export function findConflicts(lines: LineIndex): { conflicts: Conflict[]; stray: number[] } {
  const conflicts: Conflict[] = [];
  const stray: number[] = [];
  let line = 0;
  while (line < lines.lineCount) {
    const text = lines.lineText(line);
    const opening = /^(<{7,})(?: |$)/.exec(text);
    if (!opening) {
      if (isMarkerLine(text)) stray.push(line);
      line++;
      continue;
    }
    const size = opening[1].length;
    let base: number | undefined;
    let separator: number | undefined;
    let end: number | undefined;
    for (let next = line + 1; next < lines.lineCount && end === undefined; next++) {
      const inner = lines.lineText(next);
      if (markerOf(inner, '<', size)) break;
      if (separator === undefined && base === undefined && markerOf(inner, '|', size)) base = next;
      else if (separator === undefined && markerOf(inner, '=', size)) separator = next;
      else if (separator !== undefined && markerOf(inner, '>', size)) end = next;
    }
    if (separator === undefined || end === undefined) {
      stray.push(line);
      line++;
      continue;
    }
    conflicts.push({ start: line, base, separator, end, size });
    line = end + 1;
  }
  return { conflicts, stray };
}

/**
 * Whether lines first … last touch a conflict (its markers included) or a stray marker: there only
 * the conflict is reported, and no other fix edits. Undefined for a text without markers.
 */
export function conflictedLines(text: string, lines: LineIndex): ((first: number, last: number) => boolean) | undefined {
  if (!mayHoldConflicts(text)) return undefined;
  const { conflicts, stray } = findConflicts(lines);
  const spans = [...conflicts.map((conflict) => [conflict.start, conflict.end]), ...stray.map((line) => [line, line])];
  return spans.length === 0 ? undefined : (first, last) => spans.some(([start, end]) => first <= end && last >= start);
}

/** A side's lines of a conflict, first … end-1 (empty when first === end). */
export function sideLines(conflict: Conflict, side: Side): { first: number; end: number } {
  if (side === 'ours') return { first: conflict.start + 1, end: conflict.base ?? conflict.separator };
  if (side === 'theirs') return { first: conflict.separator + 1, end: conflict.end };
  return conflict.base === undefined ? { first: conflict.start + 1, end: conflict.separator } : { first: conflict.base + 1, end: conflict.separator };
}

/** The text as one side wrote it: every conflict replaced by that side's lines (without a base, the base is ours). */
export interface SideText {
  readonly text: string;
  /** The side's line of each line of the marked text outside conflicts (-1 inside a conflict). */
  readonly lineOf: readonly number[];
  /** Per conflict, the side's first line of its part. */
  readonly hunkStart: readonly number[];
}

export function sideText(lines: LineIndex, conflicts: readonly Conflict[], side: Side): SideText {
  const parts: string[] = [];
  const lineOf: number[] = new Array(lines.lineCount).fill(-1);
  const hunkStart: number[] = [];
  let sideLine = 0;
  let line = 0;
  for (const conflict of conflicts) {
    for (; line < conflict.start; line++, sideLine++) {
      parts.push(lines.lineWithBreak(line));
      lineOf[line] = sideLine;
    }
    hunkStart.push(sideLine);
    const { first, end } = sideLines(conflict, side);
    for (let inner = first; inner < end; inner++, sideLine++) parts.push(lines.lineWithBreak(inner));
    line = conflict.end + 1;
  }
  for (; line < lines.lineCount; line++, sideLine++) {
    parts.push(lines.lineWithBreak(line));
    lineOf[line] = sideLine;
  }
  return { text: parts.join(''), lineOf, hunkStart };
}
