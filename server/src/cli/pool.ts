import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { fatalReport, lintFile, type FileReport, type LintTask } from './lint-file';

/** The bundled worker, beside the bundled CLI in `dist/`. */
const WORKER_FILE = join(__dirname, 'cli-worker.js');

/** Main thread → worker: a file to lint. */
export interface TaskMessage {
  index: number;
  task: LintTask;
}

/** Worker → main thread: ready for a file, with the report of the previous one (none at first). */
export interface WorkerMessage {
  done?: { index: number; report: FileReport };
}

/** Hands out the tasks' indexes, in order, to whichever thread is free. */
class TaskQueue {
  private next = 0;
  constructor(private readonly length: number) {}

  take(): number | undefined {
    return this.next < this.length ? this.next++ : undefined;
  }

  get empty(): boolean {
    return this.next >= this.length;
  }
}

/**
 * Lints the tasks on `threads` threads: this one and `threads - 1` workers, each taking the next
 * file when it is free. Hands the reports to `onReport` in task order, each as soon as it and every
 * report before it are done.
 */
export async function lintAll(tasks: readonly LintTask[], threads: number, onReport: (report: FileReport, index: number) => void): Promise<void> {
  const deliver = inOrder(onReport);
  const queue = new TaskQueue(tasks.length);
  const workers = Array.from({ length: Math.min(threads, tasks.length) - 1 }, () => startWorker(tasks, queue, deliver));
  // This thread lints too (a worker takes a while to load), yielding between files so that the
  // workers' reports get printed and the workers get their next file.
  for (let index = queue.take(); index !== undefined; index = queue.take()) {
    deliver(index, lintFile(tasks[index]));
    await setImmediate();
  }
  // Workers still loading have nothing left to do.
  workers.forEach((worker) => worker.stopIfIdle());
  await Promise.all(workers.map((worker) => worker.finished));
}

interface RunningWorker {
  finished: Promise<void>;
  stopIfIdle(): void;
}

function startWorker(tasks: readonly LintTask[], queue: TaskQueue, deliver: (index: number, report: FileReport) => void): RunningWorker {
  const worker = new Worker(WORKER_FILE, { resourceLimits: { maxYoungGenerationSizeMb: 96 } });
  let current: number | undefined;
  let failure = 'it stopped';
  const finished = new Promise<void>((resolve) => {
    worker.on('message', ({ done }: WorkerMessage) => {
      if (done) deliver(done.index, done.report);
      current = queue.take();
      if (current === undefined) void worker.terminate();
      else worker.postMessage({ index: current, task: tasks[current] } satisfies TaskMessage);
    });
    worker.on('error', (error) => (failure = error.message));
    // A worker that dies (out of memory…) fails its file only; a fresh worker takes the rest.
    worker.on('exit', () => {
      if (current === undefined) return resolve();
      deliver(current, fatalReport(tasks[current].file, `The worker linting this file died: ${failure}`));
      resolve(queue.empty ? undefined : startWorker(tasks, queue, deliver).finished);
    });
  });
  return { finished, stopIfIdle: () => current === undefined && void worker.terminate() };
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
