// The heap of the server's analysis worker (dist/analysis-worker.js) while an issue is typed into,
// spoken to through its own protocol (server/src/lsp/protocol.ts) as the server's main thread does.
// Shared by the benchmark and the memory test.
import { Worker } from 'node:worker_threads';

/** Bytes on the worker's heap after a full collection (V8 collects before it takes a heap snapshot). */
async function heapAfterGc(worker) {
  let json = '';
  for await (const chunk of await worker.getHeapSnapshot()) json += chunk;
  const { snapshot, nodes } = JSON.parse(json);
  const fields = snapshot.meta.node_fields;
  let total = 0;
  for (let i = fields.indexOf('self_size'); i < nodes.length; i += fields.length) total += nodes[i];
  return total;
}

/** A deterministic stream of numbers in [0, 1), so that every run makes the same edits. */
function random(seed) {
  let state = seed;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * Types `keystrokes` characters (one per version, at places spread over the text, each followed by
 * a request for its diagnostics and outline) and returns the heap after GC before and after, in MB.
 * `warmUp` keystrokes first fill the caches. Then closes the document and measures again.
 */
export async function typingHeap(script, { uri, text, keystrokes, warmUp = 200 }) {
  const worker = new Worker(script);
  let nextId = 1;
  const waiting = new Map();
  const ready = new Promise((resolve) => waiting.set('ready', resolve));
  worker.on('message', (message) => {
    const key = 'id' in message ? message.id : message.method;
    waiting.get(key)?.(message.result);
    waiting.delete(key);
  });
  await ready;
  const request = (method, params) =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      worker.postMessage({ id, method, params });
    });
  const next = random(7);
  let current = text;
  let version = 0;
  const type = async (count) => {
    for (let i = 0; i < count; i++) {
      const offset = Math.floor(next() * current.length);
      current = current.slice(0, offset) + 'x' + current.slice(offset);
      worker.postMessage({ method: 'document/set', params: { uri, version: ++version, text: current } });
      await request('diagnostics', { uri, version });
      await request('textDocument/documentSymbol', { textDocument: { uri } });
    }
  };
  try {
    await type(warmUp);
    const beforeMb = (await heapAfterGc(worker)) / 2 ** 20;
    await type(keystrokes);
    const afterMb = (await heapAfterGc(worker)) / 2 ** 20;
    worker.postMessage({ method: 'document/close', params: { uri } });
    // Answered once the close is done (a heap snapshot would not wait for it).
    await request('textDocument/documentSymbol', { textDocument: { uri } });
    const closedMb = (await heapAfterGc(worker)) / 2 ** 20;
    return { keystrokes, beforeMb, afterMb, growthMb: afterMb - beforeMb, closedMb };
  } finally {
    await worker.terminate();
  }
}
