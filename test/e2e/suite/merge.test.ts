import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SEED_DRAFT, openForEditing, revertDocument, waitFor, workspaceFile } from './helpers';

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
