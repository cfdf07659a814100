/**
 * The invariants the property tests hold every analysed document to. Each check throws an Error
 * that says what broke, so fast-check can shrink the document and show it.
 */
import { diffArrays } from 'diff';
import { fixAllEdits, fixedByFixAll } from '../../server/src/service/actions';
import { fixUntilStable, minimalEdits } from '../../server/src/service/fix-all';
import { lint, type LintDiagnostic, type LintResult } from '../../server/src/service/lint';
import { buildModel } from '../../server/src/service/model/build';
import type { IssueModel } from '../../server/src/service/model/types';
import { applyEdits, nonOverlapping } from '../../server/src/service/rules/fixes';
import type { TextEdit } from '../../server/src/service/rules/types';
import type { LineIndex, Position, Range } from '../../server/src/service/util/text';

export interface Analysis {
  model: IssueModel;
  result: LintResult;
}

/** Builds and lints; a rule that throws is reported by `lint` as a failure, which is a bug here. */
export function analyse(text: string, fileName: string): Analysis {
  const model = buildModel(text, { fileName });
  const result = lint(model);
  if (result.failures.length > 0) {
    throw new Error(`rules threw: ${result.failures.map((failure) => `${failure.rule}: ${failure.error}`).join('; ')}`);
  }
  return { model, result };
}

function isPosition(value: unknown): value is Position {
  return typeof value === 'object' && value !== null && typeof (value as Position).line === 'number' && typeof (value as Position).character === 'number';
}

function isRange(value: unknown): value is Range {
  return typeof value === 'object' && value !== null && isPosition((value as Range).start) && isPosition((value as Range).end);
}

/**
 * Every range anywhere in a value (the model: links, sections, entries, events, comments…; the
 * diagnostics and their fix edits), with the path it was found at. Walks each object once (the
 * model has cycles: a section's parent, an entry's section) and skips the text and line index.
 */
export function rangesIn(root: unknown): { path: string; range: Range }[] {
  const found: { path: string; range: Range }[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, path: string): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (isRange(value)) {
      found.push({ path, range: value });
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      if (key === 'lines' && !Array.isArray(child)) continue;
      visit(child, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
    }
  };
  visit(root, '');
  return found;
}

function show(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** Whether a position is a real place in the text: an existing line, a column within it. */
function isInside(lines: LineIndex, position: Position): boolean {
  if (!Number.isInteger(position.line) || !Number.isInteger(position.character)) return false;
  if (position.line < 0 || position.line >= lines.lineCount || position.character < 0) return false;
  return position.character <= lines.lineEnd(position.line) - lines.starts[position.line];
}

export function checkRangesInside(lines: LineIndex, ranges: readonly { path: string; range: Range }[]): void {
  for (const { path, range } of ranges) {
    if (!isInside(lines, range.start) || !isInside(lines, range.end)) throw new Error(`${path} ${show(range)} is outside the document (${lines.lineCount} lines)`);
    if (lines.offsetAt(range.start) > lines.offsetAt(range.end)) throw new Error(`${path} ${show(range)} ends before it starts`);
  }
}

/** Ranges point at what they claim: a comment at its `<!--`, a link at its `[` or `<`. */
export function checkRangesOnTheirText(model: IssueModel): void {
  const at = (range: Range) => model.text.slice(model.lines.offsetAt(range.start), model.lines.offsetAt(range.end));
  for (const comment of model.comments) {
    if (!at(comment.range).startsWith('<!--')) throw new Error(`comment ${show(comment.range)} does not start at its <!--: ${JSON.stringify(at(comment.range).slice(0, 20))}`);
  }
  for (const link of model.links) {
    const text = at(link.range);
    if (!text.startsWith(link.kind === 'autolink' ? '<' : '[')) throw new Error(`${link.kind} link ${show(link.range)} does not start at its bracket: ${JSON.stringify(text.slice(0, 20))}`);
  }
}

/**
 * An edit must not cut a surrogate pair (the halves would be saved as U+FFFD, losing the
 * character), and may only write the document's line break or breaks it moves from the text it replaces.
 */
export function checkEditsKeepCharacters(text: string, lines: LineIndex, edits: readonly TextEdit[], checkLineBreaks = true): void {
  const breaks = (value: string) => value.match(/\r\n|\r|\n/g) ?? [];
  for (const edit of edits) {
    const [start, end] = [lines.offsetAt(edit.range.start), lines.offsetAt(edit.range.end)];
    for (const offset of [start, end]) {
      const before = text.charCodeAt(offset - 1);
      const after = text.charCodeAt(offset);
      if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) {
        throw new Error(`edit ${show(edit.range)} → ${JSON.stringify(edit.newText)} cuts a surrogate pair`);
      }
    }
    const moved = new Set([lines.eol, ...breaks(text.slice(start, end))]);
    for (const lineBreak of checkLineBreaks ? breaks(edit.newText) : []) {
      if (!moved.has(lineBreak)) throw new Error(`edit ${show(edit.range)} inserts ${JSON.stringify(lineBreak)} in a document whose line breaks are ${JSON.stringify(lines.eol)}`);
    }
  }
}

