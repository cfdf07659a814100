/**
 * The client's part that is the same in VS Code desktop (./extension.ts, Node) and on the web
 * (./browser.ts, github.dev and vscode.dev): it starts the language server once the first TWiR issue
 * is opened (other Markdown never starts it), forwards the palette commands to it, offers the paste
 * of events, and shows the publish readiness it computes. All TWiR logic lives in the server.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, RevealOutputChannelOn, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import { DEFAULT_FILE_GLOBS, isIssueFile } from '../../server/src/service/files';
// A module of one function: the client bundles no rules.
import { ruleDocPath } from '../../server/src/service/rules/doc-path';
// The shape of a server command's answer, shared with the server (a type only: nothing is bundled).
import { VisibleDocumentsNotification, type CommandResult } from '../../server/src/lsp/protocol';
import { ReadinessView } from './readiness';
import { REVIEW_VIEW, ReviewView } from './review';
import { registerTitles, titleActionsMiddleware } from './titles';

let client: BaseLanguageClient | undefined;
let starting: Promise<BaseLanguageClient> | undefined;
/** Where reports that go with an edit (a merge) are shown. */
let reports: vscode.OutputChannel | undefined;
/** The reports shown there, in order (the extension's API: the extension tests read them). */
const reportsShown: string[] = [];

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
    middleware: {
      ...titleActionsMiddleware,
      // The server sends each finding's rule as its code, without a URL: the code opens the rule's
      // documentation, which the extension ships, in the editor.
      handleDiagnostics(uri, diagnostics, next) {
        for (const diagnostic of diagnostics) {
          if (diagnostic.source === 'twir' && typeof diagnostic.code === 'string') diagnostic.code = { value: diagnostic.code, target: ruleDocCommand(diagnostic.code) };
        }
        next(uri, diagnostics);
      },
    },
  };
}

/** A `command:` URI that opens a rule's documentation (twir.showRuleDoc). */
function ruleDocCommand(rule: string): vscode.Uri {
  return vscode.Uri.parse(`command:twir.showRuleDoc?${encodeURIComponent(JSON.stringify([rule]))}`);
}

/** The extension's API: its views and what the extension tests read. */
export interface ClientApi {
  readonly readiness: ReadinessView;
  readonly review: ReviewView;
  /** The reports shown in the TWiR output, in order. */
  readonly reportsShown: readonly string[];
  /** VS Code on the web pastes as plain text when a command (not a key) pastes, so the extension tests call it as a paste would. */
  readonly pasteEditProvider: vscode.DocumentPasteEditProvider;
}

/**
 * Registers the commands, the paste of events and the views (readiness, this week against last);
 * `create` makes the client when the first issue is opened.
 */
