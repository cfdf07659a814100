/**
 * The analysis worker of the language server (`dist/analysis-worker.js`): the whole service runs
 * here, so that the LSP main thread stays free to answer, cancel, and stop a slow analysis.
 */
import { parentPort } from 'node:worker_threads';
import { createAnalysis } from './lsp/handlers';
import { MainNotifications, type FromWorker, type ToWorker } from './lsp/protocol';
import { warmUp } from './lsp/warm-up';

const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);
const handle = createAnalysis((method, params) => post({ method, params }));
port.on('message', (message: ToWorker) => {
  const answer = handle(message);
  if (answer) post(answer);
});
post({ method: MainNotifications.ready, params: {} });
void warmUp();
