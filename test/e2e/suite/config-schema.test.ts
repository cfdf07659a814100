import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor, waitForActivation, workspaceFile } from './helpers';

/**
 * `.twir-lint.json` in a real VS Code: the extension contributes the config's schema (made from the
 * rules, `jsonValidation`), so VS Code's JSON support completes rule ids and squiggles mistakes. The
 * file is written in `notes/`, where the language server does not read configs (only at the root).
 */
describe('.twir-lint.json in a real VS Code', () => {
  const config = workspaceFile('notes/.twir-lint.json');
  const text = '{\n  "rules": {\n    "links/trackin": "error",\n    "render/bullet": "off"\n  }\n}\n';

  before(async () => {
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(text));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(config);
  });

  it('squiggles an unknown rule, and completes rule ids with their docs', async () => {
    const document = await vscode.workspace.openTextDocument(config);
    await vscode.window.showTextDocument(document);
    await waitForActivation();
    const unknown = await waitFor('a JSON schema diagnostic on the unknown rule', () => vscode.languages.getDiagnostics(config).find((diagnostic) => /not allowed/i.test(diagnostic.message)));
    assert.equal(unknown.range.start.line, 2);
    assert.equal(vscode.languages.getDiagnostics(config).length, 1, 'the known rule is fine');

    // A new key being typed: `""` after the last setting, the cursor between the quotes.
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((edit) => edit.insert(new vscode.Position(3, 26), ',\n    ""'));
    const completions = await waitFor('completions of rule ids', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', config, new vscode.Position(4, 5));
      const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      return labels.some((label) => label.includes('links/tracking')) ? list.items : undefined;
    });
    const tracking = completions.find((item) => JSON.stringify(item.label).includes('links/tracking'));
    assert.ok(tracking, 'links/tracking is offered');
    const documentation = typeof tracking.documentation === 'string' ? tracking.documentation : tracking.documentation?.value;
    assert.match(documentation ?? (tracking.detail ?? ''), /tracking parameters/i);
  });
});