/** Lines touched by edits, merged into blocks: everything outside them must survive byte for byte. */
interface Block {
  firstLine: number;
  lastLine: number;
  edits: TextEdit[];
}

function blocksOf(edits: readonly TextEdit[]): Block[] {
  const blocks: Block[] = [];
  for (const edit of nonOverlapping(edits)) {
    const last = blocks[blocks.length - 1];
    if (last && edit.range.start.line <= last.lastLine) {
      last.lastLine = Math.max(last.lastLine, edit.range.end.line);
      last.edits.push(edit);
    } else {
      blocks.push({ firstLine: edit.range.start.line, lastLine: edit.range.end.line, edits: [edit] });
    }
  }
  return blocks;
}

/**
 * Fix-all applied: every line outside the edited blocks is in the result byte for byte (with its
 * line break), each edited block keeps the line break it ended with, and the BOM stays.
 * Returns, per block, the lines it spans in the result (to look for the fixed diagnostics there).
 */
export function checkUntouchedLinesKept(text: string, lines: LineIndex, edits: readonly TextEdit[], fixed: string): { block: Block; fixedFirstLine: number; fixedLastLine: number }[] {
  const lineStart = (line: number) => (line < lines.lineCount ? lines.starts[line] : text.length);
  const mapped: { block: Block; fixedFirstLine: number; fixedLastLine: number }[] = [];
  let cursor = 0;
  let fixedCursor = 0;
  const countLines = (from: number, to: number) => (fixed.slice(from, to).match(/\r\n|\r|\n/g) ?? []).length;
  for (const block of blocksOf(edits)) {
    const blockStart = lineStart(block.firstLine);
    const blockEnd = lineStart(block.lastLine + 1);
    const untouched = text.slice(cursor, blockStart);
    if (fixed.slice(fixedCursor, fixedCursor + untouched.length) !== untouched) {
      throw new Error(`lines ${lines.lineAt(cursor)}–${block.firstLine - 1} changed although no fix targets them`);
    }
    fixedCursor += untouched.length;
    const delta = block.edits.reduce((sum, edit) => sum + edit.newText.length - (lines.offsetAt(edit.range.end) - lines.offsetAt(edit.range.start)), 0);
    const newBlock = fixed.slice(fixedCursor, fixedCursor + blockEnd - blockStart + delta);
    const oldBreak = /(?:\r\n|\r|\n)$/.exec(text.slice(blockStart, blockEnd))?.[0];
    if (oldBreak && newBlock !== '' && !newBlock.endsWith(oldBreak)) {
      throw new Error(`the fix of lines ${block.firstLine}–${block.lastLine} changed their line break ${JSON.stringify(oldBreak)}: ${JSON.stringify(newBlock.slice(-40))}`);
    }
    const fixedFirstLine = countLines(0, fixedCursor);
    // The block's last line is the one before its final line break (a block's lines end with one).
    const endsWithBreak = /(?:\r\n|\r|\n)$/.test(newBlock);
    const fixedLastLine = fixedFirstLine + Math.max(0, countLines(fixedCursor, fixedCursor + newBlock.length) - (endsWithBreak ? 1 : 0));
    mapped.push({ block, fixedFirstLine, fixedLastLine });
    fixedCursor += newBlock.length;
    cursor = blockEnd;
  }
  if (fixed.slice(fixedCursor) !== text.slice(cursor)) throw new Error(`lines from ${lines.lineAt(cursor)} changed although no fix targets them`);
  if (fixed.startsWith('\uFEFF') !== text.startsWith('\uFEFF')) throw new Error('fix-all added or removed the BOM');
  return mapped;
}

/** Diagnostics whose every edit fix-all applied. */
function appliedFixes(diagnostics: readonly LintDiagnostic[], applied: readonly TextEdit[]): LintDiagnostic[] {
  const kept = new Set(applied);
  return diagnostics.filter((diagnostic) => diagnostic.fix && diagnostic.fix.safe !== false && diagnostic.fix.edits.every((edit) => kept.has(edit)));
}

/**
 * The whole fix-all contract on one document: edits inside the text and whole characters, the
 * untouched lines kept, a second fix-all a no-op, and the fixed diagnostics gone afterwards.
 */
