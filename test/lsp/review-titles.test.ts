/**
 * The server as a process: this week against last week (`twir.server.reviewWeek`), and the titled
 * link — the code action and the paste only name the URL, and `twir/titledLink` fetches it from a
 * local HTTP server on 127.0.0.1 (GitHub's API too, through `TWIR_GITHUB_API`).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandResult, TitledLinkResult } from '../../server/src/lsp/protocol';
import { FIXTURES, startServer, type ServerSession } from './server-process';

describe('review and titled links through the server process', () => {
  let checkout: string;
  let web: Server;
  let base: string;
  const requested: string[] = [];
  let server: ServerSession;
  let draft: { uri: string; text: string };
  const lines = () => draft.text.split('\n');

  beforeAll(async () => {
    web = createServer((request, response) => {
      requested.push(request.url!);
      if (request.url!.startsWith('/post')) {
        response.writeHead(200, { 'content-type': 'text/html' });
        return response.end('<html><head><title>Why Rust &amp; why now</title></head></html>');
      }
      if (request.url === '/repos/rust-lang/rust/pull/1' || request.url === '/repos/rust-lang/rust/issues/1') {
        response.writeHead(200, { 'content-type': 'application/json' });
        return response.end('{"title":"Stabilize `let` chains"}');
      }
      if (request.url === '/slow') return;
      response.writeHead(404, 'Not Found');
      response.end();
    });
    await new Promise<void>((done) => web.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;

    checkout = mkdtempSync(join(tmpdir(), 'twir-review-'));
    mkdirSync(join(checkout, 'content'));
    mkdirSync(join(checkout, 'draft'));
    copyFileSync(join(FIXTURES, 'recent/2026-08-12-this-week-in-rust.md'), join(checkout, 'content/2026-08-12-this-week-in-rust.md'));
    const text = readFileSync(join(FIXTURES, 'recent/2026-08-19-this-week-in-rust.md'), 'utf8').replace('### Newsletters\n', `### Newsletters\n* ${base}/post?utm_source=x\n`);
    const path = join(checkout, 'draft/2026-08-19-this-week-in-rust.md');
    writeFileSync(path, text);
    draft = { uri: pathToFileURL(path).href, text };
    server = await startServer({ rootPath: checkout, env: { TWIR_GITHUB_API: base } });
    server.open(draft.uri, draft.text);
    await server.diagnostics(draft.uri);
  });

  afterAll(async () => {
    await server.stop();
    web.closeAllConnections();
    web.close();
    rmSync(checkout, { recursive: true, force: true });
  });

  const command = async (name: string, ...args: unknown[]) => (await server.connection.sendRequest('workspace/executeCommand', { command: name, arguments: [draft.uri, ...args] })) as CommandResult | null;

  it('reviews the draft against the latest issue in content/, items at their lines, dropped ones in that issue', async () => {
    const result = await command('twir.server.reviewWeek');
    const review = result!.weekReview!;
    expect(review.previousUri).toBe(pathToFileURL(join(checkout, 'content/2026-08-12-this-week-in-rust.md')).href);
    expect(review.summary).toBe('against TWiR 664: 22 new, 18 changed, 12 dropped');
    const dropped = review.items.filter((item) => item.kind === 'dropped');
    expect(dropped).toHaveLength(12);
    expect(dropped.every((item) => item.inPrevious && item.detail?.endsWith('before the window'))).toBe(true);
    const changed = review.items.find((item) => item.kind === 'changed')!;
    expect(lines()[changed.line]).toMatch(/^\* 2026-08-19 \| Hybrid \(Vancouver, CA\)/);
    expect(changed.detail).toBe('place: Hybrid (Vancouver, BC, CA) → Hybrid (Vancouver, CA)');
  });

  it('offers the title action on a bare URL as a command, and fetches nothing for it', async () => {
    const line = lines().findIndex((text) => text.includes('/post?utm_source'));
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: draft.uri },
      range: { start: { line, character: 5 }, end: { line, character: 5 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const title = actions.find((action) => action.command?.command === 'twir.fetchTitle')!;
    expect(title.kind).toBe('refactor.rewrite');
    expect(title.edit).toBeUndefined();
    expect(title.command!.arguments).toEqual([draft.uri, { start: { line, character: 2 }, end: { line, character: lines()[line].length } }, `${base}/post?utm_source=x`, 1]);
    // Not when only fixes are asked for (on save).
    const onSave = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: draft.uri }, range: { start: { line, character: 5 }, end: { line, character: 5 } }, context: { diagnostics: [], only: ['source.fixAll.twir'] } })) as CodeAction[];
    expect(onSave.some((action) => action.command?.command === 'twir.fetchTitle')).toBe(false);
    expect(requested).toEqual([]);
  });

  it('names a pasted URL in a link section (no fetch), not one pasted into the events', async () => {
    const community = lines().indexOf('### Official') + 1;
    expect(await command('twir.server.pasteUrl', `${base}/post`, { line: community, character: 0 })).toEqual({ url: `${base}/post` });
    const events = lines().indexOf('### Europe') + 1;
    expect(await command('twir.server.pasteUrl', `${base}/post`, { line: events, character: 0 })).toBeNull();
    expect(requested).toEqual([]);
  });

  it('fetches the title when asked: a page, a GitHub pull request through the API, a 404; and can be cancelled', async () => {
    const titled = (url: string) => server.connection.sendRequest('twir/titledLink', { url }) as Promise<TitledLinkResult>;
    expect(await titled(`${base}/post?utm_source=x&id=2`)).toEqual({ link: `[Why Rust & why now](${base}/post?id=2)` });
    expect(await titled('https://github.com/rust-lang/rust/pull/1')).toEqual({ link: '[Stabilize `let` chains](https://github.com/rust-lang/rust/pull/1)' });
    expect(await titled(`${base}/gone`)).toEqual({ error: 'the site answered 404 Not Found' });
    const cancel = new CancellationTokenSource();
    const slow = server.connection.sendRequest('twir/titledLink', { url: `${base}/slow` }, cancel.token) as Promise<TitledLinkResult>;
    while (!requested.includes('/slow')) await new Promise((done) => setTimeout(done, 20));
    cancel.cancel();
    await expect(slow.catch((error: Error) => ({ error: error.message }))).resolves.toEqual({ error: 'cancelled' });
    expect(requested).toEqual(['/post?id=2', '/repos/rust-lang/rust/issues/1', '/gone', '/slow']);
  });
});
