/**
 * `npm run test:e2e`: runs the extension tests (test/e2e/suite) inside a real VS Code — code-server,
 * provisioned on first use, with its workbench in headless chromium — on a temporary TWiR-like
 * workspace, prints their output and exits with their exit code. Expects a built dist/ (npm test
 * builds first). TWIR_E2E_TIMEOUT (seconds, default 900) bounds the run after provisioning.
 */
import { format } from 'node:util';
import { assertBuilt, createWorkspace, openWorkbench, startCodeServer, workbenchUrl } from '../../scripts/e2e/code-server.mjs';
import { CODE_SERVER_VERSION, provision } from '../../scripts/e2e/provision.mjs';
import { buildSuite } from './build-suite.mjs';

const TIMEOUT_SECONDS = Number(process.env.TWIR_E2E_TIMEOUT ?? 900);

function fail(message) {
  log.flush();
  console.error(`test:e2e: ${message}`);
  process.exit(1);
}

/**
 * The workbench's log, which carries the tests' console output. Its start-up chatter (everything
 * before the suite's first line, see suite/index.ts) is held back, and shown only if no test ran.
 */
const log = {
  started: false,
  held: [],
  write(level, args) {
    const text = format(...args);
    log.started ||= text.startsWith('Running the extension tests');
    if (level === 'error') console.error(text);
    else if (log.started) (level === 'warn' ? console.error : console.log)(text);
    else log.held.push(text);
  },
  flush() {
    if (!log.started) for (const text of log.held.splice(0)) console.log(text);
  },
};

async function main() {
  // The suite tests features, not the analysis time budget (the robustness tests do): on a loaded
  // machine a real draft can take longer than the budget, and its analysis would pause.
  process.env.TWIR_ANALYSIS_TIME_BUDGET_MS ??= '60000';
  assertBuilt();
  provision();
  const started = Date.now();
  const extensionTestsPath = await buildSuite();
  let server;
  setTimeout(() => {
    if (server) console.error(`code-server's log:\n${server.output()}`);
    fail(`no result from the extension tests after ${TIMEOUT_SECONDS} s; stopped code-server and chromium (TWIR_E2E_TIMEOUT=seconds to wait longer).`);
  }, TIMEOUT_SECONDS * 1000);

  const workspace = createWorkspace();
  server = await startCodeServer();
  let finish;
  const exitCode = new Promise((resolve) => (finish = resolve));
  const workbench = await openWorkbench(workbenchUrl(server, { folder: workspace.folder, extensionTestsPath }), {
    onLog: log.write,
    onExit: (code) => finish(code),
  });
  const code = await exitCode;
  if (code !== 0) log.flush();
  await workbench.close();
  await server.stop();
  console.log(`test:e2e: extension tests ${code === 0 ? 'passed' : `failed (exit code ${code})`} on code-server ${CODE_SERVER_VERSION} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(code);
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
