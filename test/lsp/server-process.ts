/**
 * Starts the bundled server (`node dist/server.js --stdio`) as a real process and speaks LSP to it
 * over its stdio with vscode-jsonrpc, as an editor does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER = resolve(__dirname, '../../dist/server.js');

export interface ServerSession {
  connection: MessageConnection;
  process: ChildProcess;
  stderr: () => string;
  /** What the server answered to `initialize`: its capabilities. */
  initializeResult: InitializeResult;
  /** Resolves with the next diagnostics published for the URI (optionally for a given version). */
  diagnostics(uri: string, version?: number): Promise<Diagnostic[]>;
  open(uri: string, text: string, version?: number): void;
  stop(): Promise<void>;
}

export async function startServer(options: { rootPath?: string; settings?: Record<string, unknown>; env?: NodeJS.ProcessEnv } = {}): Promise<ServerSession> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; version?: number; resolve: (value: Diagnostic[]) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const waiter = waiters.find((candidate) => candidate.uri === params.uri && (candidate.version === undefined || candidate.version === params.version));
    if (waiter) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(params.diagnostics);
    } else {
      published.push(params);
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => options.settings ?? {}));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/showMessage', () => undefined);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  const rootUri = options.rootPath ? pathToFileURL(options.rootPath).href : null;
  const initializeResult: InitializeResult = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
    capabilities: { workspace: { configuration: true }, textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    stderr: () => stderr,
    initializeResult,
    diagnostics(uri, version) {
      const index = published.findIndex((params) => params.uri === uri && (version === undefined || params.version === version));
      if (index >= 0) return Promise.resolve(published.splice(index, 1)[0].diagnostics);
      return new Promise((resolvePromise) => waiters.push({ uri, version, resolve: resolvePromise }));
    },
    open(uri, text, version = 1) {
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } }).catch(() => undefined);
    },
    async stop() {
      // Shut down as an editor does and let the server exit by itself before letting go of its
      // pipes: nothing is written to a pipe that is already gone.
      const exited = new Promise((resolveExit) => {
        if (child.exitCode !== null) resolveExit(undefined);
        child.once('exit', resolveExit);
        setTimeout(resolveExit, 3000);
      });
      await Promise.race([connection.sendRequest('shutdown').catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
      await connection.sendNotification('exit').catch(() => undefined);
      await exited;
      connection.dispose();
      child.kill();
    },
  };
}

/** The promise, or a rejection after `milliseconds`: for tests that a request did not hang (not for speed). */
export function answeredWithin<T>(promise: Promise<T>, milliseconds: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${milliseconds} ms`)), milliseconds))]);
}

export const FIXTURES = resolve(__dirname, '../fixtures');

export function fixture(relativePath: string): { uri: string; text: string; path: string } {
  const path = resolve(FIXTURES, relativePath);
  return { uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8'), path };
}