export function checkFixAll(text: string, fileName: string, before: Analysis): void {
  const { model, result } = before;
  const edits = fixAllEdits(result.diagnostics);
  if (edits.length === 0) return;
  checkEditsKeepCharacters(text, model.lines, edits);
  const fixed = applyEdits(text, model.lines, edits);
  const blocks = checkUntouchedLinesKept(text, model.lines, edits, fixed);

  const after = analyse(fixed, fileName);
  // Fix-all as the editor applies it repeats until nothing is left (a fix may reveal a problem it
  // hid): it must settle, its edits must keep the untouched lines, and then a second one is a no-op.
  const stable = fixUntilStable(model, result, {});
  if (stable.unsettled || stable.heldBack) throw new Error(`fix-all did not settle: ${stable.unsettled ?? stable.heldBack}`);
  const stableEdits = minimalEdits(model.lines, text, stable.model.text);
  // A diff of two texts: in a mixed-ending document its edits may shift a line break they keep.
  checkEditsKeepCharacters(text, model.lines, stableEdits, false);
  if (applyEdits(text, model.lines, stableEdits) !== stable.model.text) throw new Error('the minimal edits of fix-all do not give its text');
  checkUntouchedLinesKept(text, model.lines, stableEdits, stable.model.text);
  if (fixAllEdits(stable.result.diagnostics).length > 0 && applyEdits(stable.model.text, stable.model.lines, fixAllEdits(stable.result.diagnostics)) !== stable.model.text) {
    throw new Error('a second fix-all changed the text again');
  }

  const fixedDiagnostics = appliedFixes(result.diagnostics, nonOverlapping(edits));
  for (const { block, fixedFirstLine, fixedLastLine } of blocks) {
    const inBlock = (diagnostic: LintDiagnostic, first: number, last: number) => diagnostic.range.start.line >= first && diagnostic.range.start.line <= last;
    for (const rule of new Set(fixedDiagnostics.filter((d) => inBlock(d, block.firstLine, block.lastLine)).map((d) => d.rule))) {
      const count = (list: readonly LintDiagnostic[], first: number, last: number) => list.filter((d) => d.rule === rule && inBlock(d, first, last)).length;
      const fixedHere = count(fixedDiagnostics, block.firstLine, block.lastLine);
      const left = count(result.diagnostics, block.firstLine, block.lastLine) - fixedHere;
      const now = count(after.result.diagnostics, fixedFirstLine, fixedLastLine);
      if (now > left) throw new Error(`${rule}: fixed ${fixedHere} problem(s) on lines ${block.firstLine}–${block.lastLine}, yet the fixed text still has ${now} there (expected at most ${left})`);
    }
  }
}

/** Lines no fix may absorb: a heading, a link reference definition, an event line (also one indented by mistake), a sentence. */
const HEADING = /^ {0,3}#{1,6}(?:\s|$)/;
const DEFINITION = /^ {0,3}\[[^\]]+\]:\s*\S/;
const EVENT_LINE = /^\s*[*+-]\s*\d{4}-\d{1,2}-\d{1,2}\b.*\|/;
/** A sentence: a word first, no field separator. */
const PROSE = /^\s*[A-Za-z][^|]*$/;
/** A line that ends inside a link's text or URL: the next line may be its rest (a hard-wrapped event line). */
const OPEN_LINK = /\[[^\]]*$|\]\([^)]*$/;

type ProtectedKind = 'heading' | 'link reference definition' | 'event line' | 'indented event line' | 'prose';

/** `inEvents`: whether the line is in the events section of an issue in today's two-line format (elsewhere a dated line is a plain item). */
function protectedKind(line: string, previous: string | undefined, inEvents = true): ProtectedKind | undefined {
  if (line.trim() === '') return undefined;
  if (HEADING.test(line)) return 'heading';
  if (DEFINITION.test(line)) return 'link reference definition';
  if (EVENT_LINE.test(line)) return !inEvents ? undefined : /^ {0,1}\S/.test(line) ? 'event line' : 'indented event line';
  if (PROSE.test(line) && !(previous !== undefined && OPEN_LINK.test(previous.trimEnd()))) return 'prose';
  return undefined;
}

const indentOf = (line: string) => /^\s*/.exec(line)![0];

/**
 * What a fix may make of a protected line its finding is on: the same kind (an event written as a
 * heading may become an event line, an indented event line an event line), never a title, never
 * deeper; `after` undefined: the line is gone.
 */
