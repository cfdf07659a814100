// The server's memory: resident with the ten largest issues of the checkout open, and the analysis
// worker's heap over 2,000 keystrokes.
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { editPositions, FIXTURES, ROOT, sleep } from '../lib/common.mjs';
import { startServer } from '../lib/server.mjs';
import { typingHeap } from '../worker-heap.mjs';
import { LARGEST } from './engine.mjs';

export const HEAP_KEYSTROKES = 2_000;

/** The server's resident memory with the ten largest issues of the checkout open (it reads the issues before each), each edited a little as in a working session. */
export async function measureMemory(checkout) {
  const server = await startServer(checkout.root);
  const largest = [...checkout.files]
    .sort((a, b) => statSync(b).size - statSync(a).size)
    .slice(0, 10);
  for (const path of largest) {
    const uri = pathToFileURL(path).href;
    const text = readFileSync(path, 'utf8');
    const opened = server.published(uri, 1);
    await server.open(uri, text);
    await opened;
    let version = 1;
    for (const position of editPositions(text, 10, 3)) {
      version++;
      const arrived = server.published(uri, version);
      await server.change(uri, version, position, 'x');
      await arrived;
    }
  }
  await sleep(500);
  const { rssMb, peakRssMb } = server.resident();
  await server.stop();
  return { serverRssMb: rssMb, serverPeakRssMb: peakRssMb, openIssues: largest.map((path) => basename(path)) };
}

/** The analysis worker's heap after GC, before and after typing into the largest issue. */
export function measureHeap() {
  const path = join(FIXTURES, LARGEST);
  return typingHeap(join(ROOT, 'dist/analysis-worker.js'), { uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8'), keystrokes: HEAP_KEYSTROKES });
}

