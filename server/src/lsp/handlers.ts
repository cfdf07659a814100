import { refuseIssueFile, readIssueFile } from '../service/workspace/recent-issues';
import { authoringHandlers } from './authoring';
import { AnalysisContext } from './context';
import { diagnosticsHandlers } from './diagnostics';
import { outlineHandlers } from './outline';
import { MainNotifications, WorkerNotifications, WorkerRequests, type FromWorker, type Settings, type ToWorker } from './protocol';

// Each handler takes its method's params as the main thread passed them (LSP params for LSP methods).
export type Handlers = Record<string, (params: any) => unknown>;

/**
 * The analysis side of the server, whatever thread it runs in: it takes the messages of
 * protocol.ts and answers requests with plain JSON. `notify` sends the worker's own notifications;
 * `more` adds an entry's own handlers (the web build's files).
 */
export function createAnalysis(notify: (method: string, params: unknown) => void, more: (context: AnalysisContext) => Handlers = () => ({})): (message: ToWorker) => FromWorker | undefined {
  const context = new AnalysisContext(notify);
  const handlers: Handlers = {
    ...outlineHandlers(context),
    ...authoringHandlers(context),
    ...diagnosticsHandlers(context),
    [WorkerRequests.readIssueFile]: ({ path }: { path: string }) => {
      readIssueFile(path);
      context.recentIssueRead();
      return null;
    },
    [WorkerNotifications.setDocument]: ({ uri, version, text }: { uri: string; version: number; text: string }) => context.setDocument(uri, version, text),
    [WorkerNotifications.closeDocument]: ({ uri }: { uri: string }) => context.closeDocument(uri),
    [WorkerNotifications.settings]: (settings: Settings) => context.setSettings(settings),
    [WorkerNotifications.refuseIssueFile]: ({ path }: { path: string }) => refuseIssueFile(path),
    ...more(context),
  };
  return ({ id, method, params }) => {
    const handler = handlers[method];
    try {
      const result = handler ? handler(params) : null;
      return id === undefined ? undefined : { id, result: result ?? null };
    } catch (error) {
      notify(MainNotifications.log, { message: `${method} failed: ${(error as Error).stack ?? error}` });
      return id === undefined ? undefined : { id, error: String(error) };
    }
  };
}
