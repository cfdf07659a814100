import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ClientApi } from '../../../client/src/common';
import { EXTENSION_ID, SEED_DRAFT, openForEditing, revertDocument, waitFor, workspaceFile } from './helpers';

const PREVIOUS = 'content/2026-01-07-this-week-in-rust.md';
const api = () => vscode.extensions.getExtension(EXTENSION_ID)!.exports as ClientApi;

/** Inserts a line after line `after` (0-based) of the document. */
async function insertLine(document: vscode.TextDocument, after: number, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(after + 1, 0), `${text}\n`);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

describe('this week against last week, in a real VS Code', function () {
  // The machine is shared: the extension host answers slowly at times.
  this.timeout(120_000);
  before(async () => {
    // Last week's issue, published: what the seed draft (2026-01-14) follows.
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await vscode.workspace.fs.writeFile(workspaceFile(PREVIOUS), readFileSync(join(extension.extensionPath, 'test/fixtures/recent/2026-01-07-this-week-in-rust.md')));
  });
  after(async () => {
    await vscode.workspace.fs.delete(workspaceFile('content'), { recursive: true });
  });

  it('shows the draft against content/\'s latest issue, each item at its line, and follows an edit', async () => {
    const { document, pristine } = await openForEditing(SEED_DRAFT);
    try {
      await vscode.commands.executeCommand('twir.reviewWeek');
      const view = api().review;
      const shown = await waitFor('the review of the seed draft', () => view.shown, 60_000).catch((error: Error) => assert.fail(`${error.message}; the view says: ${view.message}`));
      assert.match(shown.summary, /^against TWiR 633: \d+ new, \d+ changed, \d+ dropped$/);
      assert.ok(shown.previousUri.endsWith(`/${PREVIOUS}`), shown.previousUri);
      const groups = view.getChildren().map((node) => view.getTreeItem(node).label);
      assert.ok(groups.includes('Events') && groups.includes('Sections'), groups.join(', '));
      // The fresh draft carries last week's events over; those it wrote otherwise are changed, before → after.
      const changed = shown.items.filter((item) => item.kind === 'changed');
      assert.ok(changed.length > 0 && changed.every((item) => !item.inPrevious && item.detail?.includes(' → ')), JSON.stringify(changed.slice(0, 2)));
      const added = shown.items.filter((item) => item.kind === 'added').length;

      // A new link in the draft: the view follows.
      const official = document.getText().split('\n').indexOf('### Official');
      await insertLine(document, official, '* [A new post](https://example.com/a-new-post)');
      const after = await waitFor('the review to follow the edit', () => (view.shown && view.shown.items.filter((item) => item.kind === 'added').length === added + 1 ? view.shown : undefined));
      const item = after.items.find((candidate) => candidate.label === '* [A new post](https://example.com/a-new-post)')!;
      assert.equal(item.line, official + 1);
      // Its click opens the draft at the line.
      const treeItem = view.getTreeItem({ item });
      assert.equal(treeItem.command?.command, 'vscode.open');
      assert.equal((treeItem.command!.arguments![1] as vscode.TextDocumentShowOptions).selection!.start.line, official + 1);
    } finally {
      await revertDocument(document, pristine);
    }
  });
});

describe('a URL written as a titled link, in a real VS Code, against a local server', function () {
  this.timeout(120_000);
  let server: Server;
  let base: string;
  const requested: string[] = [];
  before(async () => {
    server = createServer((request, response) => {
      requested.push(request.url!);
      const titles: Record<string, string> = { '/post': 'Why Rust &amp; why now', '/other': 'Another &quot;great&quot; read' };
      const title = titles[request.url!.split('?')[0]];
      if (!title) {
        response.writeHead(404, 'Not Found');
        return response.end();
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<html><head><title>${title}</title></head><body></body></html>`);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('the code action "Fetch the page\'s title" rewrites a bare URL as [Title](url), tracking parameters off; a 404 leaves it', async () => {
    const { document, pristine } = await openForEditing(SEED_DRAFT);
    try {
      const official = document.getText().split('\n').indexOf('### Official');
      await insertLine(document, official, `* ${base}/post?utm_source=reddit&id=7`);
      await insertLine(document, official + 1, `* ${base}/missing`);
      const line = official + 1;
      const actionAt = async (at: number) =>
        waitFor('the title action', async () => {
          const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(at, 6, at, 6), vscode.CodeActionKind.RefactorRewrite.value);
          return actions.find((action) => action.command?.command === 'twir.fetchTitle');
        });
      const action = await actionAt(line);
      assert.equal(action.title, 'Fetch the page\'s title: [Title](url)');
      // Listing the actions fetched nothing.
      assert.equal(requested.length, 0);
      await vscode.commands.executeCommand(action.command!.command, ...action.command!.arguments!);
      await waitFor('the titled link', () => (document.lineAt(line).text === `* [Why Rust & why now](${base}/post?id=7)` ? true : undefined));

      const missing = await actionAt(line + 1);
      await vscode.commands.executeCommand(missing.command!.command, ...missing.command!.arguments!);
      await waitFor('the 404 to be asked for', () => (requested.includes('/missing') ? true : undefined));
      assert.equal(document.lineAt(line + 1).text, `* ${base}/missing`);
      assert.deepEqual(requested, ['/post?id=7', '/missing']);
    } finally {
      await revertDocument(document, pristine);
    }
  });
  // The paste option needs a real paste (a keyboard Ctrl+V in the browser): code-server's web
  // workbench pastes a command-triggered paste as plain text, past the paste providers. It is tested
  // end to end by test/e2e/review-titles.mjs, which drives the browser.
});
