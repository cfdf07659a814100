/**
 * The extension tests' entry (`extensionTestsPath`): VS Code calls `run()` inside its extension host.
 * Every `*.test.ts` beside this file is bundled next to it and run here.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/**
 * Every test starts from the workspace as it is on disk, even after a test that failed half-way
 * through its edits: whatever is left modified (an edited file, an untitled document) is reverted and closed.
 */
async function revertModifiedDocuments(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

export async function run(): Promise<void> {
  // Deadlines catch hangs: a loaded machine makes every step several times slower.
  // TWIR_E2E_GREP=pattern runs the tests whose names match (code-server's extension host inherits the runner's environment).
  const mocha = new Mocha({ ui: 'bdd', timeout: 180_000, color: false, grep: process.env.TWIR_E2E_GREP || undefined });
  // The plain Markdown tests run first: they check that nothing of ours starts before an issue is opened.
  const first = 'plain-markdown.test.js';
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort((a, b) => Number(b === first) - Number(a === first) || a.localeCompare(b));
  for (const file of files) mocha.addFile(join(__dirname, file));
  mocha.suite.afterEach('revert the documents the test left modified', revertModifiedDocuments);
  // The runners print the workbench's log from this line on (before it, it is start-up chatter).
  console.log(`Running the extension tests (${files.join(', ')}) in VS Code ${vscode.version}`);
  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension test${failures === 1 ? '' : 's'} failed`);
}
