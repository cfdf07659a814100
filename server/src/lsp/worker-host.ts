import { MainNotifications, WorkerNotifications, WorkerRequests, type FromWorker, type Settings, type ToWorker } from './protocol';

/**
 * The analysis worker as the host drives it: a Node worker thread, or a browser's Worker through
 * ../browser/server.ts (which has no `exit`).
 */
export interface AnalysisWorker {
  postMessage(message: ToWorker): void;
  on(event: 'message' | 'error' | 'exit', listener: (value: any) => void): unknown;
  terminate(): unknown;
}

/** What a job is about: its time counts against that document version (or recent issue file). */
export interface JobSubject {
  uri?: string;
  version?: number;
  path?: string;
}

/**
 * A job that has run this long while the user waits for an answer about another document is
 * stopped (the worker replaced) and run again later: longer than a real issue takes to analyse,
 * far shorter than the budget.
 */
const YIELD_MILLISECONDS = 300;
/** A stopped job runs again once the user asked for nothing for this long. */
const QUIET_MILLISECONDS = 1_000;

interface Job extends JobSubject {
  id: number;
  method: string;
  params: unknown;
  /** Run only when no other job waits (reading recent issues). */
  background: boolean;
  resolve: (result: unknown) => void;
}

export interface WorkerHostEvents {
  /** A job passed the time budget: the worker was replaced without it. */
  tooSlow(subject: JobSubject, milliseconds: number): void;
  /** The worker read the settings (see `MainNotifications.settingsRead`). */
  settingsRead(problems: string[], effective: string): void;
  /** The worker does not analyse a document (over a budget of service/guard.ts). */
  skipped(uri: string, why: string): void;
  log(message: string): void;
  /** The recent issues the worker asked for are read: diagnostics may change. */
  recentIssuesRead(): void;
  /** The open documents, to send to a new worker. */
  openDocuments(): { uri: string; version: number; text: string }[];
  /** The worker lacks these files (see `MainNotifications.filesWanted`). */
  filesWanted(paths: string[]): void;
}

/**
 * The analysis worker seen from the LSP main thread. Jobs wait here and go to the worker one at a
 * time, so that the main thread knows what runs and for how long. A job past the time budget has
 * the worker terminated and replaced (the new one is sent the settings and the open documents); a
 * long job yields the same way to a request about another document. Cancelling a waiting job
 * drops it here.
 */
