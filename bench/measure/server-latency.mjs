// The server's latency: first diagnostics after opening, and diagnostics after each keystroke.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { editPositions, FIXTURES, median, sleep } from '../lib/common.mjs';
import { startServer } from '../lib/server.mjs';
import { LARGEST, SUBJECTS } from './engine.mjs';

const KEYSTROKES = 40;

/** Opening each subject on a started server, then typing into the largest one. */
export async function measureServer(checkout) {
  const server = await startServer(checkout.root);
  // A started server: up, initialised and settled (it warms up right after initialisation).
  await sleep(1500);
  const result = { firstDiagnosticsMs: {}, keystrokeMs: 0, keystrokeMaxMs: 0 };
  for (const name of SUBJECTS) {
    const uri = pathToFileURL(join(FIXTURES, name)).href;
    const arrived = server.published(uri, 1);
    const sent = performance.now();
    await server.open(uri, readFileSync(join(FIXTURES, name), 'utf8'));
    result.firstDiagnosticsMs[name] = (await arrived) - sent;
  }
  // Typing: a few characters at one place, then at another, at a brisk typist's pace.
  const uri = pathToFileURL(join(FIXTURES, LARGEST)).href;
  const latencies = [];
  let version = 1;
  for (const position of editPositions(readFileSync(join(FIXTURES, LARGEST), 'utf8'), KEYSTROKES / 5, 2)) {
    for (let typed = 0; typed < 5; typed++) {
      version++;
      const arrived = server.published(uri, version);
      const sent = performance.now();
      await server.change(uri, version, { line: position.line, character: position.character + typed }, 'x');
      latencies.push((await arrived) - sent);
      await sleep(80);
    }
  }
  result.keystrokeMs = median(latencies);
  result.keystrokeMaxMs = Math.max(...latencies);

  await server.stop();
  return result;
}

