/**
 * The workspace files of the web build, in place of ../service/workspace/read.ts: the analysis
 * worker cannot read files, so it answers from the files the client read for it (with
 * `vscode.workspace.fs`, which reaches `vscode-vfs://` and every other file system of the editor).
 * A file not read yet counts as missing for now and is noted as wanted; the server's main thread
 * has the client read what is wanted, sends it here (`WorkerNotifications.files`) and asks again.
 */
import { URI } from 'vscode-uri';
import type { FileEntry } from '../lsp/protocol';
import { ANALYSIS_BUDGET } from '../service/guard';

const entries = new Map<string, FileEntry>();
/** Counts each `putFiles`: a folder read again gets a new modification time, so its listing is read again. */
let generation = 0;
const wanted = new Set<string>();
/** URIs of the workspace folders and open documents: where a path's scheme and authority come from. */
let roots: URI[] = [];

/** Takes what the client read (null: forget the path, it changed) and the URIs the paths belong to. */
export function putFiles(files: Record<string, FileEntry | null>, rootUris: string[]): void {
  roots = rootUris.map((uri) => URI.parse(uri));
  generation++;
  for (const [path, entry] of Object.entries(files)) {
    if (!entry) entries.delete(path);
    else entries.set(path, entry.type === 'directory' ? { ...entry, mtime: generation } : entry);
  }
}

/** The paths asked for since the last call that were not read yet. */
export function takeWanted(): string[] {
  const paths = [...wanted];
  wanted.clear();
  return paths;
}

function entryOf(path: string): FileEntry | undefined {
  const entry = entries.get(path);
  if (!entry) wanted.add(path);
  return entry;
}

/** The URI of a path: the scheme and authority of the root that shares the longest part of it. */
export function uriOfPath(path: string, rootUris: readonly URI[] = roots): string {
  const shared = (root: URI) => {
    let length = 0;
    while (length < path.length && path[length] === root.path[length]) length++;
    return length;
  };
  const root = [...rootUris].sort((a, b) => shared(b) - shared(a))[0];
  return (root ?? URI.file('/')).with({ path, query: null, fragment: null }).toString();
}

export function servesScheme(scheme: string): boolean {
  return scheme !== 'untitled';
}

export function statOf(path: string): { isFile(): boolean; isDirectory(): boolean; mtimeMs: number; size: number } | undefined {
  const entry = entryOf(path);
  if (!entry || entry.type === 'missing') return undefined;
  return { isFile: () => entry.type === 'file', isDirectory: () => entry.type === 'directory', mtimeMs: entry.mtime, size: entry.type === 'file' ? entry.size : 0 };
}

export function listDirectory(path: string): string[] {
  const entry = entryOf(path);
  if (entry?.type !== 'directory') throw new Error(`${path} is not a folder that was read`);
  return entry.names;
}

export function fileExists(path: string): boolean {
  const entry = entryOf(path);
  return entry !== undefined && entry.type !== 'missing';
}

export function fileUri(path: string): string {
  return uriOfPath(path);
}

export function readWorkspaceFile(path: string, maxBytes = ANALYSIS_BUDGET.maxBytes): { text: string } | { missing: true } | { problem: string } {
  const entry = entryOf(path);
  if (!entry || entry.type === 'missing') return { missing: true };
  if (entry.type === 'directory') return { problem: `${path}: Not a regular file (a folder): not read.` };
  if (entry.problem) return { problem: `${path}: ${entry.problem}` };
  if (entry.size > maxBytes || entry.text === undefined) return { problem: `${path}: The file is ${Math.ceil(entry.size / 1024)} KB, more than the ${Math.ceil(maxBytes / 1024)} KB TWiR reads: not read.` };
  return { text: entry.text };
}
