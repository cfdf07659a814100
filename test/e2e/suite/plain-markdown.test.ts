import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PLAIN_MARKDOWN, SEED_DRAFT, completionsAt, documentSymbols, labelOf, openWorkspaceFile, serverPid, waitFor, waitForActivation } from './helpers';

/**
 * Runs first (see index.ts): a Markdown user who never opens a TWiR issue gets nothing of ours —
 * no language server, no snippets, no completions — and the first issue starts the server.
 */
describe('plain Markdown in a real VS Code, before any issue is opened', () => {
  it('starts no language server and offers none of our snippets or completions', async () => {
    const plain = await openWorkspaceFile(PLAIN_MARKDOWN);
    await waitForActivation();
    // VS Code's own Markdown support has looked at the file (a positive control)...
    await waitFor('the built-in Markdown outline', async () => ((await documentSymbols(plain.uri)).length > 0 ? true : undefined));
    // ...and `twir-` at the start of a new line completes to nothing of ours.
    const editor = vscode.window.activeTextEditor!;
    const end = plain.lineAt(plain.lineCount - 1).range.end;
    await editor.edit((edit) => edit.insert(end, '\ntwir-'));
    const labels = (await completionsAt(plain.uri, new vscode.Position(plain.lineCount - 1, 5))).map(labelOf);
    assert.deepEqual(labels.filter((label) => label.startsWith('twir-')), []);
    assert.equal(serverPid(), undefined, 'a language server runs for a plain Markdown file');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(!commands.some((command) => command.startsWith('twir.server.')), 'the language client was started');
  });

  it('starts the language server when the first issue is opened, and offers each snippet once there', async () => {
    const draft = await openWorkspaceFile(SEED_DRAFT);
    await waitFor('the language server process', serverPid);
    // The last line of the Virtual region's last event, then a new line with `twir-event`.
    const line = draft.getText().split('\n').findIndex((text) => text === '### Asia') - 1;
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((edit) => edit.insert(new vscode.Position(line, 0), 'twir-event\n'));
    const labels = await waitFor('our completions', async () => {
      const found = (await completionsAt(draft.uri, new vscode.Position(line, 10))).map(labelOf);
      return found.includes('twir-event') ? found : undefined;
    });
    const snippets = labels.filter((label) => label.startsWith('twir-'));
    assert.deepEqual(snippets, [...new Set(snippets)], `a snippet offered twice: ${snippets.join(', ')}`);
    assert.ok(snippets.includes('twir-event-virtual'));
  });
});
