/**
 * The whole three-way merge of an issue, as git's merge driver does it: node-diff3 merges the lines
 * (base, ours, theirs); each conflict is written with its base (diff3 style) and resolved by the
 * sections' rules (resolve.ts); the conflicts left are written as `git merge-file` writes them at
 * its default ("zealous") level: no base part, the lines both sides share taken out of a conflict,
 * and two conflicts apart by at most 3 unchanged lines, or by lines without a letter or digit,
 * written as one.
 */
import { diff3MergeRegions, diffIndices } from 'node-diff3';
import { LineIndex } from '../../util/text';
import { resolveConflicts, type ConflictResolution } from './resolve';

export interface ThreeWayOptions {
  /** The length of the conflict markers (git's `%L`, `conflict-marker-size`). */
  readonly markerSize?: number;
  /** The file's base name (the issue's date is read from it, as the linter reads it). */
  readonly fileName?: string;
  readonly labels?: Labels;
}

interface Labels {
  readonly ours: string;
  readonly base: string;
  readonly theirs: string;
}

export interface ThreeWayResult {
  readonly text: string;
  /** The conflicts the line merge met, and what became of each. */
  readonly resolutions: readonly ConflictResolution[];
  /** The conflicts left in the text. */
  readonly conflicts: number;
}

const LABELS: Labels = { ours: 'ours', base: 'base', theirs: 'theirs' };

/**
 * The merge as a run of blocks: lines no side changed, lines one side changed (or both alike), and
 * conflicts. Only unchanged lines can join two conflicts into one, as in git.
 */
type Block = { kind: 'unchanged' | 'changed'; lines: string[] } | { kind: 'conflict'; ours: string[]; base: string[]; theirs: string[] };

/**
 * Lines with their breaks (the last one may have none). A lone `\r` ends a line too, as in
 * `LineIndex`, which the resolutions' ranges count in (git would read it as part of the line).
 */
