import { diffLines } from 'diff';
import { fixAllEdits, fixedByFixAll } from './actions';
import { lint, type LintOptions, type LintResult } from './lint';
import { buildModel } from './model/build';
import type { IssueModel } from './model/types';
import { applyEdits } from './rules/fixes';
import type { TextEdit } from './rules/types';
import { doubtedBeforeFixAll, eventsWindowDoubt } from './trust';
import type { LineIndex } from './util/text';

/** Fixes can reveal other problems (closing a comment shows the section it hid): a few passes, never endless. */
export const MAX_FIX_PASSES = 10;

export interface FixedIssue {
  model: IssueModel;
  result: LintResult;
  /**
   * Why the fixes did not settle, in a sentence (then `model` is the input, unchanged): they undo
   * each other, or they keep changing the text. Such fixes are never applied.
   */
  unsettled?: string;
}

/**
 * Applies every fix that fix-all may apply, lints again, and repeats until nothing is left to fix.
 * Settles by construction: a text seen before (fixes undoing each other) or no end after
 * MAX_FIX_PASSES (a fix that grows the text) is detected, reported, and nothing is applied.
 */
export function fixUntilStable(model: IssueModel, result: LintResult, options: LintOptions, lintModel = (next: IssueModel) => lint(next, options)): FixedIssue {
  const seen = new Set([model.text]);
  const fixing = new Set<string>();
  // Deletions rest on a window confirmed before the first fix, never on one the run made agree.
  const windowDoubt = eventsWindowDoubt(model);
  const relint = (next: IssueModel): LintResult => {
    const linted = lintModel(next);
    return windowDoubt ? { ...linted, diagnostics: linted.diagnostics.map((diagnostic) => doubtedBeforeFixAll(diagnostic, windowDoubt)) } : linted;
  };
  let current = { model, result };
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const edits = fixAllEdits(current.result.diagnostics);
    const text = applyEdits(current.model.text, current.model.lines, edits);
    if (text === current.model.text) return current;
    for (const diagnostic of current.result.diagnostics) if (fixedByFixAll(diagnostic)) fixing.add(diagnostic.rule);
    if (seen.has(text)) return { model, result, unsettled: `the fixes of ${[...fixing].sort().join(', ')} undo each other` };
    seen.add(text);
    const next = buildModel(text, { fileName: model.fileName, folder: model.folder, previous: current.model });
    current = { model: next, result: relint(next) };
  }
  return { model, result, unsettled: `the fixes of ${[...fixing].sort().join(', ')} still change the text after ${MAX_FIX_PASSES} passes` };
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

/** Fix-all as the editor applies it: every safe fix until none is left, as minimal edits of the current text; nothing when they do not settle. */
export function fixAllToStable(model: IssueModel, result: LintResult, options: LintOptions): { edits: TextEdit[]; unsettled?: string } {
  const fixed = fixUntilStable(model, result, options);
  return fixed.unsettled ? { edits: [], unsettled: fixed.unsettled } : { edits: minimalEdits(model.lines, model.text, fixed.model.text) };
}
