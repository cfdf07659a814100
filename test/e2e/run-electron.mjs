/**
 * `npm run test:electron`: the same extension tests as test:e2e, in a desktop VS Code downloaded by
 * @vscode/test-electron (into .vscode-test/), on the same temporary workspace. Needs a machine that can
 * download VS Code (and a display, or xvfb-run, on Linux).
 */
import { join } from 'node:path';
import { TestRunFailedError, downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { REPO_ROOT, createWorkspace, freshDir } from '../../scripts/e2e/code-server.mjs';
import { VSCODE_VERSION } from '../../scripts/e2e/provision.mjs';
import { buildSuite } from './build-suite.mjs';

function fail(message) {
  console.error(`test:electron: ${message}`);
  process.exit(1);
}

async function main() {
  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version: VSCODE_VERSION, cachePath: join(REPO_ROOT, '.vscode-test') });
  } catch (error) {
    fail(
      `could not download VS Code ${VSCODE_VERSION} (${error instanceof Error ? error.message : error}).\n` +
        'This machine cannot reach VS Code\'s download servers; `npm run test:e2e` runs the same tests in code-server instead.',
    );
  }
  const extensionTestsPath = await buildSuite();
  const workspace = createWorkspace();
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath,
      launchArgs: [workspace.folder, '--user-data-dir', freshDir('twir-vscode-user-'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } catch (error) {
    fail(error instanceof TestRunFailedError ? `extension tests failed (${error.message})` : `could not run VS Code: ${error instanceof Error ? error.message : error}`);
  }
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
