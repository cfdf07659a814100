/**
 * `twir-lint merge-driver %O %A %B %L %P`: git's merge driver for TWiR issues. Git calls it with
 * the base, ours and theirs as temporary files whenever both sides changed the file; it merges the
 * three (service/commands/conflicts/three-way.ts), resolves the conflicts of the list sections by
 * their rules, and writes the result over %A. Exit status 0: merged cleanly; 1: conflicts remain
 * (written with %L-long markers); 2: it could not merge, and %A holds what `git merge-file` makes.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { mergeIssue } from '../service/commands/conflicts/three-way';
import { readTextFile } from './file-io';

export interface MergeDriverOptions {
  base: string;
  ours: string;
  theirs: string;
  markerSize: number;
  /** The file's path in the repository (the temporary files' names carry no date). */
  path?: string;
}

export const MERGE_DRIVER_USAGE = `Usage: twir-lint merge-driver BASE OURS THEIRS [MARKER_SIZE] [PATH]

Git's merge driver for This Week in Rust issues. In .gitattributes:

    draft/*-this-week-in-rust.md merge=twir

and once per clone (configuration cannot be committed):

    git config merge.twir.driver "twir-lint merge-driver %O %A %B %L %P"

Merges the three versions as git merge-file does, then resolves each conflict in a
list section (community links, CFPs, events, jobs) by the section's rules: both
sides' entries, each once. The result is written over OURS.

Exit status: 0 merged cleanly, 1 conflicts remain (with MARKER_SIZE-long markers),
2 the files could not be merged here: OURS holds what git merge-file makes of them.
`;

export function parseMergeDriverCommandLine(args: readonly string[]): { kind: 'merge-driver'; options: MergeDriverOptions } | { kind: 'usage-error'; message: string; usage: string } | { kind: 'help'; usage: string } {
  if (args.includes('--help') || args.includes('-h')) return { kind: 'help', usage: MERGE_DRIVER_USAGE };
  if (args.length < 3 || args.length > 5) return { kind: 'usage-error', message: `merge-driver takes BASE OURS THEIRS [MARKER_SIZE] [PATH], not ${args.length} arguments`, usage: MERGE_DRIVER_USAGE };
  const [base, ours, theirs, size, path] = args;
  const markerSize = size === undefined ? 7 : Number(size);
  if (!Number.isInteger(markerSize) || markerSize < 1) return { kind: 'usage-error', message: `MARKER_SIZE must be a positive number, not "${size}"`, usage: MERGE_DRIVER_USAGE };
  return { kind: 'merge-driver', options: { base, ours, theirs, markerSize, path } };
}

/** Merges, writes the result over OURS, says on stderr what it resolved; returns the exit status. */
export function mergeDriverCommand(options: MergeDriverOptions): number {
  const name = options.path ?? options.ours;
  const say = (message: string) => process.stderr.write(`twir-lint merge-driver: ${name}: ${message}\n`);
  try {
    const texts = [options.base, options.ours, options.theirs].map((file) => ({ file, read: readTextFile(file) }));
    const unreadable = texts.find(({ read }) => 'problem' in read);
    if (unreadable && 'problem' in unreadable.read) return asGitMergeFile(options, unreadable.read.problem.replace(/\.$/, ''), say);
    const [base, ours, theirs] = texts.map(({ read }) => (read as { text: string }).text);
    const result = mergeIssue(base, ours, theirs, { markerSize: options.markerSize, fileName: options.path ? basename(options.path) : undefined });
    writeFileSync(options.ours, result.text);
    for (const resolution of result.resolutions) say(`line ${resolution.conflict.start + 1}${resolution.section ? ` (${resolution.section})` : ''}: ${resolution.summary}`);
    return result.conflicts > 0 ? 1 : 0;
  } catch (error) {
    return asGitMergeFile(options, `internal error: ${(error as Error).message}`, say);
  }
}

/** What git would have done without the driver: `git merge-file` writes its merge over OURS. */
function asGitMergeFile(options: MergeDriverOptions, why: string, say: (message: string) => void): number {
  say(`${why}; merged by git merge-file instead`);
  const run = spawnSync('git', ['merge-file', `--marker-size=${options.markerSize}`, '-L', 'ours', '-L', 'base', '-L', 'theirs', options.ours, options.base, options.theirs], { encoding: 'utf8' });
  if (run.error || run.status === null || run.status < 0) say(`git merge-file failed too (${run.error?.message ?? run.stderr.trim()}): ours is left as it was`);
  return 2;
}
