/**
 * The web build of the language server (`dist/browser/server.js`) in a real browser: headless
 * chromium starts it as a web worker (and it starts its analysis worker inside), and the test speaks
 * LSP to it with vscode-jsonrpc, as the web client does. The test plays the client's part in reading
 * files (`twir/readFiles`, which the extension answers with `vscode.workspace.fs`): from a TWiR
 * repository of fixture files under a `vscode-vfs://` URI, as github.dev opens one. Needs
 * `npm run build` and Debian's chromium (which `npm test` provisions for the e2e tests).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbstractMessageReader, AbstractMessageWriter, createMessageConnection, type DataCallback, type Message, type MessageConnection } from 'vscode-jsonrpc';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { FileEntry } from '../../server/src/lsp/protocol';
import { pathologicalParagraph } from '../robustness/hostile';
import { FIXTURES } from './server-process';

const CHROMIUM = '/usr/bin/chromium';
const DIST = resolve(__dirname, '../../dist/browser');
const ROOT = 'vscode-vfs://github/rust-lang/this-week-in-rust';
const OLDER = '2023-06-14-this-week-in-rust.md';
const DRAFT = '2024-01-24-this-week-in-rust.md';
/** A community link of the 2023-06-14 issue, written again in the draft. */
const REUSED = '* [Fyrox Game Engine 0.30](https://fyrox.rs/blog/post/fyrox-game-engine-0-30/)';

const draftText = readFileSync(join(FIXTURES, 'seeds', DRAFT), 'utf8').replace('### Official\n', `### Official\n${REUSED}\n`);
const draftUri = `${ROOT}/draft/${DRAFT}`;

/** The repository as the editor's file system has it: path under ROOT → text. */
const repository: Record<string, string> = {
  [`draft/${DRAFT}`]: draftText,
  [`content/${OLDER}`]: readFileSync(join(FIXTURES, 'published', OLDER), 'utf8'),
  'draft/DRAFT_TEMPLATE': readFileSync(join(FIXTURES, 'draft', 'DRAFT_TEMPLATE'), 'utf8'),
  '.twir-lint.json': JSON.stringify({ rules: { 'links/duplicate': 'error' } }),
};

/** What the extension's client answers (client/src/workspace-files.ts), from `repository`. */
function readEntry(uri: string, maxBytes: number): FileEntry {
  const path = uri.startsWith(`${ROOT}/`) ? uri.slice(ROOT.length + 1) : undefined;
  if (path === undefined) return { type: 'missing' };
  const text = repository[path];
  if (text !== undefined) return { type: 'file', mtime: 1, size: text.length, ...(text.length <= maxBytes ? { text } : {}) };
  const names = Object.keys(repository)
    .filter((file) => file.startsWith(`${path}/`))
    .map((file) => file.slice(path.length + 1).split('/')[0]);
  return names.length > 0 ? { type: 'directory', mtime: 1, names: [...new Set(names)] } : { type: 'missing' };
}

/** Serves dist/browser/ and an empty page on 127.0.0.1. */
function serveDist(): Promise<HttpServer> {
  const server = createServer((request, response) => {
    const name = request.url === '/' ? undefined : request.url?.slice(1);
    if (name && /^[\w-]+\.js$/.test(name)) {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(DIST, name)));
    } else {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>twir web server</title>');
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/** LSP messages between the page's worker and this process. */
class PageReader extends AbstractMessageReader {
  callback?: DataCallback;
  listen(callback: DataCallback) {
    this.callback = callback;
    return { dispose: () => (this.callback = undefined) };
  }
}

class PageWriter extends AbstractMessageWriter {
  constructor(private readonly page: Page) {
    super();
  }
  async write(message: Message): Promise<void> {
    await this.page.evaluate((data) => (globalThis as unknown as { twirServer: { postMessage(data: unknown): void } }).twirServer.postMessage(data), message);
  }
  end(): void {}
}

interface Session {
  connection: MessageConnection;
  messages: string[];
  fileRequests: string[][];
  /** Resolves with the first diagnostics published for the URI (and version, when given) that pass the test. */
  diagnostics(uri: string, test?: (diagnostics: Diagnostic[]) => boolean, version?: number): Promise<Diagnostic[]>;
  close(): Promise<void>;
}

async function startSession(browser: Browser, origin: string, { readsFiles }: { readsFiles: boolean }): Promise<Session> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(error));
  await page.goto(origin);
  const reader = new PageReader();
  await page.exposeFunction('twirToTest', (message: Message) => reader.callback?.(message));
  await page.evaluate(() => {
    const scope = globalThis as unknown as { twirServer: unknown; twirToTest(message: unknown): void; Worker: new (url: string) => { onmessage: (event: { data: unknown }) => void } };
    const worker = new scope.Worker('/server.js');
    worker.onmessage = (event) => scope.twirToTest(event.data);
    scope.twirServer = worker;
  });
  const connection = createMessageConnection(reader, new PageWriter(page));
  const close = async () => {
    connection.dispose();
    await page.close();
  };
  const session: Session = { connection, messages: [], fileRequests: [], diagnostics: () => Promise.reject(new Error('not listening')), close };
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; version?: number; test: (diagnostics: Diagnostic[]) => boolean; resolve: (diagnostics: Diagnostic[]) => void }[] = [];
  const settle = () => {
    for (const waiter of [...waiters]) {
      const found = published.find((params) => params.uri === waiter.uri && (waiter.version === undefined || params.version === waiter.version) && waiter.test(params.diagnostics));
      if (found) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(found.diagnostics);
      }
    }
  };
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    settle();
  });
  session.diagnostics = (uri, test = () => true, version) =>
    new Promise((done) => {
      waiters.push({ uri, version, test, resolve: done });
      settle();
    });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/showMessage', ({ message }: { message: string }) => void session.messages.push(message));
  connection.onNotification('window/logMessage', () => undefined);
  if (readsFiles) {
    connection.onRequest('twir/readFiles', ({ uris, maxBytes }: { uris: string[]; maxBytes: number }) => {
      session.fileRequests.push(uris);
      return uris.map((uri) => readEntry(uri, maxBytes));
    });
  }
  connection.listen();
  const result = await connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
    processId: null,
    rootUri: ROOT,
    workspaceFolders: [{ uri: ROOT, name: 'this-week-in-rust' }],
    capabilities: { workspace: { configuration: true }, textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
    initializationOptions: { analysisWorker: `${origin}/analysis-worker.js` },
  });
  expect(result.capabilities.documentSymbolProvider).toBeTruthy();
  await connection.sendNotification('initialized', {});
  return session;
}

