import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ReadFilesRequest, type FileEntry } from '../../server/src/lsp/protocol';

/**
 * Reads workspace files for the web server, which has no file system of its own: with
 * `vscode.workspace.fs`, so that `vscode-vfs://` (github.dev, vscode.dev) and every other file
 * system of the editor works. Only what the server asks for (recent issues, `.twir-lint.json`,
 * `draft/DRAFT_TEMPLATE`), and no file over `maxBytes`.
 */
export function serveWorkspaceFiles(client: BaseLanguageClient): vscode.Disposable {
  return client.onRequest(ReadFilesRequest, ({ uris, maxBytes }: { uris: string[]; maxBytes: number }) => Promise.all(uris.map((uri) => readEntry(vscode.Uri.parse(uri), maxBytes))));
}

async function readEntry(uri: vscode.Uri, maxBytes: number): Promise<FileEntry> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { type: 'directory', mtime: stat.mtime, names: (await vscode.workspace.fs.readDirectory(uri)).map(([name]) => name) };
    const file = { type: 'file' as const, mtime: stat.mtime, size: stat.size };
    if (!(stat.type & vscode.FileType.File)) return { ...file, problem: 'Not a regular file: not read.' };
    if (stat.size > maxBytes) return file;
    // The text as it is, a byte order mark included (as the Node server reads it).
    return { ...file, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri)) };
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return { type: 'missing' };
    return { type: 'file', mtime: 0, size: 0, problem: `Cannot read the file: ${(error as Error).message}` };
  }
}
