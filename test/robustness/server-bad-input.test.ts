/**
 * Bad input through the real server process (`npm run build` first): after each hostile document
 * the server still answers at once, skips what is over its budget (service/guard.ts) with one
 * clear message per document, and goes on serving the documents it can analyse.
 */
import type { ShowMessageParams } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredWithin, fixture, startServer, type ServerSession } from '../lsp/server-process';
import { hostileDocuments } from './hostile';

/**
 * An answer later than this is a hang, whatever the machine's load: the guard decides from the text
 * alone (service/guard.ts) before any analysis, so a skipped file is answered without being analysed.
 */
const NOT_HUNG_MS = 60_000;

async function startWatched(): Promise<{ server: ServerSession; messages: ShowMessageParams[] }> {
  const server = await startServer();
  const messages: ShowMessageParams[] = [];
  server.connection.onNotification('window/showMessage', (params: ShowMessageParams) => void messages.push(params));
  return { server, messages };
}

function symbolsOf(server: ServerSession, uri: string, what: string): Promise<unknown> {
  return answeredWithin(server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), NOT_HUNG_MS, what);
}

describe('language server process: hostile documents', () => {
  let server: ServerSession;
  let messages: ShowMessageParams[];
  beforeAll(async () => {
    ({ server, messages } = await startWatched());
  });
  afterAll(async () => {
    await server.stop();
  });

  for (const hostile of hostileDocuments()) {
    it(`${hostile.name}: answers and ${hostile.skipped ? 'says once that it skips the file' : 'analyses it'}`, async () => {
      const fileName = `2027-04-07-${hostile.name}-this-week-in-rust.md`;
      const uri = `file:///tmp/twir-hostile/${fileName}`;
      server.open(uri, hostile.text);
      const first = await symbolsOf(server, uri, `${hostile.name}: first answer`);
      const diagnostics = await server.diagnostics(uri, 1);

      // Typing into it: still quick, and no second message.
      void server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
      });
      const second = await symbolsOf(server, uri, `${hostile.name}: answer after an edit`);
      await server.diagnostics(uri, 2);

      const told = messages.filter((message) => message.message.includes(fileName));
      if (hostile.skipped) {
        expect(first).toBeNull();
        expect(second).toBeNull();
        expect(diagnostics).toEqual([]);
        expect(told).toHaveLength(1);
        expect(told[0].message).toMatch(/is not analysed/);
      } else {
        expect(first).not.toBeNull();
        expect(told).toEqual([]);
      }
      void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });
  }

  it('goes on analysing real issues afterwards', async () => {
    const seed = fixture('seeds/2026-01-14-this-week-in-rust.md');
    server.open(seed.uri, seed.text);
    expect((await server.diagnostics(seed.uri)).length).toBeGreaterThan(0);
    expect(server.process.exitCode).toBeNull();
  });
});
