import { describe, expect, it } from 'vitest';
import { MainNotifications, WorkerRequests, type FromWorker, type ToWorker } from './protocol';
import { WorkerHost, type AnalysisWorker, type WorkerHostEvents } from './worker-host';

/** A worker that records the jobs it is given and answers when the test says. */
class FakeWorker implements AnalysisWorker {
  readonly jobs: ToWorker[] = [];
  private listener?: (message: FromWorker) => void;

  postMessage(message: ToWorker): void {
    if (message.id !== undefined) this.jobs.push(message);
  }

  on(event: string, listener: (value: any) => void): unknown {
    if (event === 'message') this.listener = listener;
    return this;
  }

  terminate(): unknown {
    return undefined;
  }

  send(message: FromWorker): void {
    this.listener?.(message);
  }

  /** Answers the job that runs. */
  finish(): void {
    const job = this.jobs[this.jobs.length - 1];
    this.send({ id: job.id!, result: null });
  }
}

const events: WorkerHostEvents = {
  tooSlow: () => undefined,
  settingsRead: () => undefined,
  skipped: () => undefined,
  log: () => undefined,
  recentIssuesRead: () => undefined,
  openDocuments: () => [],
  filesWanted: () => undefined,
};

function startedHost(): { host: WorkerHost; worker: FakeWorker } {
  const worker = new FakeWorker();
  // A budget no test reaches: the order is checked, never the time.
  const host = new WorkerHost(() => worker, 3_600_000, events);
  worker.send({ method: MainNotifications.ready, params: {} });
  return { host, worker };
}

/** What the worker ran, in order: method and document. */
const ran = (worker: FakeWorker) => worker.jobs.map((job) => `${job.method} ${(job.params as { uri?: string; textDocument?: { uri: string } }).uri ?? (job.params as { textDocument: { uri: string } }).textDocument.uri}`);

describe('WorkerHost: interactive first', () => {
  it('runs what the user waits for before queued analyses, on any document', () => {
    const { host, worker } = startedHost();
    host.request(WorkerRequests.diagnostics, { uri: 'a', version: 1 }, { uri: 'a', version: 1 });
    for (const uri of ['b', 'c', 'd']) host.request(WorkerRequests.diagnostics, { uri, version: 1 }, { uri, version: 1 });
    host.request('textDocument/hover', { textDocument: { uri: 'd' } }, { uri: 'd', version: 1 });
    host.request('textDocument/documentSymbol', { textDocument: { uri: 'e' } }, { uri: 'e', version: 1 });
    for (let i = 0; i < 5; i++) worker.finish();
    expect(ran(worker)).toEqual(['diagnostics a', 'textDocument/hover d', 'textDocument/documentSymbol e', 'diagnostics b', 'diagnostics c', 'diagnostics d']);
  });

  it('analyses the visible documents before the others, each group in the order asked', () => {
    const { host, worker } = startedHost();
    host.request(WorkerRequests.diagnostics, { uri: 'a', version: 1 }, { uri: 'a', version: 1 });
    for (const uri of ['b', 'c', 'd', 'e']) host.request(WorkerRequests.diagnostics, { uri, version: 1 }, { uri, version: 1 });
    host.setVisible(['e', 'c']);
    for (let i = 0; i < 4; i++) worker.finish();
    expect(ran(worker)).toEqual(['diagnostics a', 'diagnostics c', 'diagnostics e', 'diagnostics b', 'diagnostics d']);
  });

  it('reads recent issues in the background only when nothing else waits', () => {
    const { host, worker } = startedHost();
    host.request(WorkerRequests.diagnostics, { uri: 'a', version: 1 }, { uri: 'a', version: 1 });
    host.request(WorkerRequests.readIssueFile, { uri: 'file:///issue.md' }, { path: '/issue.md' }, true);
    host.request(WorkerRequests.diagnostics, { uri: 'b', version: 1 }, { uri: 'b', version: 1 });
    host.request('textDocument/hover', { textDocument: { uri: 'b' } }, { uri: 'b', version: 1 });
    for (let i = 0; i < 3; i++) worker.finish();
    expect(ran(worker)).toEqual(['diagnostics a', 'textDocument/hover b', 'diagnostics b', 'recentIssues/read file:///issue.md']);
  });
});
