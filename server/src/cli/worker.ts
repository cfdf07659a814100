/** A worker thread of `twir-lint`: lints (and fixes) the files the main thread sends, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import type { LintCache } from './cache';
import { lintFile } from './lint-file';
import { LookBack } from './look-back';
import type { TaskMessage, WorkerData, WorkerMessage } from './pool';

const port = parentPort!;
const { cache: shared } = workerData as WorkerData;
// Loaded only with --cache, as in the main thread.
const loading: Promise<LintCache | undefined> = shared ? import('./cache').then(({ LintCache }) => new LintCache(shared.tool, shared.entries)) : Promise.resolve(undefined);
void loading.then((cache) => {
  const lookBack = new LookBack(cache);
  port.on('message', ({ index, task, known }: TaskMessage) => {
    lookBack.addKnown(known);
    const report = lintFile(task, { lookBack, cache });
    port.postMessage({ done: { index, report, learned: lookBack.takeLearned(), cached: cache?.takeFresh() ?? [] } } satisfies WorkerMessage);
  });
  // Loaded: ask for the first file.
  port.postMessage({} satisfies WorkerMessage);
});
