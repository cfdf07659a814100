#!/usr/bin/env -S node --max-semi-space-size=32
// (A larger young generation: linting allocates many short-lived syntax trees, and the default
// semi-space makes the garbage collector take a fifth of the time.)
/** `twir-lint`: the diagnostics of the editor, for CI and the command line. */
import { availableParallelism } from 'node:os';
import { version } from '../../../package.json';
import { formatter, Summary, wantsColours } from './formats';
import { collectInputs } from './inputs';
import type { LintTask } from './lint-file';
import { parseCommandLine, USAGE, type CliOptions } from './options';
import { lintAll } from './pool';

/**
 * Below this many files, this thread alone is as fast: a worker needs ~100 ms to load the linter
 * and lints its first file at half speed (cold JIT), by which time this thread has done ~3 files
 * of ~60 ms. Measured on 2 cores.
 */
const MIN_FILES_FOR_WORKERS = 6;

let stdoutOpen = true;
// A reader that goes away (`twir-lint . | head`) ends the output, not the run: --fix finishes its files.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutOpen = false;
});

function print(text: string): void {
  if (stdoutOpen && text !== '') process.stdout.write(text);
}

async function main(args: readonly string[]): Promise<number> {
  const command = parseCommandLine(args);
  switch (command.kind) {
    case 'help':
      print(USAGE);
      return 0;
    case 'version':
      print(`${version}\n`);
      return 0;
    case 'usage-error':
      process.stderr.write(`twir-lint: ${command.message}\n\n${USAGE}`);
      return 2;
    case 'lint':
      return lintCommand(command.options);
  }
}

async function lintCommand(options: CliOptions): Promise<number> {
  const cwd = process.cwd();
  const { inputs, configProblems, emptyFolders } = collectInputs(options.paths, options.config, cwd);
  if (configProblems.length > 0) {
    process.stderr.write(configProblems.map((problem) => `twir-lint: ${problem}\n`).join(''));
    return 2;
  }
  for (const folder of emptyFolders) process.stderr.write(`twir-lint: no TWiR issue files in ${folder}\n`);

  const tasks: LintTask[] = inputs.map((input) => ({ path: input.path, file: input.file, rules: input.config.rules, fix: options.fix, problem: input.problem }));
  const threads = options.concurrency === 'auto' ? (tasks.length < MIN_FILES_FOR_WORKERS ? 1 : availableParallelism()) : options.concurrency;
  const layout = { colours: wantsColours(process.stdout, process.env), columns: process.stdout.isTTY ? process.stdout.columns : 120 };
  const format = formatter(options.format, layout, options.fix);
  const summary = new Summary();
  let fatal = false;
  await lintAll(tasks, threads, (report, index) => {
    summary.add(report);
    fatal ||= report.fatal;
    print(format.file(report, index));
  });
  print(format.end(summary));
  return fatal ? 2 : summary.bySeverity.error > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (status) => (process.exitCode = status),
  (error: unknown) => {
    process.stderr.write(`twir-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
