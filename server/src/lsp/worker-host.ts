import { Worker } from 'node:worker_threads';
import { MainNotifications, WorkerNotifications, WorkerRequests, type FromWorker, type Settings, type ToWorker } from './protocol';

/** What a job is about: its time counts against that document version (or recent issue file). */
export interface JobSubject {
  uri?: string;
  version?: number;
  path?: string;
}

interface Job extends JobSubject {
  id: number;
  method: string;
  params: unknown;
  /** Run only when no other job waits (reading recent issues). */
  background: boolean;
  resolve: (result: unknown) => void;
}

export interface WorkerHostEvents {
  /** A job passed the time budget: the worker was restarted without it. */
  tooSlow(subject: JobSubject, milliseconds: number): void;
  /** The worker does not analyse a document (over a budget of service/guard.ts). */
  skipped(uri: string, why: string): void;
  log(message: string): void;
  /** The recent issues the worker asked for are read: diagnostics may change. */
  recentIssuesRead(): void;
  /** The open documents, to send to a new worker. */
  openDocuments(): { uri: string; version: number; text: string }[];
}

/**
 * The analysis worker seen from the LSP main thread. Jobs wait here and go to the worker one at a
 * time, so that the main thread knows what runs and for how long: a job past the time budget has
 * the worker terminated and a new one started (sent the settings and the open documents again).
 * Cancelling a waiting job drops it here.
 */
export class WorkerHost {
  private worker!: Worker;
  private ready = false;
  private readonly queue: Job[] = [];
  private running?: { job: Job; started: number; timer: ReturnType<typeof setTimeout> };
  private nextId = 1;
  private settings?: Settings;
  /** Recent issues that passed the time budget: the next worker skips them too. */
  private readonly refusedFiles = new Set<string>();

  constructor(
    private readonly script: string,
    private readonly budgetMilliseconds: number,
    private readonly events: WorkerHostEvents,
  ) {
    this.start();
  }

  /** Notifications reach the worker in order, before any request sent after them. */
  notify(method: string, params: unknown): void {
    if (method === WorkerNotifications.settings) this.settings = params as Settings;
    this.worker.postMessage({ method, params } satisfies ToWorker);
  }

  /** Resolves with the worker's answer, or null when the job was too slow, failed or was dropped. */
  request(method: string, params: unknown, subject: JobSubject = {}, background = false): { result: Promise<unknown>; cancel(): void } {
    let job!: Job;
    const result = new Promise<unknown>((resolve) => {
      job = { id: this.nextId++, method, params, background, resolve, ...subject };
    });
    this.queue.push(job);
    this.pump();
    return {
      result,
      cancel: () => {
        const index = this.queue.indexOf(job);
        if (index >= 0) this.queue.splice(index, 1);
        job.resolve(null);
      },
    };
  }

  /** Whether a job about this recent issue waits or runs. */
  private readingFile(path: string): boolean {
    return this.running?.job.path === path || this.queue.some((job) => job.path === path);
  }

  private start(): void {
    this.ready = false;
    this.worker = new Worker(this.script);
    const worker = this.worker;
    worker.on('message', (message: FromWorker) => worker === this.worker && this.receive(message));
    worker.on('error', (error) => worker === this.worker && this.events.log(`analysis worker failed: ${error.stack ?? error}`));
    // A worker that died on its own (out of memory, a crash) is replaced; its job gets no answer.
    worker.on('exit', () => worker === this.worker && this.restart());
    if (this.settings) this.notify(WorkerNotifications.settings, this.settings);
    for (const path of this.refusedFiles) this.notify(WorkerNotifications.refuseIssueFile, { path });
    for (const document of this.events.openDocuments()) this.notify(WorkerNotifications.setDocument, document);
  }

  private restart(): void {
    const running = this.running;
    this.running = undefined;
    if (running) {
      clearTimeout(running.timer);
      running.job.resolve(null);
    }
    const old = this.worker;
    this.start();
    void old.terminate();
    this.pump();
  }

  private pump(): void {
    if (!this.ready || this.running) return;
    const index = this.queue.findIndex((job) => !job.background);
    const [job] = this.queue.splice(index >= 0 ? index : 0, 1);
    if (!job) return;
    const started = performance.now();
    const timer = setTimeout(() => this.tooSlow(), this.budgetMilliseconds);
    this.running = { job, started, timer };
    this.worker.postMessage({ id: job.id, method: job.method, params: job.params } satisfies ToWorker);
  }

  private tooSlow(): void {
    const { job, started } = this.running!;
    if (job.path) this.refusedFiles.add(job.path);
    this.restart();
    this.events.tooSlow(job, performance.now() - started);
  }

  private receive(message: FromWorker): void {
    if ('id' in message) {
      if (this.running?.job.id !== message.id) return;
      const { job, timer } = this.running;
      clearTimeout(timer);
      this.running = undefined;
      job.resolve('result' in message ? message.result : null);
      if (job.background && !this.queue.some((other) => other.background)) this.events.recentIssuesRead();
      this.pump();
      return;
    }
    const params = message.params as Record<string, unknown>;
    switch (message.method) {
      case MainNotifications.ready:
        this.ready = true;
        this.pump();
        break;
      case MainNotifications.skipped:
        this.events.skipped(params.uri as string, params.why as string);
        break;
      case MainNotifications.log:
        this.events.log(params.message as string);
        break;
      case MainNotifications.unreadIssueFiles:
        for (const path of params.paths as string[]) {
          if (!this.refusedFiles.has(path) && !this.readingFile(path)) this.request(WorkerRequests.readIssueFile, { path }, { path }, true);
        }
        break;
    }
  }
}
