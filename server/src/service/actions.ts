import type { LintDiagnostic } from './lint';
import { nonOverlapping } from './rules/fixes';
import { MERGE_CONFLICT_RULE } from './rules/text/merge-conflict';
import type { TextEdit } from './rules/types';
import type { Range } from './util/text';

/** A code action as the editor shows it: a title, its kind, and the edits it makes. */
export interface Action {
  title: string;
  kind: 'quickfix' | 'source.fixAll.twir';
  edits: TextEdit[];
  isPreferred?: boolean;
  /** The diagnostics the action resolves. */
  diagnostics: LintDiagnostic[];
}

/**
 * Every safe fix at once (`source.fixAll.twir`, `editor.codeActionsOnSave`, `twir-lint --fix`), or
 * those of one rule when asked for by name. Hints are suggestions: fix-all leaves them to a person.
 */
export function fixAllEdits(diagnostics: readonly LintDiagnostic[], rule?: string): TextEdit[] {
  return nonOverlapping(
    diagnostics
      .filter((diagnostic) => (rule === undefined ? fixedByFixAll(diagnostic) : diagnostic.rule === rule && diagnostic.fix?.safe !== false))
      .flatMap((diagnostic) => diagnostic.fix!.edits),
  );
}

/** Whether fix-all applies the diagnostic's fix unasked: a safe fix of a finding that is more than a hint. */
export function fixedByFixAll(diagnostic: LintDiagnostic): boolean {
  return diagnostic.fix !== undefined && diagnostic.fix.safe !== false && diagnostic.severity !== 'hint';
}

/** A finding as an editor names it when it asks for its fixes. */
export interface RequestedFinding {
  rule: string;
  range: Range;
  message: string;
}

/**
 * The current version's diagnostics that the editor asks about, matched by rule, range and
 * message: a finding published for an older version whose text has moved matches none, so no fix
 * computed for another text is ever offered.
 */
export function currentFindings(all: readonly LintDiagnostic[], requested: readonly RequestedFinding[]): LintDiagnostic[] {
  const same = (a: Range, b: Range) =>
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
  return all.filter((diagnostic) => requested.some((finding) => finding.rule === diagnostic.rule && finding.message === diagnostic.message && same(finding.range, diagnostic.range)));
}

/** The comment that silences a rule on the next line, indented like the line it silences. */
export function disableNextLineEdit(lineText: string, line: number, rule: string, eol: string): TextEdit {
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- twir-lint-disable-next-line ${rule} -->${eol}` };
}

export interface CodeActionContext {
  lineText: (line: number) => string;
  eol: string;
  /** The kinds asked for; fix-all is computed only when asked for by kind (on save, Source Action…). */
  only?: readonly string[];
  /** Every safe fix until none is left, as edits of the current text (see fix-all.ts). */
  fixAll: () => TextEdit[];
}

/**
 * The actions for the diagnostics under a range: each one's fix (preferred when it is the only
 * fix), "fix all of this rule", and "disable this rule for this line"; and the fix-all action.
 */
export function codeActions(all: readonly LintDiagnostic[], inRange: readonly LintDiagnostic[], context: CodeActionContext): Action[] {
  const { lineText, eol, only } = context;
  const wants = (kind: string) => !only || only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`));
  const actions: Action[] = [];
  if (wants('quickfix')) {
    const fixable = inRange.filter((diagnostic) => diagnostic.fix);
    for (const diagnostic of fixable) {
      actions.push({ title: diagnostic.fix!.title, kind: 'quickfix', edits: diagnostic.fix!.edits, isPreferred: fixable.length === 1, diagnostics: [diagnostic] });
    }
    const rules = [...new Set(fixable.map((diagnostic) => diagnostic.rule))];
    for (const rule of rules) {
      const sameRule = all.filter((diagnostic) => diagnostic.rule === rule && diagnostic.fix && diagnostic.fix.safe !== false);
      if (sameRule.length > 1) actions.push({ title: `Fix all ${rule} problems (${sameRule.length})`, kind: 'quickfix', edits: fixAllEdits(all, rule), diagnostics: sameRule });
    }
    const seen = new Set<string>();
    for (const diagnostic of inRange) {
      const key = `${diagnostic.rule}@${diagnostic.range.start.line}`;
      // A conflict is resolved, never silenced.
      if (seen.has(key) || diagnostic.rule === MERGE_CONFLICT_RULE) continue;
      seen.add(key);
      const line = diagnostic.range.start.line;
      actions.push({
        title: `Disable ${diagnostic.rule} for this line`,
        kind: 'quickfix',
        edits: [disableNextLineEdit(lineText(line), line, diagnostic.rule, eol)],
        diagnostics: [diagnostic],
      });
    }
  }
  if (only && wants('source.fixAll.twir')) {
    const edits = context.fixAll();
    if (edits.length > 0) actions.push({ title: 'Fix all TWiR problems', kind: 'source.fixAll.twir', edits, diagnostics: [] });
  }
  return actions;
}

