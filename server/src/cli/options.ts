import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { parseMergeCommandLine, type MergeOptions } from './merge';

export const FORMATS = ['text', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  paths: string[];
  fix: boolean;
  format: Format;
  config?: string;
  /** Threads that lint (this one and workers); `auto` decides from the number of files. */
  concurrency: number | 'auto';
}

export type ParsedCommand =
  | { kind: 'help'; usage?: string }
  | { kind: 'version' }
  | { kind: 'lint'; options: CliOptions }
  | { kind: 'merge'; options: MergeOptions }
  | { kind: 'usage-error'; message: string; usage?: string };

export const USAGE = `Usage: twir-lint [--fix] [--format text|json|github] [--config FILE] PATH…
       twir-lint merge --events FILE [--write] DRAFT   (see twir-lint merge --help)

Checks This Week in Rust issues. A PATH is a file (linted whatever its name) or a
folder, searched for issue files (*-this-week-in-rust.md, *-this-week-in-rust.markdown,
DRAFT_TEMPLATE, or Markdown starting with "Title: This Week in Rust"), skipping
node_modules and dot folders.

Options:
  --fix                    apply every safe fix, then report what is left
  --format FORMAT          text (default), json, or github (workflow annotations)
  --config FILE            rule settings; default: the nearest .twir-lint.json
                           above each PATH, else the one in the current folder
  --concurrency N|auto|off threads that lint (default auto: one per core when
                           there are enough files to pay for starting them)
  -h, --help               show this help
  -v, --version            show the version

Exit status: 0 no errors (warnings allowed), 1 errors found,
             2 usage error, bad config, or a file that could not be linted.
`;

/** Reads the command line with Node's own parser: unknown options are usage errors, not ignored. */
export function parseCommandLine(args: readonly string[]): ParsedCommand {
  if (args[0] === 'merge') return parseMergeCommandLine(args.slice(1));
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        fix: { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
        config: { type: 'string' },
        concurrency: { type: 'string', default: 'auto' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    return { kind: 'usage-error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const format = FORMATS.find((name) => name === values.format);
  if (!format) return { kind: 'usage-error', message: `--format must be one of ${FORMATS.join(', ')}, not "${values.format}"` };
  const concurrency = parseConcurrency(values.concurrency);
  if (concurrency === undefined) return { kind: 'usage-error', message: `--concurrency must be a positive number, auto or off, not "${values.concurrency}"` };
  if (positionals.length === 0) return { kind: 'usage-error', message: 'no PATH given' };
  return { kind: 'lint', options: { paths: positionals, fix: values.fix, format, config: values.config, concurrency } };
}

function parseConcurrency(value: string): CliOptions['concurrency'] | undefined {
  if (value === 'auto') return 'auto';
  if (value === 'off') return 1;
  if (!/^\d+$/.test(value) || Number(value) < 1) return undefined;
  return Math.min(Number(value), availableParallelism() * 4);
}
