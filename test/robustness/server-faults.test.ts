/**
 * Faults an editor (or a broken client) can throw at the server, through the real server process
 * (`npm run build` first): requests for documents it does not have, edits out of order, past the
 * end or overlapping, and `$/cancelRequest` of every request kind it announces. After each, the
 * server is alive, answers, and its diagnostics fit the document as the protocol defines it.
 */
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, startServer, type ServerSession } from '../lsp/server-process';
import { requestsFor } from './requests';

function change(server: ServerSession, uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): void {
  void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
}

function expectInside(document: TextDocument, diagnostics: readonly Diagnostic[]): void {
  const lines = document.lineCount;
  for (const { range } of diagnostics) {
    expect(range.start.line).toBeLessThan(lines);
    expect(range.end.line).toBeLessThan(lines);
    expect(document.offsetAt(range.start)).toBeLessThanOrEqual(document.offsetAt(range.end));
  }
}

describe('language server process: faults', () => {
  let server: ServerSession;
  const seed = fixture('seeds/2026-01-14-this-week-in-rust.md');
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('announces requests that this test knows how to make', () => {
    expect(requestsFor(server, seed.uri).length).toBeGreaterThanOrEqual(3);
  });

  it('answers every request for a document it never saw', async () => {
    const uri = 'file:///tmp/twir-faults/2026-02-04-this-week-in-rust.md';
    for (const { method, params } of requestsFor(server, uri)) {
      // An error answer rejects: the server must answer (null, or a message for a command).
      const answer = await server.connection.sendRequest(method, params);
      if (method !== 'workspace/executeCommand') expect(answer, method).toBeNull();
    }
  });

  it('answers every request for a document after it was closed', async () => {
    const uri = 'file:///tmp/twir-faults/2026-01-14-this-week-in-rust.md';
    server.open(uri, seed.text);
    await server.diagnostics(uri, 1);
    void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    expect(await server.diagnostics(uri)).toEqual([]);
    for (const { method, params } of requestsFor(server, uri)) {
      const answer = await server.connection.sendRequest(method, params);
      if (method !== 'workspace/executeCommand') expect(answer, method).toBeNull();
    }
  });

  it('takes edits for unknown documents, closes of unknown documents and a second open without dying', async () => {
    const uri = 'file:///tmp/twir-faults/2026-03-04-this-week-in-rust.md';
    change(server, uri, 7, [{ range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, text: 'x' }]);
    void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    server.open(uri, seed.text, 1);
    server.open(uri, `${seed.text}\n* more`, 2);
    await server.diagnostics(uri, 2);
    expect(await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })).not.toBeNull();
  });

  it('applies stale, out-of-range, reversed and overlapping edits as the protocol says, and its diagnostics fit the result', async () => {
    const uri = 'file:///tmp/twir-faults/2026-04-01-this-week-in-rust.md';
    server.open(uri, seed.text, 5);
    await server.diagnostics(uri, 5);
    // What the editor would hold: the same library applies the same changes.
    const expected = TextDocument.create(uri, 'markdown', 5, seed.text);
    const edits: { version: number; changes: TextDocumentContentChangeEvent[] }[] = [
      { version: 3, changes: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } }, text: 'Data' }] }, // stale version
      { version: 4, changes: [{ range: { start: { line: 10_000, character: 0 }, end: { line: 10_001, character: 5 } }, text: '\n* [past the end](https://example.com)' }] },
      { version: 6, changes: [{ range: { start: { line: 40, character: 900 }, end: { line: 30, character: 0 } }, text: 'reversed' }] },
      {
        version: 7,
        changes: [
          { range: { start: { line: 20, character: 0 }, end: { line: 25, character: 0 } }, text: '## Overlap\n' },
          { range: { start: { line: 22, character: 3 }, end: { line: 21, character: 0 } }, text: '🦀\r\n' },
          { range: { start: { line: 21, character: 1 }, end: { line: 26, character: 2 } }, text: '' },
        ],
      },
      { version: 8, changes: [{ text: '' }] }, // the whole document emptied
      { version: 9, changes: [{ text: seed.text.slice(0, 5_000) }, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\uFEFF\uD800' }] },
    ];
    for (const { version, changes } of edits) {
      change(server, uri, version, changes);
      TextDocument.update(expected, changes, version);
      const diagnostics = await server.diagnostics(uri, version);
      expectInside(expected, diagnostics);
      const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      expect(symbols === null || Array.isArray(symbols)).toBe(true);
    }
  });

  it('clamps positions outside the document instead of echoing them', async () => {
    const uri = 'file:///tmp/twir-faults/2026-05-06-this-week-in-rust.md';
    server.open(uri, seed.text);
    await server.diagnostics(uri, 1);
    const document = TextDocument.create(uri, 'markdown', 1, seed.text);
    const lines = seed.text.split(/\r?\n/);
    const eventLine = lines.findIndex((line) => line.startsWith('* 2026-'));
    const positions = [
      { line: eventLine, character: 10_000 },
      { line: eventLine + 1, character: 10_000 },
      { line: lines.length + 50, character: 3 },
      { line: -1, character: -5 },
    ];
    const inside = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
      [range.start, range.end].every((position) => position.line >= 0 && position.line < document.lineCount && position.character >= 0 && position.character <= lines[position.line].length);
    let completed = 0;
    for (const position of positions) {
      const items = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as { textEdit?: { range: Parameters<typeof inside>[0] } }[] | null;
      for (const item of items ?? []) expect(inside(item.textEdit!.range), JSON.stringify(position)).toBe(true);
      completed += items?.length ?? 0;
      const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as { range?: Parameters<typeof inside>[0] } | null;
      if (hover?.range) expect(inside(hover.range), JSON.stringify(position)).toBe(true);
    }
    expect(completed).toBeGreaterThan(0);
  });

  it('survives the cancellation of every request it serves, and still answers', async () => {
    server.open(seed.uri, seed.text);
    await server.diagnostics(seed.uri, 1);
    for (const { method, params } of requestsFor(server, seed.uri)) {
      const source = new CancellationTokenSource();
      const answer = server.connection.sendRequest(method, params, source.token);
      source.cancel();
      // Either the answer (it was ready first) or the protocol's "request cancelled" error.
      await answer.catch((error: unknown) => {
        expect(error, method).toBeInstanceOf(ResponseError);
        expect((error as ResponseError<unknown>).code, method).toBe(-32800);
      });
    }
    // A cancellation for a request that does not exist is ignored.
    void server.connection.sendNotification('$/cancelRequest', { id: 987_654 });
    const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: seed.uri } });
    expect(Array.isArray(symbols)).toBe(true);
  });

  it('is still alive, with nothing uncaught on stderr', () => {
    expect(server.process.exitCode).toBeNull();
    expect(server.stderr()).not.toMatch(/Uncaught|Unhandled|TypeError|RangeError/);
  });
});
