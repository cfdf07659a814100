import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ReadinessView } from '../../../client/src/readiness';
import { EXTENSION_ID, SEED_DRAFT, openForEditing, revertDocument, waitFor } from './helpers';

/** The view as a person reads it: each top-level group with its items' labels and lines. */
function readView(view: ReadinessView): { group: string; count: string; items: { label: string; description: string; item: vscode.TreeItem }[] }[] {
  return view.getChildren().map((node) => {
    const group = view.getTreeItem(node);
    const items = view.getChildren(node).flatMap((child) => (view.getChildren(child).length > 0 ? view.getChildren(child) : [child])).map((child) => view.getTreeItem(child));
    return { group: String(group.label), count: String(group.description), items: items.map((item) => ({ label: String(item.label), description: String(item.description), item })) };
  });
}

/** The status bar's text when it counts the diagnostics as Problems does: errors, warnings, infos. */
function countedAsProblems(uri: vscode.Uri): string {
  const diagnostics = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'twir');
  const count = (severity: vscode.DiagnosticSeverity, noun: string) => {
    const n = diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
    return n === 0 ? [] : [`${n} ${noun}${n === 1 ? '' : 's'}`];
  };
  const { Error, Warning, Information } = vscode.DiagnosticSeverity;
  return ['$(checklist) TWiR 634', ...count(Error, 'error'), ...count(Warning, 'warning'), ...count(Information, 'info')].join(' · ');
}

describe('the publish readiness view and status bar item in a real VS Code', () => {
  let draft: vscode.TextDocument;
  let pristine: string[];
  let view: ReadinessView;

  before(async () => {
    ({ document: draft, pristine } = await openForEditing(SEED_DRAFT));
    view = (vscode.extensions.getExtension(EXTENSION_ID)!.exports as { readiness: ReadinessView }).readiness;
  });

  afterEach(async () => {
    await revertDocument(draft, pristine);
  });

  it('lists what stands between the issue and publication, each item a click away from its line', async () => {
    // Counted as Problems counts them: the draft's publishing tasks are infos, not warnings.
    await waitFor('the status bar item of issue 634, counting as Problems does', () => (view.statusBar.text === countedAsProblems(draft.uri) && view.statusBar.text.includes(' infos') ? true : undefined));
    await vscode.commands.executeCommand('twir.checkPublishReadiness');
    await waitFor('the view shown by the status bar item\'s command', () => (view.visible ? true : undefined));
    const groups = readView(view);
    assert.deepEqual(groups.map((group) => group.group), ['Placeholders left', 'Still missing', 'Empty sections', 'Events outside the window', 'Errors and warnings']);
    const placeholders = groups[0].items;
    assert.deepEqual(placeholders.map((item) => item.description), ['Jobs · line 327', 'Quote of the Week · line 351']);
    assert.deepEqual(groups[1].items.map((item) => item.label), ['No crate of the week yet', 'No quote of the week yet']);
    // Every section publishing would show empty, those without a "none" sentence too.
    assert.ok(groups[2].items.some((item) => item.label === 'Updates from the Rust Project › Rust Compiler Performance Triage'), groups[2].items.map((item) => item.label).join(', '));

    // A click on an item goes to its line.
    const { command } = placeholders[1].item;
    await vscode.commands.executeCommand(command!.command, ...(command!.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), draft.uri.toString());
    assert.equal(editor.selection.active.line, 350);
  });

  it('follows the draft as it changes', async () => {
    await waitFor('the readiness of the draft', () => (readView(view)[0]?.items.length === 2 ? true : undefined));
    const editor = await vscode.window.showTextDocument(draft);
    const line = draft.lineAt(326);
    const start = line.text.indexOf('INSERT_LINK_HERE');
    await editor.edit((edit) => edit.replace(new vscode.Range(326, start, 326, start + 'INSERT_LINK_HERE'.length), 'https://www.reddit.com/r/rust/comments/1q0xyz/whos_hiring_thread/'));
    await waitFor('one placeholder left', () => (readView(view)[0].items.length === 1 ? true : undefined));
    assert.deepEqual(readView(view)[0].items.map((item) => item.description), ['Quote of the Week · line 351']);
    await waitFor('the status bar counting the info less', () => (view.statusBar.text === countedAsProblems(draft.uri) ? true : undefined));
  });
});
