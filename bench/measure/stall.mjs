// Requests about one document while the server analyses a pathological text in another: pasted
// into the open draft, and opened as a new document. Hovers and outlines one after the other,
// 50 ms apart, from the paste (or open) through the time budget and the restart of the worker.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { BUDGET_MS, percentile, sleep } from '../lib/common.mjs';
import { startServer } from '../lib/server.mjs';

/** Paragraphs of emphasis openers (quadratic for remark-parse: minutes), within the guard's limits. */
function pathological(kilobytes) {
  return Array.from({ length: Math.round((kilobytes * 1024) / 125) }, () => '*a'.repeat(62)).join('\n');
}

/** The waits of requests about `other` while `start` makes the server analyse something slow. */
async function waitsDuring(server, other, start) {
  const began = performance.now();
  await start();
  const waits = [];
  for (let i = 0; performance.now() - began < BUDGET_MS + 3000; i++) {
    const sent = performance.now();
    await (i % 2
      ? server.request('textDocument/documentSymbol', { textDocument: { uri: other } })
      : server.request('textDocument/hover', { textDocument: { uri: other }, position: { line: 20 + (i % 40), character: 4 } }));
    waits.push(performance.now() - sent);
    await sleep(50);
  }
  return { requests: waits.length, p95Ms: percentile(waits, 0.95), maxMs: Math.max(...waits) };
}

export async function measureStall(checkout) {
  const server = await startServer(checkout.root);
  await sleep(1500);
  const draft = pathToFileURL(checkout.draft).href;
  const otherPath = checkout.files.filter((path) => path !== checkout.draft).sort().at(-1);
  const other = pathToFileURL(otherPath).href;
  for (const [uri, path] of [[draft, checkout.draft], [other, otherPath]]) {
    const opened = server.published(uri, 1);
    await server.open(uri, readFileSync(path, 'utf8'));
    await opened;
  }
  // 200 KB pasted at the end of the draft's second line.
  const paste = await waitsDuring(server, other, () => server.change(draft, 2, { line: 1, character: 0 }, `${pathological(200)}\n`));
  const header = 'Title: This Week in Rust 700\nNumber: 700\nDate: 2027-04-07\nCategory: This Week in Rust\n\n';
  const newDocument = await waitsDuring(server, other, () => server.open(pathToFileURL(`${checkout.root}/draft/2027-04-07-this-week-in-rust.md`).href, header + pathological(124)));
  await server.stop();
  return { paste, newDocument, stallP95Ms: Math.max(paste.p95Ms, newDocument.p95Ms), stallMaxMs: Math.max(paste.maxMs, newDocument.maxMs) };
}
