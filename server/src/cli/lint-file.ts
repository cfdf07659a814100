import { basename, dirname } from 'node:path';
import { fixedByFixAll } from '../service/actions';
import { fixUntilStable } from '../service/fix-all';
import { lint, type LintDiagnostic, type LintOptions, type LintResult, type RuleSettings } from '../service/lint';
import { buildModel } from '../service/model/build';
import type { IssueModel } from '../service/model/types';
import { checksPublishing, PRESETS, type PresetName } from '../service/presets';
import { momentOf } from '../service/severity';
import { parseHeader } from '../service/model/header';
import { earlierIssue } from '../service/rules/links/shared';
import type { Severity } from '../service/rules/types';
import { LineIndex, type Position } from '../service/util/text';
import type { LintCache } from './cache';
import { withinBudget } from './deadline';
import { readTextFile, refusalToWrite, writeFileAtomically } from './file-io';
import type { LookBack } from './look-back';
import { baseline, baselineFindings, blobAt, newOnly, originAt, originFindings, type Baseline, type Origin } from './since';

/** One file to lint: what the main thread sends to a worker (plain data). */
export interface LintTask {
  /** Absolute path. */
  path: string;
  /** The path as reports show it. */
  file: string;
  /** The folder given as PATH (or the folder of the file given): --fix writes nothing outside it. */
  root: string;
  rules: RuleSettings;
  /** Severities that replace the rules' defaults (`--preset`). */
  preset?: PresetName;
  fix: boolean;
  /** `--since`: the commit whose findings are left out (see since.ts). */
  since?: string;
  /** Why the path cannot be linted at all (it does not exist…), known before reading it. */
  problem?: string;
  /** The analysis budget of the file (`--timeout`): past it, it is reported as not checked. */
  timeoutMs: number;
}

/** A diagnostic as `--format json` prints it: 1-based lines and columns (UTF-16 units, as the editor's). */
export interface CliDiagnostic {
  rule: string;
  severity: Severity;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fixable: boolean;
}

export interface FileReport {
  file: string;
  diagnostics: CliDiagnostic[];
  /** Whether the file could not be linted (or fixed) fully: exit status 2. */
  fatal: boolean;
  /** Whether --fix rewrote the file. */
  fixed: boolean;
  /** With `--since`: how many findings were left out because the file had them at that commit. */
  leftOut?: number;
}

/** The pseudo-rule of problems with the file itself (unreadable, binary, a rule that crashed…). */
export const FATAL_RULE = 'fatal';

/** What a thread lints with: its look-back, and with `--cache` the cache. */
export interface LintContext {
  lookBack: LookBack;
  cache?: LintCache;
}

/**
 * Lints one file (and with `fix`, fixes it), with the look-back of this thread, within its time
 * budget; never throws: whatever goes wrong is in the report.
 */
export function lintFile(task: LintTask, context: LintContext): FileReport {
  try {
    const linted = withinBudget(task.timeoutMs, () => lintOrFix(task, context));
    return linted ? linted.value : fatalReport(task.file, `analysis took more than ${task.timeoutMs / 1000} s: not checked`);
  } catch (error) {
    return fatalReport(task.file, `Internal error while linting: ${(error as Error).message}`);
  }
}