function linesOf(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** Merges the three versions; the conflicts that no section's rules resolve stay, with markers. */
export function mergeIssue(base: string, ours: string, theirs: string, options: ThreeWayOptions = {}): ThreeWayResult {
  const size = options.markerSize ?? 7;
  const labels = options.labels ?? LABELS;
  const eol = new LineIndex(ours).eol;
  const blocks = lineMerge(linesOf(base), linesOf(ours), linesOf(theirs));

  // Each conflict with its base, for the sections' rules; a resolution becomes changed lines.
  const withBreak = (lines: readonly string[]) => lines.map((line, index) => (index === lines.length - 1 && !line.endsWith('\n') ? line + eol : line));
  const marker = (char: string, label?: string) => `${char.repeat(size)}${label ? ` ${label}` : ''}${eol}`;
  const blockLines = blocks.map((block) =>
    block.kind === 'conflict' ? [marker('<', labels.ours), ...withBreak(block.ours), marker('|', labels.base), ...withBreak(block.base), marker('='), ...withBreak(block.theirs), marker('>', labels.theirs)] : block.lines,
  );
  const marked = blockLines.flat().join('');
  const resolutions = resolveConflicts(marked, options.fileName);
  const resolved = withResolutions(blocks, blockLines, resolutions);

  let text = '';
  let conflicts = 0;
  for (const block of joinConflicts(resolved.flatMap(refine))) {
    if (block.kind !== 'conflict') text += block.lines.join('');
    else {
      conflicts++;
      text += marker('<', labels.ours) + withBreak(block.ours).join('') + marker('=') + withBreak(block.theirs).join('') + marker('>', labels.theirs);
    }
  }
  return { text, resolutions, conflicts };
}

/** node-diff3's merge regions as blocks. */
function lineMerge(base: string[], ours: string[], theirs: string[]): Block[] {
  return diff3MergeRegions(ours, base, theirs).map((region): Block => {
    if (region.stable) return { kind: region.buffer === 'o' ? 'unchanged' : 'changed', lines: region.bufferContent };
    const same = region.aContent.length === region.bContent.length && region.aContent.every((line, index) => line === region.bContent[index]);
    return same ? { kind: 'changed', lines: region.aContent } : { kind: 'conflict', ours: region.aContent, base: region.oContent, theirs: region.bContent };
  });
}

/**
 * The blocks with each resolution in place: a resolution replaces whole lines of the marked text
 * (its conflict, widened to whole entries): the blocks it covers become changed lines.
 */
function withResolutions(blocks: readonly Block[], blockLines: readonly string[][], resolutions: readonly ConflictResolution[]): Block[] {
  const edits = resolutions.flatMap((resolution) => (resolution.edit ? [resolution.edit] : []));
  if (edits.length === 0) return [...blocks];
  const result: Block[] = [];
  let line = 0;
  let edit = 0;
  blocks.forEach((block, index) => {
    const [first, end] = [line, line + blockLines[index].length];
    line = end;
    // Lines of the block before, inside and after the edits that touch it.
    let at = first;
    const keep = (to: number) => {
      if (to > at) result.push(block.kind === 'conflict' ? block : { kind: block.kind, lines: blockLines[index].slice(at - first, to - first) });
    };
    while (edit < edits.length && edits[edit].range.start.line < end) {
      const { start, end: stop } = edits[edit].range;
      // The end is the start of the line after the resolution, or the end of the text.
      const after = stop.character === 0 ? stop.line : stop.line + 1;
      if (start.line >= at) {
        keep(start.line);
        result.push({ kind: 'changed', lines: linesOf(edits[edit].newText) });
      }
      at = Math.min(after, end);
      if (after > end) break;
      edit++;
    }
    keep(end);
  });
  return result;
}

/**
 * A conflict split where the two sides agree, as git's zealous level refines it: the lines they
 * share become unchanged text.
 */
function refine(block: Block): Block[] {
  if (block.kind !== 'conflict') return [block];
  const { ours, theirs } = block;
  const pieces: Block[] = [];
  let at = 0;
  for (const difference of diffIndices([...ours], [...theirs])) {
    const [oursStart, oursLength] = difference.buffer1;
    const [theirsStart, theirsLength] = difference.buffer2;
    if (oursStart > at) pieces.push({ kind: 'unchanged', lines: ours.slice(at, oursStart) });
    pieces.push({ kind: 'conflict', ours: ours.slice(oursStart, oursStart + oursLength), base: [], theirs: theirs.slice(theirsStart, theirsStart + theirsLength) });
    at = oursStart + oursLength;
  }
  if (at < ours.length) pieces.push({ kind: 'unchanged', lines: ours.slice(at) });
  return pieces;
}

/** Two conflicts apart by at most 3 unchanged lines, or by unchanged lines without a letter or digit, become one (git's `xdl_simplify_non_conflicts`). */
function joinConflicts(blocks: readonly Block[]): Block[] {
  const result: Block[] = [];
  for (const block of blocks) {
    if (block.kind !== 'conflict') {
      const previous = result[result.length - 1];
      if (block.kind === 'unchanged' && previous?.kind === 'unchanged') previous.lines.push(...block.lines);
      else result.push(block.kind === 'unchanged' ? { kind: 'unchanged', lines: [...block.lines] } : block);
      continue;
    }
    const gap = result[result.length - 1];
    const before = result[result.length - 2];
    if (gap?.kind === 'unchanged' && before?.kind === 'conflict' && (gap.lines.length <= 3 || !gap.lines.some((line) => /[\p{L}\p{N}]/u.test(line)))) {
      result.pop();
      result[result.length - 1] = { kind: 'conflict', ours: [...before.ours, ...gap.lines, ...block.ours], base: [], theirs: [...before.theirs, ...gap.lines, ...block.theirs] };
    } else if (gap?.kind === 'conflict') {
      result[result.length - 1] = { kind: 'conflict', ours: [...gap.ours, ...block.ours], base: [], theirs: [...gap.theirs, ...block.theirs] };
    } else {
      result.push(block);
    }
  }
  return result;
}
