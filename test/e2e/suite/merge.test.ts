import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, SEED_DRAFT, openForEditing, revertDocument, waitFor, workspaceFile } from './helpers';

/** A batch as the events team's JSON: one event of the seed draft rescheduled, two new ones (one in a region the draft lacks). */
const BATCH = {
  Virtual: [
    { name: 'Rust Hack and Learn', location: 'Berlin, DE', date: '2026-01-22', url: 'https://www.meetup.com/rust-berlin/events/305646023/', virtual: true, organizer_name: 'Rust Berlin', organizer_url: 'https://www.meetup.com/rust-berlin' },
  ],
  Europe: [
    { name: 'Rust Paris #80', location: 'Paris, FR', date: '2026-01-21', url: 'https://www.meetup.com/rust-paris/events/1/', virtual: false, organizer_name: 'Rust Paris', organizer_url: 'https://www.meetup.com/rust-paris' },
  ],
  Oceania: [
    { name: 'Rust Sydney', location: 'Sydney, AU', date: '2026-01-28', url: 'https://www.meetup.com/rust-sydney/events/2/', virtual: false, organizer_name: 'Rust Sydney', organizer_url: 'https://www.meetup.com/rust-sydney' },
  ],
};

describe('TWiR: Merge Events… in a real VS Code', () => {
  it('merges a batch file as one edit (asked without the question), and one undo reverts it', async () => {
    const { document, pristine } = await openForEditing(SEED_DRAFT);
    const original = document.getText();
    const batch = workspaceFile('events.json');
    await vscode.workspace.fs.writeFile(batch, new TextEncoder().encode(JSON.stringify(BATCH, null, 2)));
    try {
      // The question (a modal dialog) is for people: the screenshot script shows it; here it is skipped.
      await vscode.commands.executeCommand('twir.mergeEvents', batch, { confirm: false });
      const text = document.getText();
      assert.ok(text.includes('* 2026-01-22 | Virtual (Berlin, DE) | [Rust Berlin](https://www.meetup.com/rust-berlin)\n    * [**Rust Hack and Learn**](https://www.meetup.com/rust-berlin/events/305646023/)'));
      assert.ok(!text.includes('* 2026-01-15 | Virtual (Berlin, DE)'), 'the rescheduled event is replaced, not listed twice');
      assert.ok(text.includes('* 2026-01-20 | Leipzig, SN, DE'), 'the events the batch does not mention stay');
      assert.ok(text.includes('* 2026-01-21 | Paris, FR | [Rust Paris](https://www.meetup.com/rust-paris)\n    * [**Rust Paris #80**](https://www.meetup.com/rust-paris/events/1/)'));
      assert.match(text, /\n### Oceania\n\* 2026-01-28 \| Sydney, AU \| \[Rust Sydney\]\(https:\/\/www\.meetup\.com\/rust-sydney\)\n/);

      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('undo');
      await waitFor('one undo to revert the whole merge', () => (document.getText() === original ? true : undefined));
    } finally {
      await vscode.workspace.fs.delete(batch);
      await revertDocument(document, pristine);
    }
  });

  it('shows the merge side by side before it applies, and Apply applies every change (no box to tick)', async () => {
    const { document, pristine } = await openForEditing(SEED_DRAFT);
    const original = document.getText();
    const batch = workspaceFile('events-preview.json');
    // The events team's automation prints its JSON on one line.
    await vscode.workspace.fs.writeFile(batch, new TextEncoder().encode(JSON.stringify(BATCH)));
    try {
      // `preview: true` is the dialog's Preview… button.
      await vscode.commands.executeCommand('twir.mergeEvents', batch, { preview: true });
      const previewTab = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.scheme === 'twir-preview');
      const tab = await waitFor('the preview of the merge', previewTab);
      const input = tab.input as vscode.TabInputTextDiff;
      assert.equal(input.original.toString(), document.uri.toString());
      const merged = (await vscode.workspace.openTextDocument(input.modified)).getText();
      assert.equal(document.getText(), original, 'nothing changes before Apply');
      for (const change of ['* 2026-01-22 | Virtual (Berlin, DE) | [Rust Berlin]', '* 2026-01-21 | Paris, FR | [Rust Paris]', '### Oceania\n* 2026-01-28 | Sydney, AU']) assert.ok(merged.includes(change), `the preview shows ${change}`);

      // What the preview's Apply button (in the editor's title bar and the notification) runs.
      await vscode.commands.executeCommand('twir.applyPreview');
      await waitFor('the whole merge applied', () => (document.getText() === merged ? true : undefined), 10_000);
      await waitFor('the preview closed', () => (previewTab() ? undefined : true), 10_000);
    } finally {
      await vscode.workspace.fs.delete(batch);
      await revertDocument(document, pristine);
    }
  });

  it('pastes events into Upcoming Events as a merge, and then reports what was added, replaced and left out, and why', async () => {
    const { document, pristine } = await openForEditing(SEED_DRAFT);
    const virtual = document.getText().split('\n').findIndex((line) => line.startsWith('### Virtual'));
    const pasted = [
      '* 2026-01-22 | Virtual (Berlin, DE) | [Rust Berlin](https://www.meetup.com/rust-berlin)',
      '    * [**Rust Hack and Learn**](https://www.meetup.com/rust-berlin/events/305646023/)',
      '* 2026-01-21 | Paris, FR | [Rust Paris](https://www.meetup.com/rust-paris)',
      '    * [**Rust Paris #80**](https://www.meetup.com/rust-paris/events/1/)',
      '* 2026-03-04 | Oslo, NO | [Rust Oslo](https://www.meetup.com/rust-oslo)',
      '    * [**Rust Oslo in March**](https://www.meetup.com/rust-oslo/events/2/)',
      '* 2026-01-23 | Lyon, FR | [Rust Lyon <img src=x onerror=alert(1)>](https://www.meetup.com/rust-lyon)',
      '    * [**Rust Lyon**](https://www.meetup.com/rust-lyon/events/3/)',
    ].join('\n');
    const api = vscode.extensions.getExtension(EXTENSION_ID)!.exports as { reportsShown: readonly string[]; pasteEditProvider: vscode.DocumentPasteEditProvider };
    const reportsBefore = api.reportsShown.length;
    try {
      // VS Code on the web turns a paste run by a command into plain text (only a key press reaches the
      // providers): the paste widget's merge option is asked for and applied here as VS Code does it.
      const data = new vscode.DataTransfer();
      data.set('text/plain', new vscode.DataTransferItem(pasted));
      const cursor = new vscode.Range(virtual + 1, 0, virtual + 1, 0);
      const token = new vscode.CancellationTokenSource().token;
      const [option] = (await api.pasteEditProvider.provideDocumentPasteEdits!(document, [cursor], data, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, token)) ?? [];
      assert.ok(option?.additionalEdit, 'the paste widget offers the merge');
      assert.equal(option.title, 'Merge into Upcoming Events, each in its region (1 added, 1 replaced, 2 left out)');
      assert.equal(option.insertText, '');
      assert.ok(await vscode.workspace.applyEdit(option.additionalEdit));

      const text = document.getText();
      assert.ok(text.includes('* 2026-01-21 | Paris, FR | [Rust Paris](https://www.meetup.com/rust-paris)\n    * [**Rust Paris #80**]'), 'the new event is merged');
      assert.ok(!text.includes('* 2026-01-15 | Virtual (Berlin, DE)'), 'the rescheduled event is replaced');
      assert.ok(!text.includes('Rust Oslo in March') && !text.includes('onerror'), 'what the report leaves out is not pasted');
      const report = await waitFor('the report of the paste', () => (api.reportsShown.length > reportsBefore ? api.reportsShown[api.reportsShown.length - 1] : undefined), 10_000);
      assert.match(report, /^Merging 4 events from the pasted lines into the window 2026-01-14 - 2026-02-11: 1 added, 1 replaced, 2 left out\./);
      assert.match(report, /\n {2}2026-03-04 \| Oslo, NO \| Rust Oslo — Rust Oslo in March \(line 5\): after the window 2026-01-14 - 2026-02-11\n/);
      assert.match(report, /\(line 7\): it holds raw HTML \("<img…"\): write the text without it\n/);
    } finally {
      await revertDocument(document, pristine);
    }
  });

  it('says what is wrong with a bad batch and changes nothing', async () => {
    const { document, pristine } = await openForEditing(SEED_DRAFT);
    const original = document.getText();
    const batch = workspaceFile('broken.json');
    await vscode.workspace.fs.writeFile(batch, new TextEncoder().encode('{"Europe": [{"name": "Rust Paris"}]}'));
    try {
      await vscode.commands.executeCommand('twir.mergeEvents', batch);
      assert.equal(document.getText(), original);
    } finally {
      await vscode.workspace.fs.delete(batch);
      await revertDocument(document, pristine);
    }
  });
});
