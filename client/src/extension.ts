/**
 * The thin client: starts the TWiR language server once the first TWiR issue is opened (other
 * Markdown never starts it), forwards the palette commands to it, and shows the publish readiness
 * it computes. All TWiR logic lives in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, RevealOutputChannelOn, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DEFAULT_FILE_GLOBS, isIssueFile } from '../../server/src/service/files';
// The shape of a server command's answer, shared with the server (a type only: nothing is bundled).
import type { CommandResult } from '../../server/src/lsp/protocol';
import { ReadinessView } from './readiness';

let client: LanguageClient | undefined;
let starting: Promise<LanguageClient> | undefined;

/** Returns the readiness view as the extension's API: the extension tests read what it shows. */
export async function activate(context: vscode.ExtensionContext): Promise<{ readiness: ReadinessView }> {
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
  const startClient = () => {
    starting ??= (async () => {
      client = new LanguageClient('twir', 'TWiR Language Server', serverOptions, clientOptions);
      await client.start();
      return client;
    })();
    return starting;
  };
  // Only an issue starts the server: until then, nothing is ready to show.
  const readiness = new ReadinessView(async (uri) => (client ? (await forwardToServer(client, 'twir.server.checkPublishReadiness', uri))?.readiness : undefined));
  const startOnIssue = (document: vscode.TextDocument) => {
    if (!client && isIssue(document)) void startClient().then(() => readiness.refresh());
  };
  context.subscriptions.push(
    outputChannel,
    readiness,
    vscode.workspace.onDidOpenTextDocument(startOnIssue),
    // A file becomes an issue when its first line is written: `Title: This Week in Rust …`.
    vscode.workspace.onDidChangeTextDocument(({ document }) => startOnIssue(document)),
    vscode.commands.registerCommand('twir.restartServer', async () => {
      await (client ? client.restart() : startClient());
    }),
    vscode.commands.registerCommand('twir.checkPublishReadiness', () => readiness.reveal()),
    ...Object.entries(SERVER_COMMANDS).map(([command, serverCommand]) =>
      vscode.commands.registerCommand(command, async () => runServerCommand(await startClient(), serverCommand, vscode.window.activeTextEditor?.document.uri)),
    ),
  );
  vscode.workspace.textDocuments.forEach(startOnIssue);
  return { readiness };
}

/** Whether a document is a TWiR issue, as the server judges it (`twir.files` or its first line). */
function isIssue(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'markdown') return false;
  const globs = vscode.workspace.getConfiguration('twir').get<string[]>('files', DEFAULT_FILE_GLOBS);
  const path = document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.path;
  return isIssueFile(path, document.lineCount > 0 ? document.lineAt(0).text : '', globs);
}

/** The palette commands and the server commands they forward to (the server does the work). */
const SERVER_COMMANDS: Record<string, string> = {
  'twir.newDraft': 'twir.server.newDraft',
  'twir.sortEvents': 'twir.server.sortEvents',
  'twir.removeOutOfWindowEvents': 'twir.server.removeOutOfWindowEvents',
};

/** Sends a server command about a document (with what the person answered, if asked) and returns its answer. */
async function forwardToServer(client: LanguageClient, command: string, uri: vscode.Uri | undefined, answer?: string): Promise<CommandResult | null> {
  const args = [uri?.toString() ?? null, ...(answer === undefined ? [] : [answer])];
  return (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args })) as CommandResult | null;
}

/** Runs a palette command's server command on the active document and shows what it answers. */
async function runServerCommand(client: LanguageClient, command: string, uri: vscode.Uri | undefined): Promise<void> {
  let result = await forwardToServer(client, command, uri);
  if (result?.input) {
    const answer = await vscode.window.showInputBox({ title: 'TWiR', prompt: result.input.prompt, value: result.input.value });
    if (answer === undefined) return;
    result = await forwardToServer(client, command, uri, answer.trim());
  }
  if (!result) return;
  if (result.edit && result.confirm && (await vscode.window.showWarningMessage(`TWiR: ${result.confirm}`, { modal: true }, result.confirmAction ?? 'OK')) === undefined) return;
  if (result.edit && !(await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(result.edit)))) {
    void vscode.window.showErrorMessage('TWiR: the edit could not be applied.');
    return;
  }
  if (result.open) {
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(result.open));
    if (result.save) await editor.document.save();
  }
  if (result.message) void vscode.window.showInformationMessage(`TWiR: ${result.message}`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
  starting = undefined;
}
