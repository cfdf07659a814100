/**
 * The thin client: starts the TWiR language server for Markdown files and registers the restart
 * command. All TWiR logic lives in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, RevealOutputChannelOn, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
// The shape of a server command's answer, shared with the server (a type only: nothing is bundled).
import type { CommandResult } from '../../server/src/lsp/protocol';

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
    ...Object.entries(SERVER_COMMANDS).map(([command, serverCommand]) => vscode.commands.registerCommand(command, () => forwardToServer(serverCommand))),
  );
  await client.start();
}

/** The palette commands and the server commands they forward to (the server does the work). */
const SERVER_COMMANDS: Record<string, string> = {
  'twir.newDraft': 'twir.server.newDraft',
  'twir.sortEvents': 'twir.server.sortEvents',
  'twir.removeOutOfWindowEvents': 'twir.server.removeOutOfWindowEvents',
  'twir.checkPublishReadiness': 'twir.server.checkPublishReadiness',
};

/** Runs a server command on the active document and shows what it answers. */
async function forwardToServer(command: string): Promise<void> {
  if (!client) return;
  const uri = vscode.window.activeTextEditor?.document.uri.toString();
  const result = (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: uri ? [uri] : [] })) as CommandResult | null;
  if (!result) return;
  if (result.edit && result.confirm && (await vscode.window.showWarningMessage(`TWiR: ${result.confirm}`, { modal: true }, result.confirmAction ?? 'OK')) === undefined) return;
  if (result.edit && !(await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(result.edit)))) {
    void vscode.window.showErrorMessage('TWiR: the edit could not be applied.');
    return;
  }
  if (result.open) await vscode.window.showTextDocument(vscode.Uri.parse(result.open));
  if (result.report) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: result.report }));
  if (result.message) void vscode.window.showInformationMessage(`TWiR: ${result.message}`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
