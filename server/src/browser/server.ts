/**
 * The language server on the web (`dist/browser/server.js`, a web worker the client starts):
 * ../lsp/main.ts over the worker's messages, with the analysis worker in a nested web worker (the
 * isolation of the Node server: a slow analysis is stopped, the worker replaced). What the analysis
 * needs from the workspace, the client reads for it (`ReadFilesRequest`).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { URI } from 'vscode-uri';
import { startServer, type Server } from '../lsp/main';
import { ReadFilesRequest, WorkerNotifications, type FileEntry } from '../lsp/protocol';
import type { AnalysisWorker } from '../lsp/worker-host';
import { ANALYSIS_BUDGET } from '../service/guard';
import { scope, startWorker } from './web-worker';
import { uriOfPath } from './workspace-files';
import { dirname } from './path';

const connection = createConnection(new BrowserMessageReader(scope as never), new BrowserMessageWriter(scope as never));

/** The analysis worker's script, as the client gives it (`initializationOptions.analysisWorker`). */
function createWorker(initializationOptions: unknown): AnalysisWorker {
  const url = (initializationOptions as { analysisWorker?: unknown } | undefined)?.analysisWorker;
  if (typeof url !== 'string') throw new Error('initializationOptions.analysisWorker: the URL of dist/browser/analysis-worker.js is missing');
  const worker = startWorker(url);
  return {
    postMessage: (message) => worker.postMessage(message),
    // A web worker has no exit event: one that fails says so with an error.
    on: (event, listener) => event !== 'exit' && worker.addEventListener(event, (message) => listener(event === 'message' ? message.data : new Error(message.message))),
    terminate: () => worker.terminate(),
  };
}

/** The path of a file URI, as the worker names files (../lsp/context.ts: a URI's path). */
const pathOf = (uri: string) => URI.parse(uri).path;

/** The URIs the worker's paths belong to: the workspace folders and the open documents. */
const rootsOf = (server: Server) => [...server.workspaceFolderUris, ...server.documents.all().map((document) => document.uri)];

/** Has the client read the files the worker asked for, then has everything analysed again with them. */
async function readFiles(paths: string[], server: Server): Promise<void> {
  const roots = rootsOf(server);
  const rootUris = roots.map((uri) => URI.parse(uri));
  let entries: FileEntry[] = [];
  try {
    entries = await connection.sendRequest<FileEntry[]>(ReadFilesRequest, { uris: paths.map((path) => uriOfPath(path, rootUris)), maxBytes: ANALYSIS_BUDGET.maxBytes });
  } catch (error) {
    server.showProblemsOnce([
      `the editor does not read workspace files for the web server (${(error as Error).message}): links/duplicate and completions do not know recent issues, .twir-lint.json is not read, and New Issue Draft has no template.`,
    ]);
  }
  const files = Object.fromEntries(paths.map((path, index) => [path, entries[index] ?? { type: 'missing' }]));
  server.worker.notify(WorkerNotifications.files, { files, roots });
  server.sendSettings();
  server.revalidateAll();
}

/** Changed files are read again when needed; so are the folders that list them (a file was added or deleted). */
function filesChanged(uris: string[], server: Server): void {
  const paths = uris.map(pathOf);
  const forget = Object.fromEntries([...paths, ...paths.map(dirname)].map((path) => [path, null]));
  server.worker.notify(WorkerNotifications.files, { files: forget, roots: rootsOf(server) });
  server.revalidateAll();
}

// The browser's fetch: a site whose CORS policy does not allow it refuses, and the title action says so.
const network = { fetch: (url: string, init: RequestInit) => fetch(url, init), githubApi: 'https://api.github.com', inBrowser: true };
startServer(connection, { createWorker, budgetMilliseconds: ANALYSIS_BUDGET.maxMilliseconds, readFiles, filesChanged, network });
