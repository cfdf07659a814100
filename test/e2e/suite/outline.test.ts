import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  PLAIN_MARKDOWN,
  SEED_DRAFT,
  child,
  documentSymbols,
  flatten,
  isIssueSymbol,
  openWorkspaceFile,
  twirDiagnostics,
  waitFor,
  waitForActivation,
  waitForIssueOutline,
  waitForTwirDiagnostics,
} from './helpers';

describe('outline in a real VS Code', () => {
  it('shows the issue, its Upcoming Events regions with counts, and their events', async () => {
    const draft = await openWorkspaceFile(SEED_DRAFT);
    await waitForActivation();
    const issue = await waitForIssueOutline(draft.uri);
    assert.equal(issue.name, 'This Week in Rust 634');
    assert.equal(issue.detail, '2026-01-14');
    assert.equal(issue.kind, vscode.SymbolKind.File);

    const events = child(issue, 'Upcoming Events');
    assert.match(events.detail, /^52 events · 2026-01-14 - 2026-02-11/);
    assert.deepEqual(
      events.children.map((region) => `${region.name}: ${region.detail}`),
      ['Virtual: 19 events', 'Asia: 3 events', 'Europe: 11 events', 'North America: 19 events'],
    );
    const [firstEvent] = child(events, 'Virtual').children;
    assert.equal(firstEvent.name, '2026-01-07 · Rust Girona');
    assert.equal(firstEvent.kind, vscode.SymbolKind.Event);
    assert.equal(firstEvent.range.start.line, 206); // line 207 of the file
  });

  it('gives a plain Markdown file nothing: no outline of ours, no diagnostics', async () => {
    const plain = await openWorkspaceFile(PLAIN_MARKDOWN);
    await waitForActivation();
    // VS Code's own Markdown outline is there (a positive control: the file was looked at)...
    const symbols = flatten(await waitFor('the built-in Markdown outline', async () => {
      const found = await documentSymbols(plain.uri);
      return found.length > 0 ? found : undefined;
    }));
    // ...and it is the only one: each heading once, named its way, none of our issue symbol or details.
    assert.deepEqual(symbols.map((symbol) => symbol.name).sort(), ['# Notes', '## Upcoming Events']);
    assert.ok(!symbols.some(isIssueSymbol));
    assert.deepEqual(symbols.filter((symbol) => symbol.detail !== ''), []);

    // The server handles documents in order: once an issue opened after the plain file has its
    // diagnostics (a trailing space), the plain file's (empty) ones have been published too.
    const later = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Title: This Week in Rust 700\n\n## Jobs\n\nSee the thread. \n' });
    await waitForTwirDiagnostics(later.uri);
    assert.deepEqual(twirDiagnostics(plain.uri), []);
  });
});
