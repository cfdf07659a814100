import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SEED_DRAFT, openForEditing, revertDocument, ruleOf, twirDiagnostics, waitFor } from './helpers';

const OURS = '* [READ_ONCE(), WRITE_ONCE(), but not for Rust](https://lwn.net/SubscriberLink/1053142/8ec93e58d5d3cc06/)';
const THEIRS = '* [Rust in the Linux kernel, a year on](https://example.com/rust-linux-year)';

/** The seed draft as git leaves it after two pull requests: a conflict in Project/Tooling Updates (diff3 markers), and one in the crate of the week. */
function conflicted(text: string): string {
  return text
    .replace(`${OURS}\n`, `<<<<<<< HEAD\n${OURS}\n||||||| base\n=======\n${THEIRS}\n>>>>>>> contributor/links\n`)
    .replace('<!-- COTW goes here -->', "<<<<<<< HEAD\nThis week's crate is [foo](https://crates.io/crates/foo).\n=======\nThis week's crate is [bar](https://crates.io/crates/bar).\n>>>>>>> contributor/crate");
}

async function conflictDiagnostics(document: vscode.TextDocument, count: number): Promise<vscode.Diagnostic[]> {
  return waitFor(`${count} text/merge-conflict diagnostics`, () => {
    const found = twirDiagnostics(document.uri).filter((diagnostic) => ruleOf(diagnostic) === 'text/merge-conflict');
    return found.length === count ? found : undefined;
  });
}

describe('TWiR: merge conflicts in a real VS Code', () => {
  it("reports each conflict once, and resolves the one in a list section by its code action", async () => {
    const { document, pristine } = await openForEditing(SEED_DRAFT);
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), conflicted(document.getText()));
      assert.ok(await vscode.workspace.applyEdit(edit));
      const [links, crate] = await conflictDiagnostics(document, 2);
      // Nothing else is reported inside the conflicts (the link on both sides, the markers as text).
      const inside = twirDiagnostics(document.uri).filter((diagnostic) => ruleOf(diagnostic) !== 'text/merge-conflict' && [links, crate].some((conflict) => conflict.range.contains(diagnostic.range.start)));
      assert.deepEqual(inside, []);

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, links.range, vscode.CodeActionKind.QuickFix.value);
      const resolve = actions.find((action) => action.title.startsWith("Resolve by the section's rules"));
      assert.ok(resolve?.edit, `no resolution among ${actions.map((action) => action.title).join(', ')}`);
      assert.equal(resolve.title, "Resolve by the section's rules: 2 entries kept (1 from ours, 1 from theirs)");
      assert.ok(await vscode.workspace.applyEdit(resolve.edit));
      assert.ok(document.getText().includes(`### Project/Tooling Updates\n\n${OURS}\n${THEIRS}\n\n### Observations/Thoughts`));
      await conflictDiagnostics(document, 1);
      const left = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, crate.range, vscode.CodeActionKind.QuickFix.value);
      assert.ok(!left.some((action) => action.title.startsWith("Resolve by the section's rules") && action.edit), 'the crate of the week is no list: no resolution');
    } finally {
      await revertDocument(document, pristine);
    }
  });

  it('the command resolves every conflict it can, and leaves the others', async () => {
    const { document, pristine } = await openForEditing(SEED_DRAFT);
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), conflicted(document.getText()));
      assert.ok(await vscode.workspace.applyEdit(edit));
      await conflictDiagnostics(document, 2);
      // The question and its diff preview are for people: here the command is asked not to ask.
      await vscode.commands.executeCommand('twir.resolveConflicts', { confirm: false });
      await waitFor('the links resolved', () => (document.getText().includes(`${OURS}\n${THEIRS}\n`) ? true : undefined));
      assert.ok(document.getText().includes("<<<<<<< HEAD\nThis week's crate is [foo]"));
      await conflictDiagnostics(document, 1);
    } finally {
      await revertDocument(document, pristine);
    }
  });
});
