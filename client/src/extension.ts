/**
 * The thin client in VS Code desktop: the TWiR language server in Node (IPC); what the web client
 * (./browser.ts) does too is in ./common.ts.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateClient, clientOptions, stopClient, type ClientApi } from './common';

export function activate(context: vscode.ExtensionContext): ClientApi {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('TWiR Language Server', { log: true });
  const watcher = vscode.workspace.createFileSystemWatcher('**/.twir-lint.json');
  context.subscriptions.push(outputChannel, watcher);
  // The Node server reads the disk itself: local files and untitled documents.
  return activateClient(context, () => new LanguageClient('twir', 'TWiR Language Server', serverOptions, clientOptions(outputChannel, ['file', 'untitled'], [watcher])));
}

export const deactivate = stopClient;