export function activateClient(context: vscode.ExtensionContext, create: () => BaseLanguageClient): ClientApi {
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
  const review = new ReviewView(async (uri) => (client ? ((await forwardToServer(client, 'twir.server.reviewWeek', uri)) ?? undefined) : undefined));
  reports = vscode.window.createOutputChannel('TWiR');
  const startOnIssue = (document: vscode.TextDocument) => {
    if (!client && isIssue(document)) void startClient().then(() => Promise.all([readiness.refresh(), review.refresh()]));
  };
  context.subscriptions.push(
    reports,
    readiness,
    review,
    vscode.workspace.onDidOpenTextDocument(startOnIssue),
    vscode.window.onDidChangeVisibleTextEditors(sendVisibleDocuments),
    // A file becomes an issue when its first line is written: `Title: This Week in Rust …`.
    vscode.workspace.onDidChangeTextDocument(({ document }) => {
      startOnIssue(document);
      reportAppliedPaste(document);
    }),
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, { provideTextDocumentContent: (uri) => (preview?.uri.toString() === uri.toString() ? preview.text : undefined) }),
    vscode.commands.registerCommand('twir.applyPreview', applyPreview),
    vscode.commands.registerCommand('twir.discardPreview', closePreview),
    vscode.commands.registerCommand('twir.restartServer', async () => {
      if (!client) return void (await startClient());
      await client.stop();
      await client.start();
    }),
    vscode.commands.registerCommand('twir.checkPublishReadiness', () => readiness.reveal()),
    // `{ confirm: false }` for scripts and keybindings: resolve without asking.
    vscode.commands.registerCommand('twir.resolveConflicts', async (options?: { confirm?: boolean }) =>
      runServerCommand(await startClient(), 'twir.server.resolveConflicts', vscode.window.activeTextEditor?.document.uri, [], options?.confirm === false ? 'no' : 'yes'),
    ),
    vscode.commands.registerCommand('twir.reviewWeek', () => vscode.commands.executeCommand(`${REVIEW_VIEW}.focus`)),
    // The rule's documentation as docs/rules/<id>.md in the extension (ruleDocPath), in a Markdown preview.
    vscode.commands.registerCommand('twir.showRuleDoc', async (rule: unknown) => {
      if (typeof rule !== 'string' || !/^[a-z]+\/[a-z-]+$/.test(rule)) return;
      await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(context.extensionUri, ruleDocPath(rule)));
    }),
    // Arguments for scripts and keybindings: the batch file, and `{ confirm: false }` to merge without asking or `{ preview: true }` to show the preview at once.
    vscode.commands.registerCommand('twir.mergeEvents', async (source?: vscode.Uri, options?: { confirm?: boolean; preview?: boolean }) => {
      const batch = await readBatch(source);
      const uri = vscode.window.activeTextEditor?.document.uri;
      const ask = options?.preview ? 'preview' : options?.confirm === false ? 'no' : 'yes';
      if (batch) await runServerCommand(await startClient(), 'twir.server.mergeEvents', uri, [batch.text, batch.name], ask);
    }),
    vscode.languages.registerDocumentPasteEditProvider({ language: 'markdown' }, pasteEditProvider, { providedPasteEditKinds: [PASTE_EVENTS], pasteMimeTypes: ['text/plain'] }),
    ...registerTitles(() => client),
    ...Object.entries(SERVER_COMMANDS).map(([command, serverCommand]) =>
      vscode.commands.registerCommand(command, async () => runServerCommand(await startClient(), serverCommand, vscode.window.activeTextEditor?.document.uri)),
    ),
  );
  vscode.workspace.textDocuments.forEach(startOnIssue);
  return { readiness, review, reportsShown, pasteEditProvider };
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
  'twir.preparePublishing': 'twir.server.preparePublishing',
};

const PASTE_EVENTS = vscode.DocumentDropOrPasteEditKind.Text.append('twir', 'events');

/**
 * Event lines pasted into Upcoming Events: besides plain text, the paste widget offers to merge them
 * into their regions (the server decides whether the place and the text are events). Once the
 * merge is applied, its report is shown as the Merge Events command shows it.
 */
async function pasteEvents(document: vscode.TextDocument, ranges: readonly vscode.Range[], data: vscode.DataTransfer, _context: vscode.DocumentPasteEditContext, token: vscode.CancellationToken): Promise<vscode.DocumentPasteEdit[] | undefined> {
  pendingPaste = undefined;
  const text = await data.get('text/plain')?.asString();
  if (!client || !text || ranges.length !== 1 || !ranges[0].isEmpty) return undefined;
  const position = client.code2ProtocolConverter.asPosition(ranges[0].start);
  const result = await forwardToServer(client, 'twir.server.pasteEvents', document.uri, [text, position]);
  if (!result?.edit || token.isCancellationRequested) return undefined;
  const edit = new vscode.DocumentPasteEdit('', result.title ?? 'Merge into Upcoming Events, each in its region', PASTE_EVENTS);
  edit.additionalEdit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
  edit.yieldTo = [vscode.DocumentDropOrPasteEditKind.Text];
  pendingPaste = { uri: document.uri.toString(), merged: textAfter(document, edit.additionalEdit.get(document.uri)), result };
  return [edit];
}

const pasteEditProvider: vscode.DocumentPasteEditProvider = { provideDocumentPasteEdits: pasteEvents };

/** The merge offered by the last paste, until the document reads as it would after it. */
let pendingPaste: { uri: string; merged: string; result: CommandResult } | undefined;

/** A paste edit says nothing when it is applied: the document reading as the merge would is the sign. */
function reportAppliedPaste(document: vscode.TextDocument): void {
  if (!pendingPaste || pendingPaste.uri !== document.uri.toString() || document.getText() !== pendingPaste.merged) return;
  const { result } = pendingPaste;
  pendingPaste = undefined;
  showReport(result);
  if (result.message) void vscode.window.showInformationMessage(`TWiR: ${result.message}`);
}

