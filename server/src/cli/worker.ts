/** A worker thread of `twir-lint`: lints (and fixes) the files the main thread sends, one at a time. */
import { parentPort } from 'node:worker_threads';
import { lintFile } from './lint-file';
import type { ReportMessage, TaskMessage } from './pool';

parentPort!.on('message', ({ index, task }: TaskMessage) => {
  parentPort!.postMessage({ index, report: lintFile(task) } satisfies ReportMessage);
});
