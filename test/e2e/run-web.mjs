/**
 * `npm run test:e2e:web`: the web extension (`browser` entry, dist/browser/) in a real VS Code's web
 * worker extension host — code-server made to run it there (`remote.extensionKind: web`), its
 * workbench in headless chromium — on a TWiR-like workspace with an earlier issue in `content/`.
 * The draft's problems in the status bar (errors, warnings, infos) must be those `twir-lint` finds,
 * `links/duplicate` against the earlier issue included (read by the web client through the editor's
 * file system), and no Node language server may have started. Expects a built dist/.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { assertBuilt, createWorkspace, openWorkbench, REPO_ROOT, startCodeServer, workbenchUrl } from '../../scripts/e2e/code-server.mjs';
import { provision } from '../../scripts/e2e/provision.mjs';

const TIMEOUT_MS = Number(process.env.TWIR_E2E_TIMEOUT ?? 900) * 1000;

/** Errors, warnings and infos of the draft as `twir-lint` reports them (the status bar shows no hints). */
function expectedCounts(draft) {
  let output;
  try {
    output = execFileSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), '--format', 'json', draft], { encoding: 'utf8' });
  } catch (error) {
    output = error.stdout; // exit status 1: there are errors
  }
  const [{ diagnostics }] = JSON.parse(output);
  const count = (severity) => diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
  return { counts: [count('error'), count('warning'), count('info')], duplicates: diagnostics.filter((diagnostic) => diagnostic.rule === 'links/duplicate').length };
}

/** Whether a Node language server of this checkout runs (the desktop extension's). */
function nodeServerRuns() {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').some((line) => line.includes(join(REPO_ROOT, 'dist', 'server.js')));
}

async function main() {
  // The suite tests features, not the analysis time budget (the robustness tests do): on a loaded
  // machine a real draft can take longer than the budget, and its analysis would pause.
  process.env.TWIR_ANALYSIS_TIME_BUDGET_MS ??= '60000';
  assertBuilt();
  provision();
  const workspace = createWorkspace();
  // An earlier issue with the same links: links/duplicate reports the draft's community links.
  mkdirSync(join(workspace.folder, 'content'));
  copyFileSync(workspace.files.draft, join(workspace.folder, 'content', '2026-01-07-this-week-in-rust.md'));
  const expected = expectedCounts(workspace.files.draft);
  if (expected.duplicates === 0) throw new Error('the workspace gives no links/duplicate: the test would not show that the web client reads files');

  const server = await startCodeServer({ settings: { 'remote.extensionKind': { 'twir-author.twir-author': ['web'] } } });
  const workbench = await openWorkbench(workbenchUrl(server, { folder: workspace.folder, openFile: workspace.files.draft }));
  const errors = [];
  workbench.page.on('console', (message) => /twir/i.test(message.text()) && message.type() === 'error' && errors.push(message.text()));
  let shown;
  const deadline = Date.now() + TIMEOUT_MS;
  try {
    while (Date.now() < deadline) {
      const text = await workbench.page.evaluate(() => document.getElementById('status.problems')?.textContent ?? '');
      shown = text.trim().split(/\s+/).map(Number);
      if (JSON.stringify(shown) === JSON.stringify(expected.counts)) break;
      await sleep(500);
    }
    const node = nodeServerRuns();
    console.log(`status bar: ${shown.join(' / ')} (errors / warnings / infos); twir-lint: ${expected.counts.join(' / ')}, ${expected.duplicates} of them links/duplicate`);
    console.log(`Node language server running: ${node}`);
    for (const error of errors) console.error(error);
    if (JSON.stringify(shown) !== JSON.stringify(expected.counts) || node || errors.length > 0) throw new Error('the web extension did not give twir-lint\'s problems');
    console.log('test:e2e:web: passed');
  } finally {
    await workbench.close();
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`test:e2e:web: ${error.message}`);
    process.exit(1);
  },
);
