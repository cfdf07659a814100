/** A worker thread of `twir-lint`: lints (and fixes) the files the main thread sends, one at a time. */
import { parentPort } from 'node:worker_threads';
import { lintFile } from './lint-file';
import type { TaskMessage, WorkerMessage } from './pool';

const port = parentPort!;
port.on('message', ({ index, task }: TaskMessage) => {
  port.postMessage({ done: { index, report: lintFile(task) } } satisfies WorkerMessage);
});
// Loaded: ask for the first file.
port.postMessage({} satisfies WorkerMessage);
