import { diffLines } from 'diff';
import { fixAllEdits, fixedByFixAll } from './actions';
import { lint, type LintDiagnostic, type LintOptions, type LintResult } from './lint';
import { buildModel } from './model/build';
import type { IssueModel } from './model/types';
import { applyEdits } from './rules/fixes';
import type { TextEdit } from './rules/types';
import { doubtedBeforeFixAll, eventsWindowDoubt } from './trust';
import type { LineIndex } from './util/text';

/** Fixes can reveal other problems (closing a comment shows the section it hid): a few passes, never endless. */
export const MAX_FIX_PASSES = 10;
/** How many loops fix-all holds back before it gives up and applies nothing. */
const MAX_LOOPS = 5;

export interface FixedIssue {
  model: IssueModel;
  result: LintResult;
  /**
   * Fixes held back, in a sentence naming their rules and lines: they undo each other, or they keep
   * changing the text. The other fixes are applied, and the held-back findings say why.
   */
  heldBack?: string;
  /** Why no fix was applied at all (then `model` is the input): the fixes still did not settle. */
  unsettled?: string;
}

/** Fixes that did not settle: their rules, and the lines they kept changing (as `rule`, line text keys). */
interface Loop {
  rules: string[];
  keys: Set<string>;
  grows: boolean;
}

const keyOf = (rule: string, lineText: string) => `${rule}\n${lineText}`;

/**
 * Applies every fix that fix-all may apply, lints again, and repeats until nothing is left to fix.
 * Settles by construction: fixes that bring back a text seen before (undoing each other) or that
 * still change it after MAX_FIX_PASSES are held back on the lines where they did so, their
 * findings say why, and the run starts over with the others.
 */
export function fixUntilStable(model: IssueModel, result: LintResult, options: LintOptions, lintModel = (next: IssueModel) => lint(next, options)): FixedIssue {
  // Deletions rest on a window confirmed before the first fix, never on one the run made agree.
  const windowDoubt = eventsWindowDoubt(model);
  const loops: Loop[] = [];
  for (let attempt = 0; attempt <= MAX_LOOPS; attempt++) {
    const review = (next: IssueModel, linted: LintResult): LintResult => ({
      ...linted,
      diagnostics: linted.diagnostics.map((diagnostic) => heldBack(doubtedBeforeFixAll(diagnostic, windowDoubt), next, loops)),
    });
    const run = fixPasses(model, review(model, result), (next) => review(next, lintModel(next)));
    if (!run.loop) return { ...run.fixed, heldBack: loops.length > 0 ? describeLoops(loops, run.fixed.model) : undefined };
    loops.push(run.loop);
  }
  return { model, result, unsettled: `${describeLoops(loops, model)}; they still did not settle, so no fix was applied` };
}

/** One run of passes: the text it settles on, or the loop that kept it from settling. */
function fixPasses(model: IssueModel, result: LintResult, relint: (next: IssueModel) => LintResult): { fixed: { model: IssueModel; result: LintResult }; loop?: Loop } {
  const texts = [model.text];
  const applied: { rule: string; key: string }[][] = [];
  let current = { model, result };
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const edits = fixAllEdits(current.result.diagnostics);
    const text = applyEdits(current.model.text, current.model.lines, edits);
    if (text === current.model.text) return { fixed: current };
    const kept = new Set(edits);
    applied.push(
      current.result.diagnostics
        .filter((diagnostic) => fixedByFixAll(diagnostic) && diagnostic.fix!.edits.every((edit) => kept.has(edit)))
        .map((diagnostic) => ({ rule: diagnostic.rule, key: keyOf(diagnostic.rule, current.model.lines.lineText(diagnostic.range.start.line)) })),
    );
    const seenAt = texts.indexOf(text);
    if (seenAt >= 0) return { fixed: current, loop: loopOf(applied.slice(seenAt), false) };
    texts.push(text);
    const next = buildModel(text, { fileName: model.fileName, folder: model.folder, previous: current.model });
    current = { model: next, result: relint(next) };
  }
  // Still changing: the rules of the last passes, on every line they touched.
  const growing = new Set(applied.slice(-2).flat().map((fix) => fix.rule));
  return { fixed: current, loop: loopOf(applied.map((pass) => pass.filter((fix) => growing.has(fix.rule))), true) };
}