/** The text of a document once edits of it are applied. */
function textAfter(document: vscode.TextDocument, edits: readonly vscode.TextEdit[]): string {
  let text = document.getText();
  const byOffset = edits.map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), newText: edit.newText }));
  for (const edit of byOffset.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  return text;
}

function showReport(result: CommandResult): void {
  if (!result.log) return;
  reports?.replace(result.log);
  reports?.show(true);
  reportsShown.push(result.log);
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

const PREVIEW = 'Preview…';
const APPLY = 'Apply';
const DISCARD = 'Discard';

/** Runs a palette command's server command on the active document and shows what it answers. `ask`: whether an edit that asks first does, or shows its preview at once. */
async function runServerCommand(client: BaseLanguageClient, command: string, uri: vscode.Uri | undefined, extra: unknown[] = [], ask: 'yes' | 'no' | 'preview' = 'yes'): Promise<void> {
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
  showReport(result);
  if (result.edit && result.confirm && ask !== 'no') {
    let choice: string | undefined = PREVIEW;
    if (ask === 'yes') {
      const actions = [result.confirmAction ?? 'OK', ...(result.preview ? [PREVIEW] : [])];
      choice = await vscode.window.showWarningMessage(`TWiR: ${result.confirm}`, { modal: true, detail: result.detail }, ...actions);
      if (choice === undefined) return;
    }
    if (choice === PREVIEW && result.preview && uri) return openPreview(await vscode.workspace.openTextDocument(uri), await client.protocol2CodeConverter.asWorkspaceEdit(result.edit), result.preview, result.message);
  }
  if (result.edit && !(await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(result.edit)))) {
    void vscode.window.showInformationMessage('TWiR: nothing was changed (the document changed meanwhile).');
    return;
  }
  if (result.open) {
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(result.open));
    if (result.save) await editor.document.save();
  }
  if (result.message) void vscode.window.showInformationMessage(`TWiR: ${result.message}`);
}

const PREVIEW_SCHEME = 'twir-preview';

/**
 * An edit shown before it is applied: the document and the result side by side, read-only, with
 * Apply and Discard in the editor's title bar and in a notification. Apply applies the whole edit
 * (VS Code's refactor preview would start every change marked for confirmation unticked).
 */
let preview: { uri: vscode.Uri; document: vscode.TextDocument; version: number; edit: vscode.WorkspaceEdit; text: string; message?: string } | undefined;
let previews = 0;

async function openPreview(document: vscode.TextDocument, edit: vscode.WorkspaceEdit, title: string, message: string | undefined): Promise<void> {
  await closePreview();
  const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: document.uri.path, query: `${++previews}` });
  preview = { uri, document, version: document.version, edit, text: textAfter(document, edit.get(document.uri)), message };
  await vscode.commands.executeCommand('setContext', 'twir.previewOpen', true);
  await vscode.commands.executeCommand('vscode.diff', document.uri, uri, `${title} (preview)`);
  void vscode.window.showInformationMessage(`TWiR: ${title}. Apply it as the preview shows?`, APPLY, DISCARD).then((choice) => {
    // The notification outlives the preview: it acts only on the preview it was shown for.
    if (preview?.uri !== uri) return;
    if (choice === APPLY) void applyPreview();
    else if (choice === DISCARD) void closePreview();
  });
}

async function applyPreview(): Promise<void> {
  const shown = preview;
  if (!shown) return void vscode.window.showInformationMessage('TWiR: no preview is open.');
  await closePreview();
  if (shown.document.version !== shown.version || !(await vscode.workspace.applyEdit(shown.edit))) {
    void vscode.window.showWarningMessage('TWiR: nothing was changed: the document changed since the preview. Run the command again.');
    return;
  }
  if (shown.message) void vscode.window.showInformationMessage(`TWiR: ${shown.message}`);
}

async function closePreview(): Promise<void> {
  const shown = preview;
  preview = undefined;
  await vscode.commands.executeCommand('setContext', 'twir.previewOpen', false);
  if (!shown) return;
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === shown.uri.toString());
  await vscode.window.tabGroups.close(tabs);
}

export async function stopClient(): Promise<void> {
  await client?.stop();
  client = undefined;
  starting = undefined;
}
