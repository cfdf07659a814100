import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';
import { fixture, startServer, type ServerSession } from './server-process';

describe('language server process: outline and folding', () => {
  let server: ServerSession;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('answers documentSymbol with the issue, its sections, regions and events', async () => {
    const seed = fixture('seeds/2026-01-14-this-week-in-rust.md');
    server.open(seed.uri, seed.text);
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: seed.uri } })) as DocumentSymbol[];
    expect(symbols).toHaveLength(1);
    expect(symbols[0].name).toBe('This Week in Rust 634');
    expect(symbols[0].detail).toBe('2026-01-14');
    const events = symbols[0].children!.find((symbol) => symbol.name === 'Upcoming Events')!;
    expect(events.detail).toMatch(/^52 events · 2026-01-14 - 2026-02-11/);
    expect(events.children!.map((region) => `${region.name}: ${region.detail}`)).toEqual([
      'Virtual: 19 events',
      'Asia: 3 events',
      'Europe: 11 events',
      'North America: 19 events',
    ]);
    const virtual = events.children![0];
    expect(virtual.children![0].name).toBe('2026-01-07 · Rust Girona');
    expect(virtual.children![0].range.start.line).toBe(206) // line 207 of the file;
  });

  it('answers foldingRange with sections and comment blocks', async () => {
    const seed = fixture('seeds/2024-01-24-this-week-in-rust.md');
    server.open(seed.uri, seed.text);
    const folds = (await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: seed.uri } })) as FoldingRange[];
    // The contributors' comment under "Updates from Rust Community" (lines 17-28, 1-based).
    expect(folds).toContainEqual(expect.objectContaining({ startLine: 16, endLine: 27, kind: 'comment' }));
    const eventsHeading = seed.text.split('\n').indexOf('## Upcoming Events');
    expect(folds.some((fold) => fold.startLine === eventsHeading && fold.endLine > eventsHeading + 50)).toBe(true);
  });

  it('gives a plain Markdown file nothing', async () => {
    const uri = 'file:///tmp/notes/README.md';
    server.open(uri, '# Notes\n\n## Upcoming Events\n\n* 2026-01-01 | Paris, FR | [A](https://a.example)\n');
    expect(await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })).toBeNull();
    expect(await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })).toBeNull();
    expect(await server.diagnostics(uri)).toEqual([]);
  });

  it('treats any Markdown whose first line is a TWiR title as an issue', async () => {
    const uri = 'file:///tmp/notes/next-issue.md';
    server.open(uri, 'Title: This Week in Rust 700\nNumber: 700\nDate: 2027-04-07\n\n## Jobs\n\nSee the thread.\n');
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    expect(symbols[0].name).toBe('This Week in Rust 700');
    expect(symbols[0].children!.map((symbol) => symbol.name)).toEqual(['Jobs']);
  });
});
