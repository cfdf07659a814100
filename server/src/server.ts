/**
 * The language server in Node (`dist/server.js`): lsp/main.ts over Node's IPC, with the analysis
 * worker (./analysis-worker.ts) in a worker thread.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/main';
import { ANALYSIS_BUDGET } from './service/guard';

startServer(createConnection(ProposedFeatures.all), {
  createWorker: () => new Worker(join(__dirname, 'analysis-worker.js')),
  /** `TWIR_ANALYSIS_TIME_BUDGET_MS` overrides the budget, for tests. */
  budgetMilliseconds: Number(process.env.TWIR_ANALYSIS_TIME_BUDGET_MS) || ANALYSIS_BUDGET.maxMilliseconds,
});
