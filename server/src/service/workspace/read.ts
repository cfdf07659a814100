import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ANALYSIS_BUDGET } from '../guard';

/**
 * How the service reaches workspace files: here through Node's file system; the web build replaces
 * this module with ../../browser/workspace-files.ts (the same functions over the files the client
 * read with `vscode.workspace.fs`).
 */

/** Whether documents of this URI scheme have their files here (recent issues, the checkout's template). */
export function servesScheme(scheme: string): boolean {
  return scheme === 'file';
}

/** The file's `stat`, or undefined when there is none. */
export function statOf(path: string): { isFile(): boolean; isDirectory(): boolean; mtimeMs: number; size: number } | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The names in a folder; throws when it cannot be read. */
export function listDirectory(path: string): string[] {
  return readdirSync(path);
}

export function fileExists(path: string): boolean {
  return existsSync(path);
}

/** The URI of a file path. */
export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/**
 * Reads a regular file whole, or says why not. Anything else is refused unread: reading a FIFO
 * waits for a writer and a device such as `/dev/zero` never ends, so the file is opened without
 * blocking and checked through the opened descriptor (no window for a swap between check and read).
 * A missing file gives `missing`.
 */
export function readRegularFile(path: string, maxBytes: number): { bytes: Buffer; stats: Stats } | { missing: true } | { problem: string } {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return { problem: `Not a regular file (${kindOf(stats)}): not read.` };
    if (stats.size > maxBytes) return { problem: `The file is ${sizeOf(stats.size)}, more than the ${sizeOf(maxBytes)} TWiR reads: not read.` };
    return { bytes: readFileSync(descriptor), stats };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    return { problem: `Cannot read the file: ${(error as Error).message}` };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/**
 * A workspace file (`.twir-lint.json`, `DRAFT_TEMPLATE`, a recent issue) as UTF-8 text, within the
 * analysis budget's size: a file in the workspace must not hang or flood the server.
 */
export function readWorkspaceFile(path: string, maxBytes = ANALYSIS_BUDGET.maxBytes): { text: string } | { missing: true } | { problem: string } {
  const read = readRegularFile(path, maxBytes);
  if (!('bytes' in read)) return 'problem' in read ? { problem: `${path}: ${read.problem}` } : read;
  return { text: read.bytes.toString('utf8') };
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

function sizeOf(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