export class WorkerHost {
  private worker: AnalysisWorker;
  private ready = false;
  private readonly queue: Job[] = [];
  private running?: { job: Job; started: number; timer: ReturnType<typeof setTimeout> };
  private nextId = 1;
  private settings?: Settings;
  /** The files the client read for the worker (a browser), for a new worker too. */
  private files?: { files: Record<string, unknown>; roots: string[] };
  /** Recent issues that passed the time budget: the next worker skips them too. */
  private readonly refusedFiles = new Set<string>();
  /** Documents whose analysis yielded to others: the version, and the time it has had so far. */
  private readonly yielded = new Map<string, { version?: number; milliseconds: number }>();
  /** When the user last asked for something or got an answer. */
  private lastActivity = 0;
  /** The documents shown in the editor (see `VisibleDocumentsNotification`): analysed before the others. */
  private visible = new Set<string>();
  private quietTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly createWorker: () => AnalysisWorker,
    private readonly budgetMilliseconds: number,
    private readonly events: WorkerHostEvents,
  ) {
    this.worker = this.spawn();
  }

  /** Notifications reach the worker in order, before any request sent after them. */
  notify(method: string, params: unknown): void {
    if (method === WorkerNotifications.settings) this.settings = params as Settings;
    if (method === WorkerNotifications.files) {
      const { files, roots } = params as NonNullable<WorkerHost['files']>;
      this.files = { files: { ...this.files?.files, ...files }, roots };
    }
    if (method === WorkerNotifications.closeDocument) this.yielded.delete((params as { uri: string }).uri);
    this.worker.postMessage({ method, params } satisfies ToWorker);
  }

  /** The documents the editor shows now: their analyses go before the others' (the order of the rest is kept). */
  setVisible(uris: readonly string[]): void {
    this.visible = new Set(uris);
  }

  /** Resolves with the worker's answer, or null when the job was too slow, failed or was dropped. */
  request(method: string, params: unknown, subject: JobSubject = {}, background = false): { result: Promise<unknown>; cancel(): void } {
    let job!: Job;
    const result = new Promise<unknown>((resolve) => {
      job = { id: this.nextId++, method, params, background, resolve, ...subject };
    });
    this.queue.push(job);
    if (this.waitsForUser(job)) this.lastActivity = performance.now();
    if (this.running && performance.now() - this.running.started >= YIELD_MILLISECONDS) this.yieldToOthers();
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

  private spawn(): AnalysisWorker {
    this.ready = false;
    const worker = this.createWorker();
    worker.on('message', (message: FromWorker) => worker === this.worker && this.receive(message));
    worker.on('error', (error) => worker === this.worker && this.events.log(`analysis worker failed: ${error.stack ?? error}`));
    // A worker that died on its own (out of memory, a crash) is replaced; its job gets no answer.
    worker.on('exit', () => worker === this.worker && this.replaceWorker());
    return worker;
  }

  /** Replaces the worker; the job it was running gets no answer, or waits again when `retry`. */
  private replaceWorker(retry = false): void {
    const running = this.running;
    this.running = undefined;
    if (running) {
      clearTimeout(running.timer);
      if (retry) this.queue.unshift(running.job);
      else running.job.resolve(null);
    }
    const old = this.worker;
    this.worker = this.spawn();
    void old.terminate();
    if (this.files) this.notify(WorkerNotifications.files, this.files);
    if (this.settings) this.notify(WorkerNotifications.settings, this.settings);
    for (const path of this.refusedFiles) this.notify(WorkerNotifications.refuseIssueFile, { path });
    for (const document of this.events.openDocuments()) this.notify(WorkerNotifications.setDocument, document);
    this.pump();
  }

  /** A request the user waits for: not diagnostics (published when ready), nor a yielded or background job. */
  private waitsForUser(job: Job): boolean {
    return !job.background && job.method !== WorkerRequests.diagnostics && !this.deferred(job);
  }

  /** A job of a document whose analysis yielded, for the same version: it waits for a quiet moment. */
  private deferred(job: Job): boolean {
    const yielded = job.uri === undefined ? undefined : this.yielded.get(job.uri);
    return yielded !== undefined && yielded.version === job.version;
  }

  /** The time a job has had in earlier workers. */
  private spent(job: Job): number {
    return this.deferred(job) ? this.yielded.get(job.uri!)!.milliseconds : 0;
  }

  /**
   * The next job: what the user waits for first (hovers, completions, code actions, outlines, on any
   * document: the worker answers them from the models it has), then the analyses of the visible
   * documents, then the others', then yielded analyses once the user is quiet, then background reads.
   */
  private next(): Job | undefined {
    let index = this.queue.findIndex((job) => this.waitsForUser(job));
    if (index < 0) index = this.queue.findIndex((job) => !job.background && !this.deferred(job) && job.uri !== undefined && this.visible.has(job.uri));
    if (index < 0) index = this.queue.findIndex((job) => !job.background && !this.deferred(job));
    if (index < 0) {
      const deferred = this.queue.findIndex((job) => this.deferred(job));
      const quietIn = this.lastActivity + QUIET_MILLISECONDS - performance.now();
      if (deferred >= 0 && quietIn <= 0) index = deferred;
      else if (deferred >= 0) {
        clearTimeout(this.quietTimer);
        this.quietTimer = setTimeout(() => this.pump(), quietIn);
      }
    }
    if (index < 0) index = this.queue.findIndex((job) => job.background);
    return index < 0 ? undefined : this.queue.splice(index, 1)[0];
  }

  private pump(): void {
    if (!this.ready || this.running) return;
    const job = this.next();
    if (!job) return;
    const timer = setTimeout(() => this.tooSlow(), this.budgetMilliseconds - this.spent(job));
    this.running = { job, started: performance.now(), timer };
    setTimeout(() => this.running?.job === job && this.yieldToOthers(), YIELD_MILLISECONDS);
    this.worker.postMessage({ id: job.id, method: job.method, params: job.params } satisfies ToWorker);
  }

  /**
   * A long analysis of one document stops for a request the user makes about another: the worker
   * is replaced without it (the other documents' models are rebuilt), and it runs again, with the
   * time it has left, when the user is quiet.
   */
  private yieldToOthers(): void {
    const { job, started } = this.running!;
    if (job.uri === undefined || !this.queue.some((other) => this.waitsForUser(other) && other.uri !== job.uri)) return;
    this.yielded.set(job.uri, { version: job.version, milliseconds: this.spent(job) + performance.now() - started });
    this.replaceWorker(true);
  }

  private tooSlow(): void {
    const { job, started } = this.running!;
    const milliseconds = this.spent(job) + performance.now() - started;
    if (job.path) this.refusedFiles.add(job.path);
    if (job.uri !== undefined) this.yielded.delete(job.uri);
    this.replaceWorker();
    this.events.tooSlow(job, milliseconds);
  }

  private receive(message: FromWorker): void {
    if ('id' in message) {
      if (this.running?.job.id !== message.id) return;
      const { job, timer } = this.running;
      clearTimeout(timer);
      this.running = undefined;
      if (this.waitsForUser(job)) this.lastActivity = performance.now();
      // Done in time after all: the document's model is built, its other requests need not wait.
      if (this.deferred(job)) this.yielded.delete(job.uri!);
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
      case MainNotifications.settingsRead:
        this.events.settingsRead(params.problems as string[], params.effective as string);
        break;
      case MainNotifications.skipped:
        this.events.skipped(params.uri as string, params.why as string);
        break;
      case MainNotifications.log:
        this.events.log(params.message as string);
        break;
      case MainNotifications.filesWanted:
        this.events.filesWanted(params.paths as string[]);
        break;
      case MainNotifications.unreadIssueFiles:
        for (const path of params.paths as string[]) {
          if (!this.refusedFiles.has(path) && !this.readingFile(path)) this.request(WorkerRequests.readIssueFile, { path }, { path }, true);
        }
        break;
    }
  }

  /** Whether a job about this recent issue waits or runs. */
  private readingFile(path: string): boolean {
    return this.running?.job.path === path || this.queue.some((job) => job.path === path);
  }
}
