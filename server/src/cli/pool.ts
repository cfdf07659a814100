import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { CacheEntry, LintCache, SharedCache } from './cache';
import { fatalReport, lintFile, type FileReport, type LintTask } from './lint-file';
import { LookBack, type KnownIssue } from './look-back';

/** The bundled worker, beside the bundled CLI in `dist/`. */
export const WORKER_FILE = join(__dirname, 'cli-worker.js');

/**
 * The young generation of a worker: linting allocates many short-lived objects. (This thread keeps
 * V8's default: over the bench's checkout a larger one no longer paid once simple segments were
 * summarised without the parser, README, Speed.)
 */
const YOUNG_GENERATION_MB = 96;

/** A worker steals the upper half of another's files when that many are left there, not fewer. */
const MIN_FILES_TO_STEAL = 16;

/** Main thread → worker: a file to lint, with what the other threads learned of issue files since the last one. */
export interface TaskMessage {
  index: number;
  task: LintTask;
  known: KnownIssue[];
}

/** What a worker starts with: with `--cache`, the entries read from the cache file. */
export interface WorkerData {
  cache?: SharedCache;
}

/** Worker → main thread: ready for a file, with the report of the previous one (none at first) and the cache entries it used or made. */
export interface WorkerMessage {
  done?: { index: number; report: FileReport; learned: KnownIssue[]; cached: [string, CacheEntry][] };
}

/**
 * Runs of consecutive files, one per worker: the issues a file is compared with are the files just
 * before it, which its own worker has then mostly linted already. A worker that is done takes the
 * upper half of the longest run left.
 */
class Runs {
  private readonly runs: { next: number; end: number }[];

  constructor(tasks: readonly LintTask[], count: number, weight: (task: LintTask) => number) {
    const total = tasks.reduce((sum, task) => sum + weight(task), 0);
    this.runs = [];
    let start = 0;
    let sum = 0;
    for (let run = 1; run <= count; run++) {
      let end = start;
      while (end < tasks.length && (run === count || sum + weight(tasks[end]) / 2 <= (total * run) / count)) sum += weight(tasks[end++]);
      this.runs.push({ next: start, end });
      start = end;
    }
  }

  take(worker: number): number | undefined {
    const own = this.runs[worker];
    if (own.next >= own.end) {
      const longest = this.runs.reduce((best, run) => (run.end - run.next > best.end - best.next ? run : best));
      if (longest.end - longest.next < MIN_FILES_TO_STEAL) return undefined;
      const middle = longest.next + Math.ceil((longest.end - longest.next) / 2);
      own.next = middle;
      own.end = longest.end;
      longest.end = middle;
    }
    return own.next++;
  }

  get empty(): boolean {
    return this.runs.every((run) => run.next >= run.end);
  }
}

/**
 * Lints the tasks: on this thread when `workers` is 0, else on that many worker threads, each
 * taking a run of consecutive files. Hands the reports to `onReport` in task order, each as soon
 * as it and every report before it are done. With a cache, every thread uses it, and it records
 * the entries they used or made.
 */
export async function lintAll(tasks: readonly LintTask[], workers: number, onReport: (report: FileReport, index: number) => void, cache?: LintCache): Promise<void> {
  const deliver = inOrder(onReport);
  if (workers === 0) {
    const lookBack = new LookBack(cache);
    tasks.forEach((task, index) => deliver(index, lintFile(task, { lookBack, cache })));
    return;
  }
  const count = Math.min(workers, tasks.length);
  const pool: Pool = { tasks, runs: new Runs(tasks, count, fileSize), deliver, known: [], cache };
  await Promise.all(Array.from({ length: count }, (_, worker) => startWorker(pool, worker)));
}

/** What a file costs to lint, about: its size (runs of equal size take about as long). */
function fileSize(task: LintTask): number {
  try {
    return statSync(task.path).size;
  } catch {
    return 0;
  }
}

interface Pool {
  tasks: readonly LintTask[];
  runs: Runs;
  deliver: (index: number, report: FileReport) => void;
  /** What the workers learned of issue files, in the order they reported it. */
  known: KnownIssue[];
  cache?: LintCache;
}

function startWorker(pool: Pool, slot: number): Promise<void> {
  const workerData: WorkerData = { cache: pool.cache?.toShared() };
  // Loaded here, not with the CLI: most runs lint in this thread.
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const worker = new Worker(WORKER_FILE, { workerData, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  let current: number | undefined;
  let failure = 'it stopped';
  // A fresh worker knows nothing yet: it gets everything learned so far with its first file.
  let sent = 0;
  return new Promise<void>((resolve) => {
    worker.on('message', ({ done }: WorkerMessage) => {
      if (done) {
        pool.known.push(...done.learned);
        pool.cache?.record(done.cached);
        pool.deliver(done.index, done.report);
      }
      current = pool.runs.take(slot);
      if (current === undefined) return void worker.terminate();
      worker.postMessage({ index: current, task: pool.tasks[current], known: pool.known.slice(sent) } satisfies TaskMessage);
      sent = pool.known.length;
    });
    worker.on('error', (error) => (failure = error.message));
    // A worker that dies (out of memory…) fails its file only; a fresh worker takes the rest of its run.
    worker.on('exit', () => {
      if (current === undefined) return resolve();
      pool.deliver(current, fatalReport(pool.tasks[current].file, `The worker linting this file died: ${failure}`));
      resolve(pool.runs.empty ? undefined : startWorker(pool, slot));
    });
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
