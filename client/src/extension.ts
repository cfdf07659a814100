/**
 * The thin client: starts the TWiR language server for Markdown files and registers the restart
 * command. All TWiR logic lives in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('TWiR Language Server', { log: true });
  const clientOptions: LanguageClientOptions = {
    // The server decides which Markdown files are issues (globs and first line); others get nothing.
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: {
      configurationSection: 'twir',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.twir-lint.json'),
    },
    outputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Error,
  };
  client = new LanguageClient('twir', 'TWiR Language Server', serverOptions, clientOptions);
  context.subscriptions.push(
    outputChannel,
    vscode.commands.registerCommand('twir.restartServer', async () => {
      await client?.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
