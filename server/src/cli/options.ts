import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { ANALYSIS_BUDGET } from '../service/guard';
import { PRESET_NAMES, type PresetName } from '../service/presets';
import { parseMergeCommandLine, type MergeOptions } from './merge';
import { parseMergeDriverCommandLine, type MergeDriverOptions } from './merge-driver';
import { parseReviewCommandLine, type ReviewOptions } from './review';

export const FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  paths: string[];
  fix: boolean;
  format: Format;
  config?: string;
  /** `--since REF`: report only the findings that are new since this git revision. */
  since?: string;
  preset?: PresetName;
  /** TWiR's contribution policy: links/project-tooling on, as an error. */
  denyProjectToolingLinks: boolean;
  /** With `--format github`: annotate hints too. */
  hints: boolean;
  /** Threads that lint (this one and workers); `auto` decides from the number of files. */
  concurrency: number | 'auto';
  /** `--cache`: findings kept between runs (cache.ts). */
  cache: boolean;
  /** `--cache-location`: the cache file, or a folder for it. */
  cacheLocation?: string;
  /** `--timeout`: the analysis budget of one file, in milliseconds. */
  timeoutMs: number;
}

export type ParsedCommand =
  | { kind: 'help'; usage?: string }
  | { kind: 'version' }
  | { kind: 'explain'; rule: string }
  | { kind: 'lint'; options: CliOptions }
  | { kind: 'merge'; options: MergeOptions }
  | { kind: 'merge-driver'; options: MergeDriverOptions }
  | { kind: 'review'; options: ReviewOptions }
  | { kind: 'usage-error'; message: string; usage?: string };

export const USAGE = `Usage: twir-lint [--fix] [--format text|json|github|sarif] [--since REF] [--preset ci|publish] [--config FILE] [--cache] PATH…
       twir-lint merge --events FILE [--write] DRAFT   (see twir-lint merge --help)
       twir-lint --explain RULE                        (a rule's documentation)
       twir-lint merge-driver %O %A %B %L %P          (git's merge driver: see twir-lint merge-driver --help)
       twir-lint review [--previous FILE] [--format text|json] DRAFT   (see twir-lint review --help)

Checks This Week in Rust issues. A PATH is a file (linted whatever its name) or a
folder, searched for issue files (*-this-week-in-rust.md, *-this-week-in-rust.markdown,
DRAFT_TEMPLATE, or Markdown starting with "Title: This Week in Rust"), skipping
node_modules and dot folders.

Options:
  --fix                    apply every safe fix, then report what is left
  --format FORMAT          text (default), json, github (workflow annotations),
                           or sarif (SARIF 2.1.0, for GitHub code scanning)
  --hints                  with --format github, annotate hints too (left out
                           by default: they are suggestions)
  --since REF              report only the findings that are new since the git
                           revision REF (with --fix, fix only those)
  --preset ci              TWiR CI's verdicts: what its scripts fail on is an error
  --preset publish         check a draft for publishing: its publishing tasks
                           (events outside the window, placeholders, empty
                           sections) are errors, as in content/
  --deny-project-tooling-links
                           TWiR's policy for authors without write access: no
                           contributed links in Project/Tooling Updates
  --config FILE            rule settings; default: the nearest .twir-lint.json
                           above each PATH, else the one in the current folder
  --concurrency N|auto|off threads that lint (default auto: one per core when
                           there are enough files to pay for starting them)
  --cache                  keep the findings in a file and reuse them while a
                           file, the issues before it, the settings and
                           twir-lint are unchanged
  --cache-location PATH    with --cache, the cache file, or a folder for it
                           (default: twir-lint-cache in the checkout's git
                           folder, else .twir-lint-cache in the current folder)
  --explain RULE           print the documentation of a rule (links/tracking…)
  --timeout SECONDS        the analysis budget of a file (default ${ANALYSIS_BUDGET.maxMilliseconds / 1000}, as in the
                           editor): a file past it is reported as not checked
  -h, --help               show this help
  -v, --version            show the version

Exit status: 0 no errors (warnings allowed), 1 errors found,
             2 usage error, bad config, or a file that could not be linted.
`;

/** The options of linting (the command without a subcommand), as Node's parser reads them. */
export const LINT_OPTIONS = {
  fix: { type: 'boolean', default: false },
  format: { type: 'string', default: 'text' },
  config: { type: 'string' },
  since: { type: 'string' },
  preset: { type: 'string' },
  'deny-project-tooling-links': { type: 'boolean', default: false },
  hints: { type: 'boolean', default: false },
  concurrency: { type: 'string', default: 'auto' },
  cache: { type: 'boolean', default: false },
  'cache-location': { type: 'string' },
  explain: { type: 'string' },
  timeout: { type: 'string', default: String(ANALYSIS_BUDGET.maxMilliseconds / 1000) },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

/** Reads the command line with Node's own parser: unknown options are usage errors, not ignored. */
export function parseCommandLine(args: readonly string[]): ParsedCommand {
  if (args[0] === 'merge') return parseMergeCommandLine(args.slice(1));
  if (args[0] === 'merge-driver') return parseMergeDriverCommandLine(args.slice(1));
  if (args[0] === 'review') return parseReviewCommandLine(args.slice(1));
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: LINT_OPTIONS });
  } catch (error) {
    return { kind: 'usage-error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (values.explain !== undefined) return { kind: 'explain', rule: values.explain };
  const format = FORMATS.find((name) => name === values.format);
  if (!format) return { kind: 'usage-error', message: `--format must be one of ${FORMATS.join(', ')}, not "${values.format}"` };
  const concurrency = parseConcurrency(values.concurrency);
  if (concurrency === undefined) return { kind: 'usage-error', message: `--concurrency must be a positive number, auto or off, not "${values.concurrency}"` };
  const preset = values.preset === undefined ? undefined : PRESET_NAMES.find((name) => name === values.preset);
  if (values.preset !== undefined && !preset) return { kind: 'usage-error', message: `--preset must be one of ${PRESET_NAMES.join(', ')}, not "${values.preset}"` };
  if (values.since === '') return { kind: 'usage-error', message: '--since needs a git revision (a commit, a branch, HEAD~1…)' };
  const timeout = Number(values.timeout);
  if (!/^\d+(?:\.\d+)?$/.test(values.timeout) || !(timeout > 0)) return { kind: 'usage-error', message: `--timeout must be a number of seconds, not "${values.timeout}"` };
  if (positionals.length === 0) return { kind: 'usage-error', message: 'no PATH given' };
  return {
    kind: 'lint',
    options: { paths: positionals, fix: values.fix, format, config: values.config, since: values.since, preset, denyProjectToolingLinks: values['deny-project-tooling-links'], hints: values.hints, concurrency, cache: values.cache, cacheLocation: values['cache-location'], timeoutMs: timeout * 1000 },
  };
}

function parseConcurrency(value: string): CliOptions['concurrency'] | undefined {
  if (value === 'auto') return 'auto';
  if (value === 'off') return 1;
  if (!/^\d+$/.test(value) || Number(value) < 1) return undefined;
  return Math.min(Number(value), availableParallelism() * 4);
}