function keepsItsKind(kind: ProtectedKind, before: string, after: string | undefined): boolean {
  if (after === undefined) return false;
  const now = protectedKind(after, undefined);
  switch (kind) {
    case 'heading':
      return now === 'heading' || now === 'event line';
    case 'indented event line':
      return now === 'event line' || (now === kind && indentOf(after) === indentOf(before));
    default:
      return now === kind;
  }
}

/** Whether a fix deletes the whole line along with the finding it names (a reported removal: a duplicate event, one outside the window). */
function removedWithItsFinding(lines: LineIndex, diagnostic: LintDiagnostic, line: number): boolean {
  return diagnostic.fix!.edits.some(
    (edit) =>
      edit.range.start.line <= diagnostic.range.start.line &&
      diagnostic.range.start.line <= edit.range.end.line &&
      lines.offsetAt(edit.range.start) <= lines.starts[line] &&
      lines.offsetAt(edit.range.end) >= lines.lineEnd(line) &&
      !edit.newText.includes(lines.lineText(line)),
  );
}

/** Each line of `before` in `after`: the same line where unchanged, the line at the same place in a changed run, undefined when the run is shorter. */
function lineMap(before: readonly string[], after: readonly string[]): (string | undefined)[] {
  const mapped: (string | undefined)[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    removed.forEach((_, index) => mapped.push(added[index]));
    [removed, added] = [[], []];
  };
  for (const part of diffArrays(before as string[], after as string[])) {
    if (part.removed) removed.push(...part.value);
    else if (part.added) added.push(...part.value);
    else {
      flush();
      mapped.push(...part.value);
    }
  }
  flush();
  return mapped;
}

/**
 * No fix absorbs a line (issue 24): every heading, link reference definition, event line and
 * sentence of `before` is still a line of `after` — moved only by a sort (lines are compared as a
 * multiset) or removed with the finding it names — or, where a fix changed it, the line in its
 * place is of the same kind: an event line is never made a title or nested deeper, prose never
 * joined into another line or made an item, a definition stays one. Returns what was lost.
 */
export function absorbedLines(before: Analysis, after: string, applied: readonly LintDiagnostic[]): string[] {
  const afterLines = after.split(/\r\n|\n|\r/);
  const beforeLines = Array.from({ length: before.model.lines.lineCount }, (_, line) => before.model.lines.lineText(line));
  const mapped = lineMap(beforeLines, afterLines);
  /** The lines of `after` not yet accounted for, with their count. */
  const pool = new Map<string, number>();
  for (const line of afterLines) pool.set(line, (pool.get(line) ?? 0) + 1);
  const take = (line: string) => {
    const count = pool.get(line) ?? 0;
    if (count > 0) pool.set(line, count - 1);
    return count > 0;
  };
  const { model } = before;
  const events = model.events && !model.events.legacy && !model.isTemplate ? model.events.section : undefined;
  const changed: { line: number; text: string; kind: ProtectedKind }[] = [];
  beforeLines.forEach((text, line) => {
    const inEvents = events !== undefined && line > events.heading.line && line < events.endLine;
    const kind = protectedKind(text, line > 0 ? beforeLines[line - 1] : undefined, inEvents);
    if (!kind || applied.some((diagnostic) => removedWithItsFinding(model.lines, diagnostic, line))) return;
    if (!take(text)) changed.push({ line, text, kind });
  });
  // A changed line is matched with the line in its place, else with any line left over of an accepted kind (the diff may pair them otherwise).
  const fixes = [...new Set(applied.map((diagnostic) => diagnostic.rule))].join(', ');
  const lost: string[] = [];
  for (const { line, text, kind } of changed) {
    const candidates = [mapped[line], ...pool.keys()].filter((candidate): candidate is string => candidate !== undefined && (pool.get(candidate) ?? 0) > 0);
    const match = candidates.find((candidate) => keepsItsKind(kind, text, candidate));
    if (match !== undefined) take(match);
    else lost.push(`${kind} on line ${line + 1} became ${JSON.stringify(mapped[line]?.slice(0, 120))}: ${JSON.stringify(text.slice(0, 120))} (fixes: ${fixes})`);
  }
  return lost;
}

/** The findings whose fix fix-all applies in one pass (every edit of it kept), and the text it gives. */
export function fixAllPass(before: Analysis): { applied: LintDiagnostic[]; text: string } {
  const edits = fixAllEdits(before.result.diagnostics);
  const kept = new Set(edits);
  const applied = before.result.diagnostics.filter((diagnostic) => fixedByFixAll(diagnostic) && diagnostic.fix!.edits.every((edit) => kept.has(edit)));
  return { applied, text: applyEdits(before.model.text, before.model.lines, edits) };
}
