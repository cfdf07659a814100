/**
 * The whole three-way merge of an issue, as git's merge driver does it: node-diff3 merges the lines
 * (base, ours, theirs); each conflict is written with the base (diff3 style) and resolved by the
 * sections' rules (resolve.ts); the conflicts left are written as `git merge-file` writes them (no
 * base part; the lines both sides share at a conflict's edges moved out of it; two conflicts apart
 * by at most 3 lines, or by lines without a letter or digit, kept as one).
 */
import { diff3Merge, diffIndices } from 'node-diff3';
import { applyEdits } from '../../rules/fixes';
import { LineIndex } from '../../util/text';
import { findConflicts } from './markers';
import { resolveConflicts, type ConflictResolution } from './resolve';

export interface ThreeWayOptions {
  /** The length of the conflict markers (git's `%L`, `conflict-marker-size`). */
  readonly markerSize?: number;
  /** The file's base name (the issue's date is read from it, as the linter reads it). */
  readonly fileName?: string;
  readonly labels?: { readonly ours: string; readonly base: string; readonly theirs: string };
}

export interface ThreeWayResult {
  readonly text: string;
  /** The conflicts the line merge left, and what became of each. */
  readonly resolutions: readonly ConflictResolution[];
  /** The conflicts left in the text. */
  readonly conflicts: number;
}

const LABELS = { ours: 'ours', base: 'base', theirs: 'theirs' };

/** Lines with their breaks (the last one may have none). */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Merges the three versions; the conflicts that no section's rules resolve stay, with markers. */
export function mergeIssue(base: string, ours: string, theirs: string, options: ThreeWayOptions = {}): ThreeWayResult {
  const size = options.markerSize ?? 7;
  const labels = options.labels ?? LABELS;
  const eol = new LineIndex(ours).eol;
  const withBreak = (lines: readonly string[]) => lines.map((line, index) => (index === lines.length - 1 && !line.endsWith('\n') ? line + eol : line)).join('');
  const marker = (char: string, label?: string) => `${char.repeat(size)}${label ? ` ${label}` : ''}${eol}`;
  let marked = '';
  for (const region of diff3Merge(linesOf(ours), linesOf(base), linesOf(theirs), { excludeFalseConflicts: true })) {
    if (region.ok) marked += region.ok.join('');
    else if (region.conflict) {
      const { a, o, b } = region.conflict;
      marked += marker('<', labels.ours) + withBreak(a) + marker('|', labels.base) + withBreak(o) + marker('=') + withBreak(b) + marker('>', labels.theirs);
    }
  }
  const resolutions = resolveConflicts(marked, options.fileName);
  const edits = resolutions.flatMap((resolution) => (resolution.edit ? [resolution.edit] : []));
  const resolved = applyEdits(marked, new LineIndex(marked), edits);
  const { text, conflicts } = asMergeFileWrites(resolved, size, labels);
  return { text, resolutions, conflicts };
}

type Piece = { common: string[] } | { ours: string[]; theirs: string[] };

/**
 * The conflicts of a diff3-style text as `git merge-file` writes them by default (its "zealous"
 * level): without the base part, the lines the two sides share at the start and end of a conflict
 * taken out of it.
 */
function asMergeFileWrites(text: string, size: number, labels: typeof LABELS): { text: string; conflicts: number } {
  const lines = new LineIndex(text);
  const { conflicts } = findConflicts(lines);
  if (conflicts.length === 0) return { text, conflicts: 0 };
  const eol = lines.eol;
  const slice = (first: number, end: number) => Array.from({ length: Math.max(0, end - first) }, (_, offset) => lines.lineWithBreak(first + offset));
  const pieces: Piece[] = [];
  let line = 0;
  for (const conflict of conflicts) {
    pieces.push({ common: slice(line, conflict.start) });
    const ours = slice(conflict.start + 1, conflict.base ?? conflict.separator);
    const theirs = slice(conflict.separator + 1, conflict.end);
    pieces.push(...refine(ours, theirs));
    line = conflict.end + 1;
  }
  pieces.push({ common: slice(line, lines.lineCount) });
  const marker = (char: string, label?: string) => `${char.repeat(size)}${label ? ` ${label}` : ''}${eol}`;
  const withBreak = (side: readonly string[]) => side.map((one, index) => (index === side.length - 1 && !one.endsWith('\n') ? one + eol : one)).join('');
  let out = '';
  let left = 0;
  for (const piece of pieces) {
    if ('common' in piece) out += piece.common.join('');
    else {
      left++;
      out += marker('<', labels.ours) + withBreak(piece.ours) + marker('=') + withBreak(piece.theirs) + marker('>', labels.theirs);
    }
  }
  return { text: out, conflicts: left };
}

/**
 * A conflict split where the two sides agree, as git's zealous level refines it: the lines they
 * share become common text, unless what separates two conflicts is at most 3 lines, or lines
 * without a letter or digit: then they stay one conflict.
 */
function refine(ours: readonly string[], theirs: readonly string[]): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const difference of diffIndices([...ours], [...theirs])) {
    const [oursStart, oursLength] = difference.buffer1;
    const [theirsStart, theirsLength] = difference.buffer2;
    const gap = ours.slice(at, oursStart);
    const previous = pieces[pieces.length - 1];
    const next = { ours: ours.slice(oursStart, oursStart + oursLength), theirs: theirs.slice(theirsStart, theirsStart + theirsLength) };
    if (previous && 'ours' in previous && (gap.length <= 3 || !gap.some((line) => /[\p{L}\p{N}]/u.test(line)))) {
      previous.ours.push(...gap, ...next.ours);
      previous.theirs.push(...gap, ...next.theirs);
    } else {
      if (gap.length > 0) pieces.push({ common: gap });
      pieces.push(next);
    }
    at = oursStart + oursLength;
  }
  if (at < ours.length) pieces.push({ common: ours.slice(at) });
  return pieces;
}
