/** A worker thread of `twir-lint`: lints (and fixes) the files the main thread sends, one at a time. */
import { parentPort } from 'node:worker_threads';
import { lintFile } from './lint-file';
import { LookBack } from './look-back';
import type { TaskMessage, WorkerMessage } from './pool';

const port = parentPort!;
const lookBack = new LookBack();
port.on('message', ({ index, task, known }: TaskMessage) => {
  lookBack.addKnown(known);
  const report = lintFile(task, lookBack);
  port.postMessage({ done: { index, report, learned: lookBack.takeLearned() } } satisfies WorkerMessage);
});
// Loaded: ask for the first file.
port.postMessage({} satisfies WorkerMessage);
