/**
 * Conflicts rebuilt from real issues: two edits of the same week's draft applied to their common
 * parent, merged by git itself (`git merge-file`), as a pull request updated from `main` meets them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModel } from '../../server/src/service/model/build';
import { readFixture } from './fixtures';

/** The draft of 2026-08-26 (the common parent) and the issue published the week before. */
export const DRAFT = readFixture('draft/2026-08-26-this-week-in-rust.md');
export const PREVIOUS = readFixture('published/2026-08-19-this-week-in-rust.md');

/** The entries of a section of an issue, each as its lines joined by `\n`. */
export function entriesOf(text: string, heading: string): string[] {
  const model = buildModel(text);
  const section = model.allSections.find((candidate) => candidate.heading.text === heading);
  if (!section) throw new Error(`no section ${heading}`);
  return section.entries.map((entry) => model.text.split('\n').slice(entry.line, entry.endLine + 1).join('\n'));
}

/** The text with entries written at the top of a section (right under its heading) or after its last entry. */
export function withEntries(text: string, heading: string, entries: readonly string[], where: 'top' | 'bottom' = 'bottom'): string {
  const model = buildModel(text);
  const section = model.allSections.find((candidate) => candidate.heading.text === heading);
  if (!section) throw new Error(`no section ${heading}`);
  const last = section.entries[section.entries.length - 1];
  const line = where === 'bottom' && last ? last.endLine + 1 : section.heading.line + 1;
  const lines = text.split('\n');
  lines.splice(line, 0, ...entries.flatMap((entry) => entry.split('\n')));
  return lines.join('\n');
}

/** The text with every line holding `needle` replaced (a function of the line) or removed (null). */
export function editLines(text: string, needle: string, edit: (line: string) => string | null): string {
  return text
    .split('\n')
    .flatMap((line) => (line.includes(needle) ? (edit(line) === null ? [] : [edit(line)!]) : [line]))
    .join('\n');
}

/** What `git merge-file -p` makes of the three versions: the merged text and git's exit status (the number of conflicts). */
export function gitMergeFile(base: string, ours: string, theirs: string, options: { diff3?: boolean; markerSize?: number } = {}): { text: string; status: number } {
  const folder = mkdtempSync(join(tmpdir(), 'twir-merge-file-'));
  try {
    const [o, a, b] = ['base', 'ours', 'theirs'].map((name) => join(folder, name));
    writeFileSync(o, base);
    writeFileSync(a, ours);
    writeFileSync(b, theirs);
    const args = ['merge-file', '-p', '-L', 'ours', '-L', 'base', '-L', 'theirs', ...(options.diff3 ? ['--diff3'] : []), ...(options.markerSize ? [`--marker-size=${options.markerSize}`] : []), a, o, b];
    const run = spawnSync('git', args, { encoding: 'utf8' });
    if (run.error || run.status === null || run.status < 0) throw new Error(`git merge-file failed: ${run.error?.message ?? run.stderr}`);
    return { text: run.stdout, status: run.status };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
