/**
 * Memory of the analysis worker (`npm run build` first), spoken to through its protocol as the
 * server's main thread does: typing into the largest issue keeps no version alive, and closing it
 * frees what was kept for it. The heap is measured after a full GC (a heap snapshot).
 */
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { typingHeap } from '../../bench/worker-heap.mjs';
import { fixture } from '../lsp/server-process';

const WORKER = resolve(__dirname, '../../dist/analysis-worker.js');

it('keeps the heap flat over 2,000 keystrokes on the largest issue, and frees it on close', async () => {
  const { uri, text } = fixture('published/2024-11-20-this-week-in-rust.md');
  const heap = await typingHeap(WORKER, { uri, text, keystrokes: 2_000 });
  // Before the per-line and segment caches held copies of their text, this grew by ~150 MB.
  expect(heap.growthMb).toBeLessThan(4);
  // Closing frees the model and lint of the document (about 1 MB); what stays is the per-line
  // findings shared by all documents (bounded by their cache's limit).
  expect(heap.closedMb).toBeLessThan(heap.afterMb - 0.5);
}, 300_000);
