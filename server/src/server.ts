/**
 * The language server in Node (`dist/server.js`): lsp/main.ts over Node's IPC, with the analysis
 * worker (./analysis-worker.ts) in a worker thread.
 */
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/main';
import { ANALYSIS_BUDGET } from './service/guard';

/**
 * The server's memory (the bench's row "server RSS"). Between full collections, V8 lets a heap grow
 * to up to 4 times what it kept alive: the heaps grow by half instead (process-wide, read at each
 * collection). The worker's young generation is 12 MB instead of 48: two 16 MB semi-spaces are
 * resident once used, and a keystroke's work fits in 4 MB. Both measured in the bench for memory and
 * keystroke latency (README, Speed).
 */
setFlagsFromString('--heap-growing-percent=50');
const WORKER_YOUNG_GENERATION_MB = 12;

startServer(createConnection(ProposedFeatures.all), {
  createWorker: () => new Worker(join(__dirname, 'analysis-worker.js'), { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }),
  /** `TWIR_ANALYSIS_TIME_BUDGET_MS` overrides the budget, for tests. */
  budgetMilliseconds: Number(process.env.TWIR_ANALYSIS_TIME_BUDGET_MS) || ANALYSIS_BUDGET.maxMilliseconds,
  // Node's fetch, looked up when a title is asked for. `TWIR_GITHUB_API` points GitHub's API elsewhere, for tests.
  network: { fetch: (url, init) => fetch(url, init), githubApi: process.env.TWIR_GITHUB_API || 'https://api.github.com' },
});
