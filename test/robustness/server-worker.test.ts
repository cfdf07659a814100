/**
 * The analysis runs in a worker thread of the server process (`npm run build` first): a document
 * that takes too long to analyse has the worker stopped and restarted at the time budget, while
 * the server still answers for the other documents, and the document is left alone until it changes.
 */
import type { DocumentSymbol, ShowMessageParams } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredWithin, fixture, startServer, type ServerSession } from '../lsp/server-process';
import { pathologicalParagraph } from './hostile';

/** Far more than the time budget below and a worker restart, even on a loaded machine: an answer later than this is a hang. */
const NOT_HUNG_MS = 60_000;
/**
 * Long enough for the seed issue on a machine loaded with two CPU-bound processes per core (~0.3 s
 * idle), far too short for the pathological paragraph (minutes even idle).
 */
const BUDGET_MS = 8_000;

const within = <T>(promise: Promise<T>, what: string) => answeredWithin(promise, NOT_HUNG_MS, what);

describe('language server process: the analysis worker and the time budget', () => {
  let server: ServerSession;
  const messages: ShowMessageParams[] = [];
  const seed = fixture('seeds/2026-01-14-this-week-in-rust.md');
  const slowUri = 'file:///tmp/twir-worker/2027-04-07-this-week-in-rust.md';
  const symbols = (uri: string) => server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as Promise<DocumentSymbol[] | null>;

  beforeAll(async () => {
    server = await startServer({ env: { TWIR_ANALYSIS_TIME_BUDGET_MS: String(BUDGET_MS) } });
    server.connection.onNotification('window/showMessage', (params: ShowMessageParams) => void messages.push(params));
    server.open(seed.uri, seed.text);
    await server.diagnostics(seed.uri, 1);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('answers for another document while a slow one is analysed, then stops the slow one and says so once', async () => {
    server.open(slowUri, pathologicalParagraph());
    // The slow document is being analysed now (it was opened first): the other one still gets answers.
    const outline = await within(symbols(seed.uri), 'documentSymbol of the other document');
    expect(outline?.length).toBeGreaterThan(0);
    expect(await within(server.diagnostics(slowUri, 1), 'diagnostics of the slow document')).toEqual([]);
    expect(await symbols(slowUri)).toBeNull();
    const told = messages.filter((message) => message.message.includes('2027-04-07-this-week-in-rust.md'));
    expect(told).toHaveLength(1);
    expect(told[0].message).toMatch(/paused until the file changes/);
  });

  it('serves every document from the restarted worker', async () => {
    const hover = await within(server.connection.sendRequest('textDocument/hover', { textDocument: { uri: seed.uri }, position: { line: 0, character: 3 } }), 'hover');
    expect(hover === null || typeof hover === 'object').toBe(true);
    expect((await symbols(seed.uri))?.length).toBeGreaterThan(0);
    expect(server.process.exitCode).toBeNull();
  });

  it('analyses the slow document again once it changes', async () => {
    void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: slowUri, version: 2 }, contentChanges: [{ text: seed.text }] });
    expect((await within(server.diagnostics(slowUri, 2), 'diagnostics after the change')).length).toBeGreaterThan(0);
    expect((await symbols(slowUri))?.length).toBeGreaterThan(0);
  });
});
