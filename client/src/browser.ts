/**
 * The thin client on the web (github.dev, vscode.dev): starts the web build of the language server
 * (`dist/browser/server.js`) in a web worker, and reads workspace files for it
 * (./workspace-files.ts). The rest is the desktop client's (./common.ts).
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { clientOptions, startClient, stopClient } from './common';
import { serveWorkspaceFiles } from './workspace-files';

/** The web worker's constructor (the project compiles without the DOM's types). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[2];

/** Markdown documents of the workspace's file systems: GitHub repositories (`vscode-vfs`), local folders, untitled ones. */
const SCHEMES = ['vscode-vfs', 'file', 'untitled', 'vscode-test-web'];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const script = (name: string) => vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', name).toString(true);
  const outputChannel = vscode.window.createOutputChannel('TWiR Language Server', { log: true });
  // The server's file cache forgets what changes: the settings file, issues, the draft template.
  const watchers = ['**/.twir-lint.json', '**/*-this-week-in-rust.{md,markdown}', '**/DRAFT_TEMPLATE'].map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(outputChannel, ...watchers);
  const options = clientOptions(outputChannel, SCHEMES, watchers);
  // The server starts its analysis worker from this script (see server/src/browser/server.ts).
  options.initializationOptions = { analysisWorker: script('analysis-worker.js') };
  const client = new LanguageClient('twir', 'TWiR Language Server', options, new Worker(script('server.js')));
  context.subscriptions.push(serveWorkspaceFiles(client));
  await startClient(context, client);
}

export const deactivate = stopClient;
