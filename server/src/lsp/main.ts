/**
 * The language server's main thread: it keeps the open documents and the settings, and maps each
 * LSP request to the analysis worker (../analysis-worker.ts), where the editor-agnostic service in
 * ../service runs. While the worker analyses, this thread still takes edits and cancellations, and
 * stops an analysis that passes the time budget (see worker-host.ts). The same in Node
 * (../server.ts) and in a browser (../browser/server.ts): the entries give the connection and the
 * worker.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import { fetchTitle, titledLink, type TitleNetwork } from '../service/titles';
import { authoringCapabilities, TitledLinkRequest, VisibleDocumentsNotification, WorkerNotifications, WorkerRequests, type Settings, type TitledLinkResult } from './protocol';
import { WorkerHost, type AnalysisWorker, type WorkerHostEvents } from './worker-host';

export interface ServerOptions {
  /** Starts an analysis worker (again after one is stopped), with the client's `initializationOptions`. */
  createWorker(initializationOptions: unknown): AnalysisWorker;
  budgetMilliseconds: number;
  /**
   * Where the worker cannot read files itself (a browser): has the client read the paths it
   * asked for, and sends them to the worker.
   */
  readFiles?(paths: string[], server: Server): Promise<void>;
  /** The network the title action fetches through (the only use of the network); without it, the action says so. */
  network?: TitleNetwork;
  /** The client saw these files change (`workspace/didChangeWatchedFiles`), before the settings are read again. */
  filesChanged?(uris: string[], server: Server): void;
}

/** What an entry may reach of the running server. */
export interface Server {
  readonly worker: WorkerHost;
  readonly documents: TextDocuments<TextDocument>;
  /** The workspace folders' URIs as the client gave them. */
  readonly workspaceFolderUris: readonly string[];
  /** Has the worker read the settings and `.twir-lint.json` again. */
  sendSettings(): void;
  revalidateAll(): void;
  showProblemsOnce(problems: readonly string[]): void;
}

