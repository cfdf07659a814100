import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fatalReport, lintFile, type FileReport, type LintTask } from './lint-file';

/** The bundled worker, beside the bundled CLI in `dist/`. */
const WORKER_FILE = join(__dirname, 'cli-worker.js');

/** A task as posted to a worker, and the worker's answer. */
export interface TaskMessage {
  index: number;
  task: LintTask;
}
export interface ReportMessage {
  index: number;
  report: FileReport;
}

/**
 * Lints the tasks on `workers` threads (none: on this thread) and hands the reports to `onReport`
 * in task order, each as soon as it and every task before it are done.
 */
export async function lintAll(tasks: readonly LintTask[], workers: number, onReport: (report: FileReport, index: number) => void): Promise<void> {
  const deliver = inOrder(onReport);
  if (workers === 0) {
    tasks.forEach((task, index) => deliver(index, lintFile(task)));
    return;
  }
  let next = 0;
  await new Promise<void>((resolve) => {
    let running = 0;
    const start = () => {
      running++;
      const worker = new Worker(WORKER_FILE);
      let current: number | undefined;
      const feed = () => {
        if (next < tasks.length) {
          current = next++;
          worker.postMessage({ index: current, task: tasks[current] } satisfies TaskMessage);
        } else {
          current = undefined;
          void worker.terminate();
        }
      };
      worker.on('message', (message: ReportMessage) => {
        deliver(message.index, message.report);
        feed();
      });
      // A worker that dies (out of memory…) fails its file only; a fresh worker takes the rest.
      let failure = 'it stopped';
      worker.on('error', (error) => (failure = error.message));
      worker.on('exit', () => {
        running--;
        if (current !== undefined) deliver(current, fatalReport(tasks[current].file, `The worker linting this file died: ${failure}`));
        if (next < tasks.length) start();
        else if (running === 0) resolve();
      });
      feed();
    };
    for (let count = 0; count < Math.min(workers, tasks.length); count++) start();
    if (tasks.length === 0) resolve();
  });
}

/** Buffers results that arrive out of order and passes them on in order. */
function inOrder(onReport: (report: FileReport, index: number) => void): (index: number, report: FileReport) => void {
  const waiting = new Map<number, FileReport>();
  let printed = 0;
  return (index, report) => {
    waiting.set(index, report);
    for (let ready = waiting.get(printed); ready; ready = waiting.get(printed)) {
      waiting.delete(printed);
      onReport(ready, printed++);
    }
  };
}
