import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { ANALYSIS_BUDGET } from '../guard';

/**
 * Reads a workspace file (`.twir-lint.json`, `DRAFT_TEMPLATE`, a recent issue) as UTF-8 text, or
 * says why not: a file in the workspace must not hang or flood the server. It is opened without
 * blocking (a FIFO with no writer would wait forever), and only a regular file within the size
 * budget is read (`/dev/zero` never ends). A missing file gives `missing`.
 */
export function readWorkspaceFile(path: string, maxBytes = ANALYSIS_BUDGET.maxBytes): { text: string } | { missing: true } | { problem: string } {
  let descriptor: number;
  try {
    descriptor = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    return { problem: `cannot read ${path}: ${(error as Error).message}` };
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return { problem: `${path} is not a regular file: not read` };
    if (stats.size > maxBytes) return { problem: `${path} is ${Math.ceil(stats.size / 1024)} KB, more than the ${Math.ceil(maxBytes / 1024)} KB TWiR reads: not read` };
    return { text: readFileSync(descriptor, 'utf8') };
  } catch (error) {
    return { problem: `cannot read ${path}: ${(error as Error).message}` };
  } finally {
    closeSync(descriptor);
  }
}
