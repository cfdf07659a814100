import { accessSync, closeSync, constants, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { ANALYSIS_BUDGET, overBudget } from '../service/guard';
import { readRegularFile } from '../service/workspace/read';

// `ignoreBOM` keeps a leading U+FEFF in the text: the model knows it, and --fix must write it back.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type ReadResult = { text: string; stats: Stats } | { problem: string };

/**
 * Reads a file as UTF-8 text, or says in a few words why it cannot be linted: as in the editor, a
 * file past the analysis budget (size, line length, nesting; `tooMuch` says it) is refused rather
 * than left to stall.
 */
export function readTextFile(path: string, tooMuch: (text: string) => string | undefined = overBudget): ReadResult {
  // Not even read: a huge file is not an issue.
  const read = readRegularFile(path, ANALYSIS_BUDGET.maxBytes * 4);
  if ('missing' in read) return { problem: 'No such file.' };
  if ('problem' in read) return read;
  const { bytes, stats } = read;
  if (bytes.includes(0)) return { problem: 'Binary file (it contains NUL bytes): not linted.' };
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { problem: 'Not valid UTF-8: save the file as UTF-8 to lint it.' };
  }
  const overBudgetBecause = tooMuch(text);
  return overBudgetBecause ? { problem: `The file ${overBudgetBecause}: not linted.` } : { text, stats };
}

/**
 * Why `--fix` must not write a file, if it must not: the file is read-only, or it is reached through
 * a symbolic link that leads out of `root`, the folder the user gave (or the folder of the file given).
 */
export function refusalToWrite(path: string, root: string, stats: Stats): string | undefined {
  const target = realpathSync(path);
  const inside = relative(realpathSync(root), target);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return `it leads to ${target} through a symbolic link, outside ${root}`;
  // Root may write anything: the file's mode says whether anyone meant it to be written.
  if ((stats.mode & 0o222) === 0 || !isWritable(target)) return 'the file is read-only';
  return undefined;
}

function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

let temporaries = 0;

/**
 * A name for a temporary file beside `target`, unique to this process (files are created with
 * `wx`, so a stale one of another run is never written over).
 */
export function temporaryPathBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${++temporaries}.twir-lint.tmp`);
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
  const temporary = temporaryPathBeside(target);
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