const open = (session: Session) => session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: draftText } });
const duplicates = (diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.code === 'links/duplicate');

if (!existsSync(CHROMIUM)) console.warn(`${CHROMIUM} is missing: the web server test is skipped (npm run test:e2e provisions it).`);

describe.skipIf(!existsSync(CHROMIUM))('the web build of the language server in a browser worker', () => {
  let http: HttpServer;
  let browser: Browser;
  let origin: string;
  beforeAll(async () => {
    http = await serveDist();
    origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  });
  afterAll(async () => {
    await browser?.close();
    http?.close();
  });

  it('analyses an issue of a vscode-vfs:// repository with the files its client reads: recent issues, .twir-lint.json, the draft template', async () => {
    const session = await startSession(browser, origin, { readsFiles: true });
    open(session);
    // Diagnostics come at once; once the client has read content/ and the issue in it, links/duplicate
    // finds the reused link, as an error (.twir-lint.json says so).
    const found = duplicates(await session.diagnostics(draftUri, (diagnostics) => duplicates(diagnostics).length > 0));
    expect(found.map((diagnostic) => [diagnostic.range.start.line, diagnostic.severity, diagnostic.message])).toEqual([[draftText.split('\n').indexOf(REUSED), 1, `This link was already in issue 499 (${OLDER}).`]]);
    const asked = session.fileRequests.flat();
    expect(asked).toContain(`${ROOT}/.twir-lint.json`);
    expect(asked).toContain(`${ROOT}/content/${OLDER}`);

    const symbols = await session.connection.sendRequest<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri: draftUri } });
    expect(symbols.length).toBeGreaterThan(0);

    // New Issue Draft (the date answered): the template read through the client, the draft next to it in the same repository.
    const draft = await session.connection.sendRequest<{ edit?: { documentChanges: { kind?: string; uri?: string; edits?: { newText: string }[] }[] }; open?: string; message?: string }>('workspace/executeCommand', { command: 'twir.server.newDraft', arguments: [draftUri, '2024-01-31'] });
    expect(draft.open).toBe(`${ROOT}/draft/2024-01-31-this-week-in-rust.md`);
    expect(draft.edit?.documentChanges[0]).toMatchObject({ kind: 'create', uri: draft.open });
    expect(draft.edit?.documentChanges[1].edits?.[0].newText).toContain('Date: 2024-01-31');
    expect(session.messages).toEqual([]);
    await session.close();
  });

  it('without a client that reads files: the issue alone is analysed, and the user is told once', async () => {
    const session = await startSession(browser, origin, { readsFiles: false });
    open(session);
    const diagnostics = await session.diagnostics(draftUri);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(duplicates(diagnostics)).toEqual([]);
    const draft = await session.connection.sendRequest<{ message?: string }>('workspace/executeCommand', { command: 'twir.server.newDraft', arguments: [draftUri] });
    expect(draft.message).toContain('DRAFT_TEMPLATE');
    expect(session.messages.filter((message) => message.includes('does not read workspace files'))).toHaveLength(1);
    await session.close();
  });

  it('isolates the analysis as the Node server does: a slow document is stopped at the time budget, the others still answered', async () => {
    const session = await startSession(browser, origin, { readsFiles: true });
    open(session);
    await session.diagnostics(draftUri, (diagnostics) => duplicates(diagnostics).length > 0);
    const slowUri = `${ROOT}/draft/2027-04-07-this-week-in-rust.md`;
    void session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: slowUri, languageId: 'markdown', version: 1, text: pathologicalParagraph() } });
    // While the slow one is analysed, the other document gets its answer (the worker is replaced for
    // it): before the slow one is stopped at the budget.
    const slowStopped = session.diagnostics(slowUri).then((diagnostics) => ({ diagnostics, at: performance.now() }));
    const symbols = await session.connection.sendRequest<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: draftUri } });
    const answeredAt = performance.now();
    expect(symbols.length).toBeGreaterThan(0);
    const stopped = await slowStopped;
    expect(stopped.diagnostics).toEqual([]);
    expect(answeredAt).toBeLessThan(stopped.at);
    await expect.poll(() => session.messages.filter((message) => message.includes('2027-04-07-this-week-in-rust.md')), { timeout: 60_000 }).toEqual([expect.stringMatching(/paused until the file changes/)]);
    // The new worker has the files the client read: links/duplicate still knows the earlier issue.
    void session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: draftUri, version: 2 }, contentChanges: [{ text: `${draftText}\n` }] });
    expect(duplicates(await session.diagnostics(draftUri, (diagnostics) => duplicates(diagnostics).length > 0, 2))).toHaveLength(1);
    await session.close();
  });
});
