import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { SEED_DRAFT, openWorkspaceFile, ruleOf, twirDiagnostics, waitFor, waitForActivation, waitForTwirDiagnostics } from './helpers';

/** The language server this extension host started (a child of it: other VS Code windows have their own). */
function serverPid(): number | undefined {
  try {
    const pids = execFileSync('pgrep', ['-P', String(process.pid), '-f', 'dist/server.js'], { encoding: 'utf8' }).trim().split('\n');
    return pids[0] ? Number(pids[0]) : undefined;
  } catch {
    return undefined; // pgrep exits 1 when nothing matches
  }
}

/** The rule id: the client turns a code with a docs link into `{ value, target }`. */
describe('a crashed language server in a real VS Code', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('is restarted by the client, and diagnostics come back', async () => {
    const draft = await openWorkspaceFile(SEED_DRAFT);
    await waitForActivation();
    await waitForTwirDiagnostics(draft.uri);
    const first = await waitFor('the language server process', serverPid);

    process.kill(first, 'SIGKILL');
    const second = await waitFor('a new language server process', () => {
      const pid = serverPid();
      return pid !== undefined && pid !== first ? pid : undefined;
    });
    assert.notEqual(second, first);

    // The new server analyses: a line with trailing spaces added now is reported.
    const line = draft.lineCount - 1;
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((edit) => edit.insert(new vscode.Position(line, 0), 'After the restart.   \n'));
    await waitFor('a trailing-space diagnostic from the new server', () =>
      twirDiagnostics(draft.uri).find((diagnostic) => ruleOf(diagnostic) === 'text/trailing-space' && diagnostic.range.start.line === line),
    );
  });
});
