/**
 * The client's part that is the same in VS Code desktop (./extension.ts, Node) and on the web
 * (./browser.ts, github.dev and vscode.dev): it starts the language server once the first TWiR issue
 * is opened (other Markdown never starts it), forwards the palette commands to it, offers the paste
 * of events, and shows the publish readiness it computes. All TWiR logic lives in the server.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, RevealOutputChannelOn, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import { DEFAULT_FILE_GLOBS, isIssueFile } from '../../server/src/service/files';
// The shape of a server command's answer, shared with the server (a type only: nothing is bundled).
import { VisibleDocumentsNotification, type CommandResult } from '../../server/src/lsp/protocol';
import { ReadinessView } from './readiness';

let client: BaseLanguageClient | undefined;
let starting: Promise<BaseLanguageClient> | undefined;
/** Where reports that go with an edit (a merge) are shown. */
let reports: vscode.OutputChannel | undefined;

/** The client's options, for Markdown documents of these URI schemes. */
export function clientOptions(outputChannel: vscode.LogOutputChannel, schemes: readonly string[], watched: readonly vscode.FileSystemWatcher[]): LanguageClientOptions {
  return {
    // The server decides which Markdown files are issues (globs and first line); others get nothing.
    documentSelector: schemes.map((scheme) => ({ scheme, language: 'markdown' })),
    synchronize: {
      configurationSection: 'twir',
      fileEvents: [...watched],
    },
    outputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Error,
  };
}

/**
 * Registers the commands, the paste of events and the readiness view; `create` makes the client when
 * the first issue is opened. Returns the readiness view as the extension's API (the extension tests
 * read what it shows).
 */
export function activateClient(context: vscode.ExtensionContext, create: () => BaseLanguageClient): { readiness: ReadinessView } {
  const startClient = () => {
    starting ??= (async () => {
      client = create();
      await client.start();
      sendVisibleDocuments();
      return client;
    })();
    return starting;
  };
  // Only an issue starts the server: until then, nothing is ready to show.
  const readiness = new ReadinessView(async (uri) => (client ? (await forwardToServer(client, 'twir.server.checkPublishReadiness', uri))?.readiness : undefined));
  reports = vscode.window.createOutputChannel('TWiR');
  const startOnIssue = (document: vscode.TextDocument) => {
    if (!client && isIssue(document)) void startClient().then(() => readiness.refresh());
  };
  context.subscriptions.push(
    reports,
    readiness,
    vscode.workspace.onDidOpenTextDocument(startOnIssue),
    vscode.window.onDidChangeVisibleTextEditors(sendVisibleDocuments),
    // A file becomes an issue when its first line is written: `Title: This Week in Rust …`.
    vscode.workspace.onDidChangeTextDocument(({ document }) => startOnIssue(document)),
    vscode.commands.registerCommand('twir.restartServer', async () => {
      if (!client) return void (await startClient());
      await client.stop();
      await client.start();
    }),
    vscode.commands.registerCommand('twir.checkPublishReadiness', () => readiness.reveal()),
    // Arguments for scripts and keybindings: the batch file, and `{ confirm: false }` to merge without asking.
    vscode.commands.registerCommand('twir.mergeEvents', async (source?: vscode.Uri, options?: { confirm?: boolean }) => {
      const batch = await readBatch(source);
      const uri = vscode.window.activeTextEditor?.document.uri;
      if (batch) await runServerCommand(await startClient(), 'twir.server.mergeEvents', uri, [batch.text, batch.name], options?.confirm !== false);
    }),
    vscode.languages.registerDocumentPasteEditProvider({ language: 'markdown' }, { provideDocumentPasteEdits: pasteEvents }, { providedPasteEditKinds: [PASTE_EVENTS], pasteMimeTypes: ['text/plain'] }),
    ...Object.entries(SERVER_COMMANDS).map(([command, serverCommand]) =>
      vscode.commands.registerCommand(command, async () => runServerCommand(await startClient(), serverCommand, vscode.window.activeTextEditor?.document.uri)),
    ),
  );
  vscode.workspace.textDocuments.forEach(startOnIssue);
  return { readiness };
}

