/**
 * `--since REF`: only the findings that are new since git revision REF. Each file is linted as it
 * is and as it was at REF (`git show`, git run as a subprocess); a finding is new when the file at
 * REF has no finding of the same rule with the same message on a line of the same text. A message
 * that names another line ("same link as line 12") is compared with that line's text in place of
 * its number. So moving lines changes nothing, and a change that breaks the order of lines it did
 * not touch is new. TWiR's own CI (`inspect_links.py --since`) likewise compares the sets of its
 * messages before and after.
 */
import { basename, dirname } from 'node:path';
import { composeDraft } from '../service/commands/new-draft';
import { overBudget } from '../service/guard';
import { lint, type LintDiagnostic, type LintOptions, type LintResult } from '../service/lint';
import { buildModel } from '../service/model/build';
import type { IssueModel } from '../service/model/types';
import { parseIsoDate } from '../service/util/dates';

/** Far more than any issue: git stops there rather than filling the memory. */
const MAX_BASE_BYTES = 16 * 1024 * 1024;

export class SinceError extends Error {}

/** Runs git; throws SinceError when git is not there at all. */
function git(args: readonly string[], cwd: string): { status: number; stdout: Buffer; stderr: string } {
  try {
    // Loaded here, not with the CLI: most runs have no --since.
    const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
    const stdout = execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: MAX_BASE_BYTES });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { status?: number | null; stdout?: Buffer; stderr?: Buffer };
    if (failure.code === 'ENOENT') throw new SinceError('--since needs git, and no git program was found on the PATH');
    if (typeof failure.status !== 'number') throw new SinceError(`--since: git failed: ${failure.message}`);
    return { status: failure.status, stdout: failure.stdout ?? Buffer.alloc(0), stderr: failure.stderr?.toString('utf8').trim() ?? '' };
  }
}

/**
 * The commit REF names, seen from `cwd`: checked once before any file is linted, so that a missing
 * git, a folder outside any repository or an unknown revision stops the run with one clear line.
 */
export function resolveSince(ref: string, cwd: string): string {
  if (ref.startsWith('-')) throw new SinceError(`--since: "${ref}" is not a git revision`);
  if (git(['rev-parse', '--is-inside-work-tree'], cwd).status !== 0) throw new SinceError(`--since: ${cwd} is not inside a git repository`);
  const resolved = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  if (resolved.status !== 0) throw new SinceError(`--since: "${ref}" is not a commit of this repository`);
  return resolved.stdout.toString('utf8').trim();
}

/**
 * The git object id of the file's content at `commit` (what `--cache` keys the comparison by), or
 * undefined when the file was not there (it is new: see `originAt`).
 */
export function blobAt(path: string, commit: string): string | undefined {
  return blobOf(dirname(path), `./${basename(path)}`, commit);
}

/** The object id at `commit` of `relative` (to `folder`, which exists), or undefined when it was not there. */
function blobOf(folder: string, relative: string, commit: string): string | undefined {
  const listed = git(['ls-tree', '-z', commit, '--', relative], folder);
  if (listed.status !== 0) throw new Error(`git cannot read ${commit.slice(0, 12)} for this file: ${listed.stderr || `exit status ${listed.status}`}`);
  if (listed.stdout.length === 0) return undefined;
  // `<mode> <type> <object id>\t<name>\0`
  const [, type, object] = listed.stdout.toString('utf8').split('\t')[0].split(' ');
  if (type !== 'blob') throw new Error(`it is not a file at ${commit.slice(0, 12)} (a ${type})`);
  return object;
}

const ISSUE_FILE = /^(\d{4}-\d{2}-\d{2})-this-week-in-rust\.md$/;

/**
 * What a file that is new at `commit` was made from, when the commit is one of TWiR's: a published
 * `content/X` was moved from `draft/X`; a new `draft/X` was made by the new-draft command from the
 * template and the newest issue before it (its events carried over). `id` keys the comparison (the
 * object ids it was made from); `text` is what the move or the creation carried over.
 */
export interface Origin {
  readonly id: string;
  text(): string;
}