function loopOf(passes: readonly { rule: string; key: string }[][], grows: boolean): Loop {
  return { rules: [...new Set(passes.flat().map((fix) => fix.rule))].sort(), keys: new Set(passes.flat().map((fix) => fix.key)), grows };
}

/** A finding whose fix took part in a loop on its line: offered one by one, with the reason. */
function heldBack(diagnostic: LintDiagnostic, model: IssueModel, loops: readonly Loop[]): LintDiagnostic {
  if (loops.length === 0 || !fixedByFixAll(diagnostic)) return diagnostic;
  const loop = loops.find((candidate) => candidate.keys.has(keyOf(diagnostic.rule, model.lines.lineText(diagnostic.range.start.line))));
  if (!loop) return diagnostic;
  const doubt = loopReason(loop);
  return { ...diagnostic, message: `${diagnostic.message} Not fixed unasked: ${doubt}.`, fix: { ...diagnostic.fix!, safe: false, doubt } };
}

function loopReason(loop: Loop): string {
  const rules = loop.rules.join(' and ');
  if (loop.grows) return `the fixes of ${rules} still change the text after ${MAX_FIX_PASSES} passes`;
  return loop.rules.length > 1 ? `the fixes of ${rules} undo each other` : `the fix of ${rules} undoes itself`;
}

/** The loops in a sentence, with the lines of `model` where they were held back. */
function describeLoops(loops: readonly Loop[], model: IssueModel): string {
  return loops
    .map((loop) => {
      const texts = new Set([...loop.keys].map((key) => key.slice(key.indexOf('\n') + 1)));
      const lines: number[] = [];
      for (let line = 0; line < model.lines.lineCount; line++) if (texts.has(model.lines.lineText(line))) lines.push(line + 1);
      return `${loopReason(loop)}${lines.length > 0 ? ` on line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}` : ''}: held back, the other fixes applied`;
    })
    .join('; ');
}

/**
 * The edits that turn `from` into `to`: one per changed run of lines, trimmed to the characters
 * that differ, so that every byte outside the fixes stays as it was.
 */
export function minimalEdits(lines: LineIndex, from: string, to: string): TextEdit[] {
  const edits: TextEdit[] = [];
  let offset = 0;
  let pending: { start: number; removed: string; added: string } | undefined;
  const flush = () => {
    if (!pending) return;
    let { start, removed, added } = pending;
    let prefix = 0;
    while (prefix < removed.length && prefix < added.length && removed[prefix] === added[prefix]) prefix++;
    let suffix = 0;
    while (suffix < removed.length - prefix && suffix < added.length - prefix && removed[removed.length - 1 - suffix] === added[added.length - 1 - suffix]) suffix++;
    start += prefix;
    let end = start + removed.length - prefix - suffix;
    let newText = added.slice(prefix, added.length - suffix);
    // A position cannot sit inside a CRLF: widen an edit that would start or end between \r and \n.
    if (from[start - 1] === '\r' && from[start] === '\n') {
      start--;
      newText = `\r${newText}`;
    }
    if (from[end - 1] === '\r' && from[end] === '\n') {
      end++;
      newText = `${newText}\n`;
    }
    edits.push({ range: lines.rangeOf(start, end), newText });
    pending = undefined;
  };
  for (const part of diffLines(from, to)) {
    if (!part.added && !part.removed) {
      flush();
      offset += part.value.length;
      continue;
    }
    pending ??= { start: offset, removed: '', added: '' };
    if (part.removed) {
      pending.removed += part.value;
      offset += part.value.length;
    } else {
      pending.added += part.value;
    }
  }
  flush();
  return edits;
}

/** Fix-all as the editor applies it: every safe fix until none is left, as minimal edits of the current text; what was held back or not applied, said. */
export function fixAllToStable(model: IssueModel, result: LintResult, options: LintOptions): { edits: TextEdit[]; unsettled?: string } {
  const fixed = fixUntilStable(model, result, options);
  if (fixed.unsettled) return { edits: [], unsettled: `applied nothing: ${fixed.unsettled}` };
  return { edits: minimalEdits(model.lines, model.text, fixed.model.text), unsettled: fixed.heldBack };
}