export function startServer(connection: Connection, { createWorker, budgetMilliseconds, readFiles, filesChanged, network }: ServerOptions): Server {
  const documents = new TextDocuments(TextDocument);
  let workspaceFolderUris: string[] = [];
  /** How many times the worker asked for files, and the reads in turn. */
  let fileRequests = 0;
  let readingFiles = Promise.resolve();

  let canPullConfiguration = false;
  let settings: Settings = { twir: null, workspaceFolders: [] };
  /** The settings in effect, as the worker last read them. */
  let effectiveSettings: string | undefined;
  /** The version of each document whose analysis passed the time budget: not analysed until it changes. */
  const paused = new Map<string, number>();
  /** Documents the user was told are not analysed: told once until reopened. */
  const toldSkipped = new Set<string>();
  const reportedProblems = new Set<string>();

  function tellSkipped(uri: string, why: string): void {
    if (toldSkipped.has(uri)) return;
    toldSkipped.add(uri);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `TWiR: ${Utils.basename(URI.parse(uri))} ${why}` });
  }

  /** Said once per server, as a notification: a client that never answers a request cannot stall the server. */
  function showProblemsOnce(problems: readonly string[]): void {
    for (const problem of problems) {
      if (reportedProblems.has(problem)) continue;
      reportedProblems.add(problem);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `TWiR: ${problem}` });
    }
  }

  /** Started by `initialize`, which comes first. */
  let worker!: WorkerHost;
  const workerEvents: WorkerHostEvents = {
    tooSlow(subject, milliseconds) {
      if (subject.path) connection.console.warn(`${subject.path} took more than ${budgetMilliseconds / 1000} s to analyse: not compared with.`);
      if (!subject.uri || subject.version === undefined) return;
      paused.set(subject.uri, subject.version);
      void connection.sendDiagnostics({ uri: subject.uri, version: subject.version, diagnostics: [] });
      const seconds = (milliseconds / 1000).toFixed(1);
      tellSkipped(subject.uri, `took more than ${seconds} s to analyse (the budget is ${budgetMilliseconds / 1000} s), so TWiR analysis is paused until the file changes.`);
    },
    settingsRead(problems, effective) {
      showProblemsOnce(problems);
      // The first read precedes every analysis (the worker takes messages in order).
      const changed = effectiveSettings !== undefined && effective !== effectiveSettings;
      effectiveSettings = effective;
      if (changed) revalidateAll();
    },
    skipped: tellSkipped,
    log: (message) => connection.console.error(message),
    recentIssuesRead: () => revalidateAll(),
    openDocuments: () => documents.all().map((document) => ({ uri: document.uri, version: document.version, text: document.getText() })),
    filesWanted(paths) {
      if (!readFiles) return;
      fileRequests++;
      readingFiles = readingFiles.then(() => readFiles(paths, server));
    },
  };

  /** Has the worker read the settings and `.twir-lint.json` again. */
  function sendSettings(): void {
    worker.notify(WorkerNotifications.settings, settings);
  }

  async function pullSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    settings = { ...settings, twir: (await connection.workspace.getConfiguration('twir')) as Settings['twir'] };
  }

  /** Whether the document's current version passed the time budget. */
  function isPaused(uri: string): boolean {
    const document = documents.get(uri);
    return document !== undefined && paused.get(uri) === document.version;
  }

  /** Runs a request in the worker; a cancelled one is answered at once. */
  async function inWorker(method: string, params: unknown, uri: string | undefined, token: CancellationToken): Promise<unknown> {
    if (uri && isPaused(uri)) return null;
    const job = worker.request(method, params, { uri, version: uri ? documents.get(uri)?.version : undefined });
    const cancelled = token.onCancellationRequested(job.cancel);
    const result = await job.result;
    cancelled.dispose();
    return token.isCancellationRequested ? new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled') : result;
  }

  /** The document a request is about: its text document, or a command's first argument. */
  function uriOf(params: { textDocument?: { uri?: unknown }; arguments?: unknown[] }): string | undefined {
    const uri = params.textDocument?.uri ?? params.arguments?.[0];
    return typeof uri === 'string' ? uri : undefined;
  }

  connection.onNotification(VisibleDocumentsNotification, ({ uris }: { uris?: unknown }) => {
    if (Array.isArray(uris)) worker.setVisible(uris.filter((uri): uri is string => typeof uri === 'string'));
  });

  const WORKER_METHODS = ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/documentLink', 'textDocument/hover', 'textDocument/completion', 'textDocument/codeAction'];
  for (const method of WORKER_METHODS) connection.onRequest(method, (params: Parameters<typeof uriOf>[0], token) => inWorker(method, params, uriOf(params), token));

  /** A command that needed files the worker had to ask for runs again once they are read (a folder, then its files). */
  const MAX_FILE_ROUNDS = 4;
  connection.onRequest('workspace/executeCommand', async (params: Parameters<typeof uriOf>[0], token) => {
    for (let round = 1; ; round++) {
      const requests = fileRequests;
      const result = await inWorker('workspace/executeCommand', params, uriOf(params), token);
      if (requests === fileRequests || round === MAX_FILE_ROUNDS || token.isCancellationRequested) return result;
      await readingFiles;
    }
  });

  // The title of a page, on this thread: a fetch waits on the network, not on the analysis worker.
  connection.onRequest<TitledLinkResult, void>(TitledLinkRequest, async (params: { url?: unknown }, token: CancellationToken): Promise<TitledLinkResult> => {
    if (typeof params?.url !== 'string') return { error: 'no URL given' };
    if (!network) return { error: 'this server does not fetch titles' };
    const cancel = new AbortController();
    const listener = token.onCancellationRequested(() => cancel.abort());
    try {
      const result = await fetchTitle(params.url, network, cancel.signal);
      return 'title' in result ? { link: titledLink(result.title, params.url) } : result;
    } finally {
      listener.dispose();
    }
  });

  // Diagnostics: a newly opened document is analysed at once; edits wait for typing to pause this
  // long, so that a burst of changes is analysed once while a keystroke still shows its diagnostics
  // within ~100 ms. Only the latest version is published.
  const EDIT_DEBOUNCE_MS = 25;
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const isLatest = (uri: string, version: number) => documents.get(uri)?.version === version && !pending.has(uri);

  async function publish(uri: string, version: number): Promise<void> {
    if (!isLatest(uri, version)) return;
    const diagnostics = isPaused(uri) ? [] : await worker.request(WorkerRequests.diagnostics, { uri, version }, { uri, version }).result;
    if (diagnostics && isLatest(uri, version) && !isPaused(uri)) void connection.sendDiagnostics({ uri, version, diagnostics: diagnostics as Diagnostic[] });
  }

  function schedule(uri: string, version: number, delay: number): void {
    clearTimeout(pending.get(uri));
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        void publish(uri, version);
      }, delay),
    );
  }

  function revalidateAll(): void {
    for (const document of documents.all()) schedule(document.uri, document.version, 0);
  }

  const opened = new Set<string>();
  // An open fires onDidChangeContent too: the first analysis of a document is not debounced.
  documents.onDidChangeContent(({ document }) => {
    worker.notify(WorkerNotifications.setDocument, { uri: document.uri, version: document.version, text: document.getText() });
    const first = !opened.has(document.uri);
    opened.add(document.uri);
    schedule(document.uri, document.version, first ? 0 : EDIT_DEBOUNCE_MS);
  });
  documents.onDidClose(({ document }) => {
    const { uri } = document;
    clearTimeout(pending.get(uri));
    pending.delete(uri);
    opened.delete(uri);
    paused.delete(uri);
    toldSkipped.delete(uri);
    worker.notify(WorkerNotifications.closeDocument, { uri });
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onInitialize((params) => {
    canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    workspaceFolderUris = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    if (workspaceFolderUris.length === 0 && params.rootUri) workspaceFolderUris = [params.rootUri];
    settings = { twir: null, workspaceFolders: workspaceFolderUris.map((uri) => URI.parse(uri).fsPath) };
    worker = new WorkerHost(() => createWorker(params.initializationOptions), budgetMilliseconds, workerEvents);
    sendSettings();
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: 'TWiR' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, 'source.fixAll.twir'] },
        ...authoringCapabilities,
      },
      serverInfo: { name: 'twir-author' },
    };
  });

  connection.onInitialized(async () => {
    if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'twir' });
    await pullSettings();
    sendSettings();
  });

  connection.onDidChangeConfiguration(async () => {
    await pullSettings();
    sendSettings();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    filesChanged?.(changes.map((change) => change.uri), server);
    sendSettings();
  });

  documents.listen(connection);
  connection.listen();
  const server: Server = {
    get worker() {
      return worker;
    },
    documents,
    get workspaceFolderUris() {
      return workspaceFolderUris;
    },
    sendSettings,
    revalidateAll,
    showProblemsOnce,
  };
  return server;
}