/** Tells the server which documents the editor shows: it analyses them before the others. */
function sendVisibleDocuments(): void {
  const uris = vscode.window.visibleTextEditors.map((editor) => editor.document.uri.toString());
  void client?.sendNotification(VisibleDocumentsNotification, { uris });
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

const PASTE_EVENTS = vscode.DocumentDropOrPasteEditKind.Text.append('twir', 'events');

/**
 * Event lines pasted into Upcoming Events: besides plain text, the paste widget offers to merge them
 * into their regions (the server decides whether the place and the text are events).
 */
async function pasteEvents(document: vscode.TextDocument, ranges: readonly vscode.Range[], data: vscode.DataTransfer, _context: vscode.DocumentPasteEditContext, token: vscode.CancellationToken): Promise<vscode.DocumentPasteEdit[] | undefined> {
  const text = await data.get('text/plain')?.asString();
  if (!client || !text || ranges.length !== 1 || !ranges[0].isEmpty) return undefined;
  const position = client.code2ProtocolConverter.asPosition(ranges[0].start);
  const result = await forwardToServer(client, 'twir.server.pasteEvents', document.uri, [text, position]);
  if (!result?.edit || token.isCancellationRequested) return undefined;
  const edit = new vscode.DocumentPasteEdit('', 'Merge into Upcoming Events, each in its region', PASTE_EVENTS);
  edit.additionalEdit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
  edit.yieldTo = [vscode.DocumentDropOrPasteEditKind.Text];
  return [edit];
}

/**
 * The events to merge: from the file given (a test, another command) or picked, or the clipboard.
 * Read here, through the editor's file system, so that the server needs no access to it.
 */
async function readBatch(source: vscode.Uri | undefined): Promise<{ text: string; name: string } | undefined> {
  let file = source;
  if (!file) {
    const fromFile = 'From a file…';
    const picked = await vscode.window.showQuickPick([{ label: 'From the clipboard', description: 'event lines or the events team\'s JSON' }, { label: fromFile, description: '.json, .md, .txt' }], { title: 'TWiR: Merge Events' });
    if (!picked) return undefined;
    if (picked.label !== fromFile) return { text: await vscode.env.clipboard.readText(), name: 'the clipboard' };
    [file] = (await vscode.window.showOpenDialog({ title: 'Events to merge', filters: { Events: ['json', 'md', 'markdown', 'txt'] } })) ?? [];
    if (!file) return undefined;
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(file)), name: file.path.slice(file.path.lastIndexOf('/') + 1) };
  } catch (error) {
    void vscode.window.showErrorMessage(`TWiR: cannot read ${file.fsPath}: ${error instanceof TypeError ? 'it is not UTF-8 text' : (error as Error).message}.`);
    return undefined;
  }
}

/** Sends a server command about a document (with more arguments: what the person answered, a batch) and returns its answer. */
async function forwardToServer(client: BaseLanguageClient, command: string, uri: vscode.Uri | undefined, extra: unknown[] = []): Promise<CommandResult | null> {
  return (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [uri?.toString() ?? null, ...extra] })) as CommandResult | null;
}

const REVIEW = 'Review Changes…';

/** Runs a palette command's server command on the active document and shows what it answers. */
async function runServerCommand(client: BaseLanguageClient, command: string, uri: vscode.Uri | undefined, extra: unknown[] = [], confirm = true): Promise<void> {
  let result = await forwardToServer(client, command, uri, extra);
  if (result?.input) {
    const answer = await vscode.window.showInputBox({ title: 'TWiR', prompt: result.input.prompt, value: result.input.value });
    if (answer === undefined) return;
    result = await forwardToServer(client, command, uri, [answer.trim()]);
  }
  if (!result) return;
  if (result.error) {
    void vscode.window.showErrorMessage(`TWiR: ${result.error}`);
    return;
  }
  if (result.log) {
    reports?.replace(result.log);
    reports?.show(true);
  }
  let edit = result.edit;
  if (edit && result.confirm && confirm) {
    const actions = [result.confirmAction ?? 'OK', ...(result.review ? [REVIEW] : [])];
    const choice = await vscode.window.showWarningMessage(`TWiR: ${result.confirm}`, { modal: true, detail: result.detail }, ...actions);
    if (choice === undefined) return;
    // Changes annotated for review open VS Code's refactor preview, where the person checks what to apply.
    if (choice === REVIEW) edit = result.review;
  }
  // Discarding the refactor preview is no failure.
  if (edit && !(await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit)))) {
    void vscode.window.showInformationMessage('TWiR: nothing was changed (the edit was discarded, or the document changed meanwhile).');
    return;
  }
  if (result.open) {
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(result.open));
    if (result.save) await editor.document.save();
  }
  if (result.message) void vscode.window.showInformationMessage(`TWiR: ${result.message}`);
}

export async function stopClient(): Promise<void> {
  await client?.stop();
  client = undefined;
  starting = undefined;
}
