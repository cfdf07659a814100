/**
 * The thin client on the web (github.dev, vscode.dev): starts the web build of the language server
 * (`dist/browser/server.js`) in a web worker, and reads workspace files for it
 * (./workspace-files.ts). The rest is the desktop client's (./common.ts).
 */
import * as vscode from 'vscode';
import { LanguageClient, type ServerOptions } from 'vscode-languageclient/browser';
import { activateClient, clientOptions, stopClient, type ClientApi } from './common';
import { serveWorkspaceFiles } from './workspace-files';

/** The web worker's constructor (the project compiles without the DOM's types). */
declare const Worker: new (url: string) => Exclude<ServerOptions, () => unknown>;

/**
 * Markdown documents of the workspace's file systems: GitHub repositories (`vscode-vfs`), local
 * folders, a VS Code server's (`vscode-remote`, code-server), untitled ones.
 */
const SCHEMES = ['vscode-vfs', 'file', 'vscode-remote', 'untitled', 'vscode-test-web'];

export async function activate(context: vscode.ExtensionContext): Promise<ClientApi> {
  const script = (name: string) => workerScript(context.extensionUri, name);
  const outputChannel = vscode.window.createOutputChannel('TWiR Language Server', { log: true });
  // The server's file cache forgets what changes: the settings file, issues, the draft template.
  const watchers = ['**/.twir-lint.json', '**/*-this-week-in-rust.{md,markdown}', '**/DRAFT_TEMPLATE'].map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(outputChannel, ...watchers);
  const options = clientOptions(outputChannel, SCHEMES, watchers);
  // The server starts its analysis worker from this script (see server/src/browser/server.ts).
  options.initializationOptions = { analysisWorker: await script('analysis-worker.js') };
  const serverScript = await script('server.js');
  return activateClient(context, () => {
    const client = new LanguageClient('twir', 'TWiR Language Server', new Worker(serverScript), options);
    context.subscriptions.push(serveWorkspaceFiles(client));
    return client;
  });
}

export const deactivate = stopClient;

/**
 * A script of `dist/browser/` as a URL a worker starts from. VS Code's web extension host starts
 * workers from an extension's https URL (github.dev, vscode.dev), not from a `vscode-remote:` one
 * (an extension installed on code-server or another VS Code server): there the script is read
 * through the editor's file system and started from a blob.
 */
async function workerScript(extensionUri: vscode.Uri, name: string): Promise<string> {
  const uri = vscode.Uri.joinPath(extensionUri, 'dist', 'browser', name);
  if (uri.scheme !== 'vscode-remote') return uri.toString(true);
  return URL.createObjectURL(new Blob([await vscode.workspace.fs.readFile(uri)], { type: 'text/javascript' }));
}
