/**
 * The analysis worker of the web build (`dist/browser/analysis-worker.js`): ../analysis-worker.ts
 * in a web worker. It reads workspace files from what the client read (./workspace-files.ts, in
 * place of Node's file system), and tells the main thread which files it lacked before it answers.
 */
import { createAnalysis } from '../lsp/handlers';
import { MainNotifications, WorkerNotifications, type FileEntry, type FromWorker, type ToWorker } from '../lsp/protocol';
import { warmUp } from '../lsp/warm-up';
import { scope } from './web-worker';
import { putFiles, takeWanted } from './workspace-files';

const post = (message: FromWorker) => scope.postMessage(message);
const handle = createAnalysis(
  (method, params) => post({ method, params }),
  (context) => ({
    [WorkerNotifications.files]: ({ files, roots }: { files: Record<string, FileEntry | null>; roots: string[] }) => {
      putFiles(files, roots);
      context.recentIssueRead();
    },
  }),
);
scope.addEventListener('message', ({ data }: { data: ToWorker }) => {
  const answer = handle(data);
  const paths = takeWanted();
  if (paths.length > 0) post({ method: MainNotifications.filesWanted, params: { paths } });
  if (answer) post(answer);
});
post({ method: MainNotifications.ready, params: {} });
void warmUp();
