import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SEED_DRAFT, openWorkspaceFile, ruleOf, serverPid, twirDiagnostics, waitFor, waitForActivation, waitForTwirDiagnostics } from './helpers';

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