function lintOrFix(task: LintTask, { lookBack, cache }: LintContext): FileReport {
  if (task.problem) return fatalReport(task.file, task.problem);
  const read = readTextFile(task.path);
  if ('problem' in read) return fatalReport(task.file, read.problem);
  const fileName = basename(task.path);
  const folder = basename(dirname(task.path));
  // The issues before this one in its repository (`content/`, `draft/`), for links/duplicate: the header's date says which.
  const header = parseHeader(new LineIndex(read.text), read.text.charCodeAt(0) === 0xfeff);
  const recentIssues = lookBack.earlierIssues(task.path, { header });
  // No reuse of findings per segment: it pays between versions of one document (the editor), and
  // checking each segment apart costs more than checking a file once (the header differs per issue).
  const moment = momentOf({ folder }, checksPublishing(task.preset));
  const options: LintOptions = { rules: task.rules, defaults: task.preset && PRESETS[task.preset], moment, recentIssues, reuse: false };
  // With --since, only new findings are reported, and --fix fixes only those.
  let blob: string | undefined;
  // A file new at the base is compared with what it was made from (a draft moved to content/, a new draft's template and previous issue).
  let origin: Origin | undefined;
  try {
    blob = task.since === undefined ? undefined : blobAt(task.path, task.since);
    if (task.since !== undefined && blob === undefined) origin = originAt(task.path, task.since, { header });
  } catch (error) {
    return fatalReport(task.file, `--since cannot compare this file: ${(error as Error).message}`);
  }
  const baseId = blob ?? origin?.id;
  const entries = cache?.file(read.text, { fileName, folder, rules: task.rules, preset: task.preset, recentIssues, base: task.since === undefined ? undefined : (baseId ?? null) });
  const cached = entries?.findings();
  // Fixes need the model: a file with something to fix is linted again.
  if (entries && cached && !(task.fix && cached.result.some((diagnostic) => diagnostic.fixable))) {
    const issue = entries.issue();
    if (issue) lookBack.learn(task.path, read.stats, issue);
    return { file: task.file, diagnostics: cached.result, fatal: false, fixed: false, leftOut: cached.leftOut };
  }

  const model = buildModel(read.text, { fileName, folder });
  // The files after this one find it in the look-back instead of reading it again.
  const issue = earlierIssue(fileName, model);
  lookBack.learn(task.path, read.stats, issue);
  entries?.keepIssue(issue);
  let base: Baseline | undefined;
  try {
    if (task.since !== undefined) {
      const lintBase = origin ? () => originFindings(task.path, origin!, options) : (at: string) => baselineFindings(task.path, at, options);
      base = baseline(baseId === undefined ? undefined : entries ? entries.baseFindings(baseId, lintBase) : lintBase(baseId));
    }
  } catch (error) {
    return fatalReport(task.file, `--since cannot compare this file: ${(error as Error).message}`);
  }
  const leftOut = new WeakMap<IssueModel, number>();
  const lintModel = (next: IssueModel): LintResult => {
    if (!base) return lint(next, options);
    const compared = newOnly(lint(next, options), next, base);
    leftOut.set(next, compared.leftOut);
    return compared.result;
  };
  const report = (linted: IssueModel, result: LintResult, fatalMessage?: string): FileReport => {
    const made = { ...fileReport(task.file, linted, result, fatalMessage), leftOut: leftOut.get(linted) };
    // A cache never changes results: what could not be linted fully is not kept.
    if (!made.fatal) entries?.keepFindings(linted.text, made.diagnostics, made.leftOut);
    return made;
  };
  const result = lintModel(model);
  if (!task.fix) return report(model, result);

  const fixed = fixUntilStable(model, result, options, lintModel);
  // Fixes that loop are held back (their findings say so) and the others applied; when even those do not settle, nothing is.
  if (fixed.unsettled) return report(model, result, `The fixes were not applied: ${fixed.unsettled}. The file was left unchanged.`);
  if (fixed.model.text === read.text) return report(fixed.model, fixed.result);
  try {
    const refusal = refusalToWrite(task.path, task.root, read.stats);
    if (refusal) return report(model, result, `The fixes were not written: ${refusal}.`);
    writeFileAtomically(task.path, fixed.model.text, read.stats);
  } catch (error) {
    return report(model, result, `Cannot write the fixes (${(error as Error).message}): the file was left unchanged.`);
  }
  return { ...report(fixed.model, fixed.result), fixed: true };
}

function fileReport(file: string, model: IssueModel, result: LintResult, fatalMessage?: string): FileReport {
  const problems = [
    ...(fatalMessage ? [fatalMessage] : []),
    ...result.failures.map((failure) => `Rule ${failure.rule} crashed, its findings are missing: ${failure.error}`),
  ];
  return {
    file,
    diagnostics: [...problems.map(fatal), ...result.diagnostics.map((diagnostic) => toCliDiagnostic(diagnostic, model.bom))],
    fatal: problems.length > 0,
    fixed: false,
  };
}

function toCliDiagnostic(diagnostic: LintDiagnostic, bom: boolean): CliDiagnostic {
  // The model counts a BOM as the first character of line 0; editors do not show it.
  const column = (position: Position) => Math.max(1, position.character + 1 - (bom && position.line === 0 ? 1 : 0));
  const { start, end } = diagnostic.range;
  return {
    rule: diagnostic.rule,
    severity: diagnostic.severity,
    line: start.line + 1,
    column: column(start),
    endLine: end.line + 1,
    endColumn: column(end),
    message: diagnostic.message,
    fixable: fixedByFixAll(diagnostic),
  };
}

function fatal(message: string): CliDiagnostic {
  return { rule: FATAL_RULE, severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 1, message, fixable: false };
}

/** The report of a file whose linting failed outside the linter (e.g. a worker that died). */
export function fatalReport(file: string, message: string): FileReport {
  return { file, diagnostics: [fatal(message)], fatal: true, fixed: false };
}
