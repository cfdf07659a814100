#!/usr/bin/env node
/** `twir-lint`: the diagnostics of the editor, for CI and the command line. */
import { availableParallelism } from 'node:os';
import { version } from '../../../package.json';
import type { RuleSettings } from '../service/lint';
import { formatter, leftOutSentence, Summary, wantsColours } from './formats';
import { explainCommand } from './explain';
import { collectInputs } from './inputs';
import type { LintTask } from './lint-file';
import { parseCommandLine, USAGE, type CliOptions } from './options';
import { mergeCommand } from './merge';
import { mergeDriverCommand } from './merge-driver';
import { reviewCommand } from './review';
import { lintAll, WORKER_FILE } from './pool';
import { resolveSince, SinceError } from './since';

/**
 * Files per worker thread. A worker needs ~100 ms to load the linter, and each run of files reads
 * again the ~25 issues before it (for links/duplicate): over a checkout of 47 issues,
 * on 2 shared cores, one worker took more CPU and memory than this thread alone, and two took 1.6×
 * the CPU. So this thread lints alone below two workers' worth of files (README, Speed).
 */
const FILES_PER_WORKER = 100;
/**
 * On this many cores or fewer, this thread lints alone whatever the number of files: over the
 * 146 issues of the bench's checkout on 2 shared cores, two workers took 1.6× the CPU and 1.5×
 * the memory of this thread alone, for no gain in wall time (README, Speed).
 */
const MAX_CORES_WITHOUT_WORKERS = 2;

/**
 * Whether the output failed (`> /dev/full`): the run goes on (--fix finishes its files) and ends
 * with status 2, since a report nobody got is no report. A reader that went away (`| head -1`)
 * wanted no more: printing stops quietly, and the status is the run's, as for other CLIs.
 */
let outputFailed = false;
let readerGone = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    readerGone = true;
    return;
  }
  if (!outputFailed) process.stderr.write(`twir-lint: cannot write the output: ${error.message}\n`);
  outputFailed = true;
  process.exitCode = 2;
});

function print(text: string): void {
  if (!outputFailed && !readerGone && text !== '') process.stdout.write(text);
}

async function main(args: readonly string[]): Promise<number> {
  const command = parseCommandLine(args);
  switch (command.kind) {
    case 'help':
      print(command.usage ?? USAGE);
      return 0;
    case 'version':
      print(`${version}\n`);
      return 0;
    case 'usage-error':
      process.stderr.write(`twir-lint: ${command.message}\n\n${command.usage ?? USAGE}`);
      return 2;
    case 'explain':
      return explainCommand(command.rule, print);
    case 'merge':
      return mergeCommand(command.options, print);
    case 'merge-driver':
      return mergeDriverCommand(command.options);
    case 'review':
      return reviewCommand(command.options, print);
    case 'lint':
      return lintCommand(command.options);
  }
}

async function lintCommand(options: CliOptions): Promise<number> {
  const cwd = process.cwd();
  let since: string | undefined;
  try {
    since = options.since === undefined ? undefined : resolveSince(options.since, cwd);
  } catch (error) {
    if (!(error instanceof SinceError)) throw error;
    process.stderr.write(`twir-lint: ${error.message}\n`);
    return 2;
  }
  const { inputs, configProblems, emptyFolders } = collectInputs(options.paths, options.config, cwd);
  if (configProblems.length > 0) {
    process.stderr.write(configProblems.map((problem) => `twir-lint: ${problem}\n`).join(''));
    return 2;
  }
  for (const folder of emptyFolders) process.stderr.write(`twir-lint: no TWiR issue files in ${folder}\n`);
  const cache = options.cache ? await loadCache(options.cacheLocation, cwd) : undefined;
  if (cache && 'refused' in cache) {
    process.stderr.write(`twir-lint: ${cache.refused}\n`);
    return 2;
  }

  // The policy switch is explicit on the command line: it wins over the config.
  const policy: RuleSettings = options.denyProjectToolingLinks ? { 'links/project-tooling': 'error' } : {};
  const tasks: LintTask[] = inputs.map((input) => ({
    path: input.path,
    file: input.file,
    root: input.root,
    rules: { ...input.config.rules, ...policy },
    preset: options.preset,
    fix: options.fix,
    since,
    problem: input.problem,
    timeoutMs: options.timeoutMs,
  }));
  const cores = availableParallelism();
  const threads = options.concurrency !== 'auto' ? options.concurrency : cores <= MAX_CORES_WITHOUT_WORKERS ? 1 : Math.min(cores, Math.floor(tasks.length / FILES_PER_WORKER));
  // One thread: this one; more: that many workers, this one hands out the files.
  const workers = threads > 1 ? threads : 0;
  const layout = { colours: wantsColours(process.stdout, process.env), columns: process.stdout.isTTY ? process.stdout.columns : 120 };
  const run = { fixing: options.fix, since: options.since };
  const format = formatter(options.format, layout, run);
  const summary = new Summary();
  let fatal = false;
  // Hints are suggestions: on a pull request they are noise unless asked for.
  const withoutHints = options.format === 'github' && !options.hints;
  await lintAll(tasks, workers, (linted, index) => {
    const report = withoutHints ? { ...linted, diagnostics: linted.diagnostics.filter((diagnostic) => diagnostic.severity !== 'hint') } : linted;
    summary.add(report);
    fatal ||= report.fatal;
    print(format.file(report, index));
  }, cache?.cache);
  print(format.end(summary));
  // The machine-readable formats hold findings only: the count of those left out goes to stderr.
  const leftOut = leftOutSentence(summary, run);
  if (leftOut && (options.format === 'json' || options.format === 'sarif')) process.stderr.write(`twir-lint: ${leftOut}\n`);
  // A cache that cannot be written changes nothing else: the findings are printed, the status is theirs.
  const notSaved = cache?.cache.save(cache.file, cache.secret);
  if (notSaved) process.stderr.write(`twir-lint: ${notSaved}\n`);
  return fatal ? 2 : summary.bySeverity.error > 0 ? 1 : 0;
}

/** The cache of `--cache`: loaded only then, with node:crypto. Undefined: not used (said on stderr). */
async function loadCache(location: string | undefined, cwd: string) {
  const { cacheFile, openCache } = await import('./cache');
  const file = cacheFile(location, cwd);
  // The tool is these bundles: a rebuilt twir-lint does not reuse the findings of the old one.
  const opened = openCache(file, [__filename, WORKER_FILE]);
  if ('refused' in opened) return opened;
  if ('unused' in opened) {
    process.stderr.write(`twir-lint: ${opened.unused}\n`);
    return undefined;
  }
  for (const warning of opened.warnings) process.stderr.write(`twir-lint: ${warning}\n`);
  return { ...opened, file };
}

/** An unexpected error, in one line: a stack trace is for us to read, not for the user. */
function internalError(error: unknown): string {
  return `twir-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`;
}

process.on('uncaughtException', (error) => {
  process.stderr.write(internalError(error));
  process.exit(2);
});
main(process.argv.slice(2)).then(
  (status) => (process.exitCode = outputFailed ? 2 : status),
  (error: unknown) => {
    process.stderr.write(internalError(error));
    process.exitCode = 2;
  },
);
