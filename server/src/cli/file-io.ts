import { closeSync, fchmodSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ANALYSIS_BUDGET, overBudget } from '../service/guard';

// `ignoreBOM` keeps a leading U+FEFF in the text: the model knows it, and --fix must write it back.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type ReadResult = { text: string; stats: Stats } | { problem: string };

/**
 * Reads a file as UTF-8 text, or says in a few words why it cannot be linted: as in the editor, a
 * file past the analysis budget (size, line length, nesting) is refused rather than left to stall.
 */
export function readTextFile(path: string): ReadResult {
  let bytes: Buffer;
  let stats: Stats;
  try {
    stats = statSync(path);
    if (!stats.isFile()) return { problem: 'Not a regular file.' };
    // Not even read: a huge file is not an issue.
    if (stats.size > ANALYSIS_BUDGET.maxBytes * 4) return { problem: `The file is ${megabytes(stats.size)} MB, far more than TWiR analyses: not linted.` };
    bytes = readFileSync(path);
  } catch (error) {
    return { problem: `Cannot read the file: ${(error as Error).message}` };
  }
  if (bytes.includes(0)) return { problem: 'Binary file (it contains NUL bytes): not linted.' };
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { problem: 'Not valid UTF-8: save the file as UTF-8 to lint it.' };
  }
  const overBudgetBecause = overBudget(text);
  return overBudgetBecause ? { problem: `The file ${overBudgetBecause}: not linted.` } : { text, stats };
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}

/**
 * Replaces a file's content all at once: writes a temporary file in the same folder (same file
 * system), flushes it, gives it the original's mode, and renames it over the original. Readers see
 * the old file or the new one, never half of it. Refuses when the file changed since it was read
 * (`readStats`), e.g. saved from an editor meanwhile; throws with the file untouched on failure.
 */
export function writeFileAtomically(path: string, text: string, readStats: Stats): void {
  // Through a symbolic link, replace the file it points to, not the link.
  const target = realpathSync(path);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.twir-lint.tmp`);
  const descriptor = openSync(temporary, 'wx', 0o600);
  try {
    try {
      writeSync(descriptor, Buffer.from(text, 'utf8'));
      fchmodSync(descriptor, readStats.mode & 0o7777);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    const now = statSync(target);
    if (now.mtimeMs !== readStats.mtimeMs || now.size !== readStats.size) throw new Error('the file changed while it was being fixed');
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
