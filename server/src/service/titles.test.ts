/** The title fetch against a local HTTP server on 127.0.0.1: no other network is reached. */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from './model/build';
import { cleanUrl, fetchTitle, pastedUrl, titledLink, titleTargetAt, type TitleNetwork } from './titles';

/** Bytes of a text in Windows-1252 (the test's titles only use characters of its upper half listed here). */
const WINDOWS_1252: Record<string, number> = { 'é': 0xe9, '’': 0x92, '€': 0x80 };
const windows1252 = (text: string) => Buffer.from([...text].map((char) => WINDOWS_1252[char] ?? char.charCodeAt(0)));

let server: Server;
let base: string;
/** Bytes the huge page sent before the client went away. */
let hugeSent = 0;
let hugeClosed: Promise<void>;

const html = (response: ServerResponse, body: string | Buffer, type = 'text/html; charset=utf-8') => {
  response.writeHead(200, { 'content-type': type });
  response.end(body);
};

beforeAll(async () => {
  let closed: () => void;
  hugeClosed = new Promise((done) => (closed = done));
  server = createServer((request, response) => {
    switch (request.url) {
      case '/entities':
        return html(response, '<!doctype html><html><head><title>Rust &amp; WebAssembly: it&#8217;s &quot;fast&quot;</title></head><body>x</body></html>');
      case '/og':
        return html(response, '<html><head><title>Site name</title><meta property="og:title" content="The article &lt;T&gt; title"></head></html>');
      case '/latin':
        return html(response, Buffer.concat([windows1252('<html><head><title>Café’s €5 menu</title></head></html>')]), 'text/html; charset=windows-1252');
      case '/shift-jis':
        // 日本語 in Shift_JIS, declared by a meta tag only.
        return html(response, Buffer.concat([Buffer.from('<html><head><meta charset="shift_jis"><title>'), Buffer.from([0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea]), Buffer.from('</title></head></html>')]), 'text/html');
      case '/moved':
        response.writeHead(301, { location: '/entities' });
        return response.end();
      case '/slow':
        return; // never answers
      case '/huge': {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.write('<html><head><title>A huge page</title>');
        const chunk = `<meta name="x" content="${'y'.repeat(16 * 1024)}">`;
        const more = () => {
          while (!response.destroyed && hugeSent < 50 * 1024 * 1024 && response.write(chunk)) hugeSent += chunk.length;
          if (!response.destroyed && hugeSent < 50 * 1024 * 1024) response.once('drain', more);
        };
        response.on('close', () => closed());
        return more();
      }
      case '/pdf':
        return html(response, '%PDF-1.7', 'application/pdf');
      case '/untitled':
        return html(response, '<html><head></head><body>no title</body></html>');
      case '/repos/rust-lang/rust/issues/12345':
        response.writeHead(200, { 'content-type': 'application/json' });
        return response.end(JSON.stringify({ number: 12345, title: 'Tracking issue for `Vec::<T>::pop_if`' }));
      default:
        response.writeHead(404, 'Not Found', { 'content-type': 'text/html' });
        return response.end('<html><head><title>Not found</title></head></html>');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const network = (): TitleNetwork => ({ fetch: (url, init) => fetch(url, init), githubApi: base });
const titleOf = (path: string) => fetchTitle(`${base}${path}`, network());

describe('fetching a page\'s title', () => {
  it('reads <title> with its entities decoded, prefers og:title, follows redirects', async () => {
    expect(await titleOf('/entities')).toEqual({ title: 'Rust & WebAssembly: it’s "fast"' });
    expect(await titleOf('/og')).toEqual({ title: 'The article <T> title' });
    expect(await titleOf('/moved')).toEqual({ title: 'Rust & WebAssembly: it’s "fast"' });
  });

  it('decodes the charset the header or a meta tag declares', async () => {
    expect(await titleOf('/latin')).toEqual({ title: 'Café’s €5 menu' });
    expect(await titleOf('/shift-jis')).toEqual({ title: '日本語' });
  });

  it('asks GitHub\'s API for an issue or pull request (the API base is given)', async () => {
    expect(await fetchTitle('https://github.com/rust-lang/rust/issues/12345', network())).toEqual({ title: 'Tracking issue for `Vec::<T>::pop_if`' });
    expect(await fetchTitle('https://github.com/rust-lang/rust/pull/12345?utm_source=x', network())).toEqual({ title: 'Tracking issue for `Vec::<T>::pop_if`' });
    expect(await fetchTitle('https://github.com/rust-lang/cargo/issues/1', network())).toEqual({ error: 'GitHub\'s API answered 404 Not Found for rust-lang/cargo#1' });
  });

  it('says why on a 404, a page that is no HTML, a page without a title, a refused connection', async () => {
    expect(await titleOf('/gone')).toEqual({ error: 'the site answered 404 Not Found' });
    expect(await titleOf('/pdf')).toEqual({ error: 'the page is no HTML page (application/pdf)' });
    expect(await titleOf('/untitled')).toEqual({ error: 'the page has no title' });
    const closedPort = await new Promise<number>((done) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => done(port));
      });
    });
    expect(await fetchTitle(`http://127.0.0.1:${closedPort}/`, network())).toEqual({ error: 'the request failed (ECONNREFUSED)' });
  });

  it('in a browser, names the CORS policy when the request is refused', async () => {
    // What a browser's fetch does when a site's CORS policy refuses: a TypeError, nothing more.
    const browser: TitleNetwork = { fetch: () => Promise.reject(new TypeError('Failed to fetch')), githubApi: base, inBrowser: true };
    expect(await fetchTitle('https://example.com/post', browser)).toEqual({ error: 'the browser refused the request: the site\'s CORS policy does not let an extension read it (or the network is down)' });
  });

  it('gives up on a server that does not answer, and can be cancelled', async () => {
    expect(await fetchTitle(`${base}/slow`, network(), undefined, { timeoutMs: 200, maxBytes: 1024 })).toEqual({ error: 'no answer within 0.2 s' });
    const cancel = new AbortController();
    const asked = fetchTitle(`${base}/slow`, network(), cancel.signal);
    cancel.abort();
    expect(await asked).toEqual({ error: 'cancelled' });
  });

  it('reads at most the head of a huge page, then closes the connection', async () => {
    expect(await fetchTitle(`${base}/huge`, network(), undefined, { timeoutMs: 5000, maxBytes: 64 * 1024 })).toEqual({ title: 'A huge page' });
    await hugeClosed;
    // The server stops when the client goes: far less than the 50 MB it would send.
    expect(hugeSent).toBeLessThan(10 * 1024 * 1024);
  });
});

describe('where a title is offered', () => {
  const issue = [
    'Title: This Week in Rust 640',
    'Number: 640',
    'Date: 2026-02-25',
    'Category: This Week in Rust',
    '',
    '## Updates from Rust Community',
    '',
    '### Observations/Thoughts',
    '',
    '* https://example.com/post?utm_source=reddit&id=3',
    '* [https://example.com/a](https://example.com/a)',
    '* [Title](https://example.com/b)',
    '* [A real title](https://example.com/c)',
    '',
    '## Crate of the Week',
    '',
    'https://example.com/crate',
    '',
  ].join('\n');
  const model = buildModel(issue, { fileName: '2026-02-25-this-week-in-rust.md' });

  it('on a bare URL, a link whose text is its URL or a placeholder, in a link section only', () => {
    expect(titleTargetAt(model, { line: 9, character: 10 })).toEqual({ range: { start: { line: 9, character: 2 }, end: { line: 9, character: 49 } }, url: 'https://example.com/post?utm_source=reddit&id=3' });
    expect(titleTargetAt(model, { line: 10, character: 5 })?.url).toBe('https://example.com/a');
    expect(titleTargetAt(model, { line: 11, character: 5 })).toEqual({ range: { start: { line: 11, character: 2 }, end: { line: 11, character: 32 } }, url: 'https://example.com/b' });
    expect(titleTargetAt(model, { line: 12, character: 5 })).toBeUndefined();
    expect(titleTargetAt(model, { line: 16, character: 5 })).toBeUndefined();
  });

  it('on a paste of one URL into a link section', () => {
    expect(pastedUrl(model, { line: 13, character: 0 }, ' https://example.com/x \n')).toBe('https://example.com/x');
    expect(pastedUrl(model, { line: 13, character: 0 }, 'see https://example.com/x')).toBeUndefined();
    expect(pastedUrl(model, { line: 16, character: 0 }, 'https://example.com/x')).toBeUndefined();
  });

  it('writes [Title](url) with the tracking parameters off and the brackets escaped', () => {
    expect(cleanUrl('https://example.com/post?utm_source=reddit&id=3&fbclid=x#top')).toBe('https://example.com/post?id=3#top');
    expect(titledLink('Arrays [T; N] explained', 'https://example.com/a?utm_campaign=x')).toBe('[Arrays \\[T; N\\] explained](https://example.com/a)');
  });
});