export function originAt(path: string, commit: string, current: Pick<IssueModel, 'header'>): Origin | undefined {
  const folder = basename(dirname(path));
  const name = basename(path);
  const sibling = (other: string) => `../${other}/`;
  if (folder === 'content') {
    const draft = blobOf(dirname(path), `${sibling('draft')}${name}`, commit);
    return draft === undefined ? undefined : { id: `moved ${draft}`, text: () => blobText(path, draft) };
  }
  const date = ISSUE_FILE.exec(name)?.[1];
  if (folder !== 'draft' || !date) return undefined;
  const template = blobOf(dirname(path), './DRAFT_TEMPLATE', commit);
  // The newest issue before this one, in draft/ (not yet moved: the same commit moves it) or content/.
  const listed = git(['ls-tree', '-z', '--name-only', commit, '--', './', sibling('content')], dirname(path));
  const names = listed.status === 0 ? listed.stdout.toString('utf8').split('\0').filter(Boolean) : [];
  const previous = names
    .map((listedName) => ({ path: listedName, date: ISSUE_FILE.exec(basename(listedName))?.[1] }))
    .filter((file): file is { path: string; date: string } => file.date !== undefined && file.date < date)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
  const previousBlob = previous && blobOf(dirname(path), `${basename(dirname(previous.path)) === 'content' ? sibling('content') : './'}${basename(previous.path)}`, commit);
  if (template === undefined && previousBlob === undefined) return undefined;
  return {
    id: `created ${template ?? '-'} ${previousBlob ?? '-'}`,
    text: () => {
      const previousText = previousBlob === undefined ? undefined : blobText(path, previousBlob);
      if (template === undefined) return previousText!;
      const number = current.header?.issueNumber ?? 0;
      return composeDraft(blobText(path, template), previousText, number, parseIsoDate(date)!);
    },
  };
}

function blobText(path: string, blob: string): string {
  const shown = git(['cat-file', 'blob', blob], dirname(path));
  if (shown.status !== 0) throw new Error(`git cannot show the file's content ${blob.slice(0, 12)}: ${shown.stderr || `exit status ${shown.status}`}`);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(shown.stdout);
}

/** The rules' way of naming another line in a message (1-based). */
const LINE_REFERENCE = /\bline (\d+)\b/g;

/** A finding as --since compares it: rule, message (lines it names by their text) and the text of its line. */
function key(diagnostic: LintDiagnostic, model: IssueModel): string {
  const lineText = (line: number) => (line < model.lines.lineCount ? model.lines.lineText(line) : '');
  const message = diagnostic.message.replace(LINE_REFERENCE, (_, line: string) => `line ${JSON.stringify(lineText(Number(line) - 1))}`);
  return JSON.stringify([diagnostic.rule, message, lineText(diagnostic.range.start.line)]);
}

export interface Baseline {
  /** Whether a finding of the current text is new since the base. */
  isNew(diagnostic: LintDiagnostic, model: IssueModel): boolean;
}

/** The findings of the file's content `blob` (see `blobAt`), linted with the same options, as `baseline` compares them. */
export function baselineFindings(path: string, blob: string, options: LintOptions): string[] {
  return textFindings(path, blobText(path, blob), options);
}

/** The findings of what a new file was made from (see `originAt`), linted with the same options. */
export function originFindings(path: string, origin: Origin, options: LintOptions): string[] {
  return textFindings(path, origin.text(), options);
}

function textFindings(path: string, text: string, options: LintOptions): string[] {
  const tooBig = overBudget(text);
  if (tooBig) throw new Error(`The file at the --since revision ${tooBig}: it cannot be compared.`);
  return findingKeys(buildModel(text, { fileName: basename(path), final: true }), options);
}

/** The findings of a model as `baseline` compares them. */
export function findingKeys(model: IssueModel, options: LintOptions): string[] {
  return lint(model, options).diagnostics.map((diagnostic) => key(diagnostic, model));
}

/**
 * The comparison with the findings of the base (none when the file was not there). A placeholder
 * filled after publishing is reported on a published file whatever the base had: the publishing
 * commit is where the r/rust link is to be remembered.
 */
export function baseline(findings: readonly string[] | undefined): Baseline {
  const reminder = (diagnostic: LintDiagnostic) => diagnostic.afterPublication === true && diagnostic.severity === 'warning';
  if (findings === undefined) return { isNew: () => true };
  const keys = new Set(findings);
  return { isNew: (diagnostic, current) => reminder(diagnostic) || !keys.has(key(diagnostic, current)) };
}

/** The result with the findings the base already had left out, and how many were. */
export function newOnly(result: LintResult, model: IssueModel, base: Baseline): { result: LintResult; leftOut: number } {
  const diagnostics = result.diagnostics.filter((diagnostic) => base.isNew(diagnostic, model));
  return { result: { ...result, diagnostics }, leftOut: result.diagnostics.length - diagnostics.length };
}
