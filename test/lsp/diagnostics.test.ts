import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixture, startServer, type ServerSession } from './server-process';

const ISSUE = [
  'Title: This Week in Rust 634',
  'Number: 634',
  'Date: 2026-01-14',
  'Category: This Week in Rust',
  '',
  '## Updates from Rust Community',
  '',
  '### Official',
  '',
  '- [Announcing Rust 1.93](https://blog.rust-lang.org/2026/01/08/Rust-1.93.0/)',
  '- [Project goals](https://blog.rust-lang.org/2026/01/10/goals/)',
  '',
].join('\n');

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);
}

/** The edits of a code action, which must be for this version of the document (an editor that moved on refuses them). */
function editsFor(action: CodeAction, uri: string, version: number): TextEdit[] {
  const [change] = action.edit!.documentChanges as TextDocumentEdit[];
  expect(change.textDocument).toEqual({ uri, version });
  return change.edits as TextEdit[];
}

const bulletDiagnostics = (diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.code === 'render/bullet');

describe('language server process: diagnostics and code actions', () => {
  let server: ServerSession;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'twir-lsp-'));
    server = await startServer({ rootPath: root });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('publishes diagnostics with code and source, and no URL (the VS Code client links the code to the docs it ships)', async () => {
    const uri = pathToFileURL(join(root, 'draft/2026-01-14-this-week-in-rust.md')).href;
    server.open(uri, ISSUE);
    const diagnostics = bulletDiagnostics(await server.diagnostics(uri, 1));
    expect(diagnostics.map((diagnostic) => diagnostic.range.start.line)).toEqual([9, 10]);
    const [first] = diagnostics;
    expect(first.source).toBe('twir');
    expect(first.code).toBe('render/bullet');
    expect(first.codeDescription).toBeUndefined();
  });

  it('offers the quick fix (preferred), fix-all of the rule and disable-for-line, for the current version', async () => {
    const uri = pathToFileURL(join(root, 'draft/2026-01-14-this-week-in-rust.md')).href;
    void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: ISSUE }] });
    const diagnostics = bulletDiagnostics(await server.diagnostics(uri, 2));
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics: [diagnostics[0]] },
    })) as CodeAction[];
    expect(actions.map((action) => [action.title, action.kind, action.isPreferred ?? false])).toEqual([
      ['Use `*`', 'quickfix', true],
      ['Fix all render/bullet problems (2)', 'quickfix', false],
      ['Disable render/bullet for this line', 'quickfix', false],
    ]);
    const quickFix = editsFor(actions[0], uri, 2);
    expect(applyEdits(ISSUE, quickFix).split('\n')[9]).toBe('* [Announcing Rust 1.93](https://blog.rust-lang.org/2026/01/08/Rust-1.93.0/)');
    const disable = applyEdits(ISSUE, editsFor(actions[2], uri, 2)).split('\n');
    expect(disable[9]).toBe('<!-- twir-lint-disable-next-line render/bullet -->');
    expect(disable[10]).toBe(ISSUE.split('\n')[9]);
  });

  it('judges an issue by its moment: in draft/ the week\'s tasks are information, in content/ errors (the r/rust link a warning, an empty section information)', async () => {
    const seed = fixture('seeds/2026-01-14-this-week-in-rust.md').text;
    const severities = async (folder: string) => {
      const uri = pathToFileURL(join(root, `${folder}/2026-01-14-this-week-in-rust.md`)).href;
      server.open(uri, seed);
      const diagnostics = await server.diagnostics(uri, 1);
      const of = (rule: string, text?: string) => [...new Set(diagnostics.filter((diagnostic) => diagnostic.code === rule && (!text || seed.split('\n')[diagnostic.range.start.line].includes(text))).map((diagnostic) => diagnostic.severity))];
      return { uri, diagnostics, outOfWindow: of('events/out-of-window'), jobs: of('placeholder/link', 'INSERT_LINK_HERE'), reddit: of('placeholder/link', 'REDDIT_LINK_HERE'), empty: of('section/empty') };
    };
    const draft = await severities('draft');
    // 1 error, 2 warning, 3 information.
    expect([draft.outOfWindow, draft.jobs, draft.reddit, draft.empty]).toEqual([[3], [3], [3], [3]]);
    const published = await severities('content');
    // An empty section without its sentence: editors published half the issues of 2026 so.
    expect([published.outOfWindow, published.jobs, published.reddit, published.empty]).toEqual([[1], [1], [2], [3]]);

    // Fix-all (and so a save) on the draft still removes the carried-over events, and fills no section in.
    const [fixAll] = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: draft.uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.twir'] },
    })) as CodeAction[];
    const fixed = applyEdits(seed, editsFor(fixAll, draft.uri, 1));
    expect(fixed.split('\n').length).toBeLessThan(seed.split('\n').length - 2 * 10);
    expect(fixed.match(/^\*No .*this week\.\*$/gm)?.length ?? 0).toBe(seed.match(/^\*No .*this week\.\*$/gm)?.length ?? 0);
  });

  it('refuses a fix asked for with the diagnostic of an older version; fixes the right event for the current one', async () => {
    const uri = pathToFileURL(join(root, 'draft/2026-01-14-this-week-in-rust.md')).href;
    const seed = fixture('seeds/2026-01-14-this-week-in-rust.md').text;
    void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 10 }, contentChanges: [{ text: seed }] });
    const [old] = (await server.diagnostics(uri, 10)).filter((diagnostic) => diagnostic.code === 'events/out-of-window');
    // The editor inserts a line above the events before asking for the fix of `old`.
    const edited = `Hello and welcome!\n${seed}`;
    void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 11 }, contentChanges: [{ text: edited }] });
    const ask = (diagnostic: Diagnostic) =>
      server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) as Promise<CodeAction[]>;
    expect((await ask(old)).map((action) => action.title)).not.toContain('Remove the event');
    const [current] = (await server.diagnostics(uri, 11)).filter((diagnostic) => diagnostic.code === 'events/out-of-window');
    const remove = (await ask(current)).find((action) => action.title === 'Remove the event')!;
    const after = applyEdits(edited, editsFor(remove, uri, 11));
    expect(after.split('\n').length).toBe(edited.split('\n').length - 2);
    expect(edited.split('\n')[current.range.start.line]).not.toBe(undefined);
    expect(after).not.toContain(edited.split('\n')[current.range.start.line]);
    expect(after).toContain(edited.split('\n')[current.range.start.line + 2]);
  });

  it('applies source.fixAll.twir as minimal edits, keeping CRLF, leaving hints alone, and a second pass has nothing to do', async () => {
    const uri = pathToFileURL(join(root, 'notes/crlf-issue.md')).href;
    const crlf = `${ISSUE.replace(/\n/g, '\r\n')}trailing text   \r\n`;
    server.open(uri, crlf);
    await server.diagnostics(uri, 1);
    const request = () =>
      server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.twir'] },
      }) as Promise<CodeAction[]>;
    const [fixAll] = await request();
    expect(fixAll.kind).toBe('source.fixAll.twir');
    const fixed = applyEdits(crlf, editsFor(fixAll, uri, 1));
    // The trailing spaces are a hint: fix-all leaves them to a person.
    expect(fixed).toBe(crlf.replace(/\r\n- /g, '\r\n* '));
    void server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: fixed }],
    });
    await server.diagnostics(uri, 2);
    expect(await request()).toEqual([]);
  });

  it('honours twir-lint-disable comments and .twir-lint.json', async () => {
    writeFileSync(join(root, '.twir-lint.json'), JSON.stringify({ rules: { 'text/trailing-space': 'off' } }));
    void server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(root, '.twir-lint.json')).href, type: 1 }] });
    const uri = pathToFileURL(join(root, 'notes/suppressed-issue.md')).href;
    const text = ISSUE.replace('- [Project goals]', '<!-- twir-lint-disable-next-line render/bullet -->\n- [Project goals]') + 'trailing   \n';
    server.open(uri, text);
    const diagnostics = (await server.diagnostics(uri, 1)).filter((diagnostic) => diagnostic.code === 'render/bullet' || diagnostic.code === 'text/trailing-space');
    expect(diagnostics.map((diagnostic) => `${diagnostic.code}@${diagnostic.range.start.line}`)).toEqual(['render/bullet@9']);
  });
});
