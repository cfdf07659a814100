/** Conflicts in the language server: one finding each, nothing else inside them, the resolution as a code action and as a command. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CommandResult } from '../../server/src/lsp/protocol';
import { DRAFT, PREVIOUS, entriesOf, gitMergeFile, withEntries } from '../unit/conflict-sides';
import { startServer, type ServerSession } from './server-process';

const OBSERVATIONS = entriesOf(PREVIOUS.text, 'Observations/Thoughts');
const crate = (name: string) => DRAFT.text.replace('<!-- COTW goes here -->', `This week's crate is [${name}](https://crates.io/crates/${name}).`);
const OURS = withEntries(crate('foo'), 'Observations/Thoughts', OBSERVATIONS.slice(0, 2));
const THEIRS = withEntries(crate('bar'), 'Observations/Thoughts', OBSERVATIONS.slice(2, 4));
/** Two conflicts as git leaves them: links in Observations/Thoughts, and the crate of the week. */
const CONFLICTED = gitMergeFile(DRAFT.text, OURS, THEIRS, { diff3: true }).text;
/** The same with the links' conflict resolved: both sides' links. */
const LINKS_RESOLVED = gitMergeFile(
  withEntries(DRAFT.text, 'Observations/Thoughts', OBSERVATIONS.slice(0, 4)),
  withEntries(crate('foo'), 'Observations/Thoughts', OBSERVATIONS.slice(0, 4)),
  withEntries(crate('bar'), 'Observations/Thoughts', OBSERVATIONS.slice(0, 4)),
  { diff3: true },
).text;

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);
}

describe('language server process: merge conflicts', () => {
  let server: ServerSession;
  let root: string;
  let uri: string;
  let diagnostics: Diagnostic[];
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'twir-lsp-conflicts-'));
    server = await startServer({ rootPath: root });
    uri = pathToFileURL(join(root, 'draft', DRAFT.fileName)).href;
    server.open(uri, CONFLICTED);
    diagnostics = await server.diagnostics(uri, 1);
  });
  afterAll(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('reports each conflict once, and nothing else inside it', () => {
    const conflicts = diagnostics.filter((diagnostic) => diagnostic.code === 'text/merge-conflict');
    const markers = CONFLICTED.split('\n').flatMap((line, index) => (line.startsWith('<<<<<<< ') ? [index] : []));
    expect(conflicts.map((diagnostic) => diagnostic.range.start.line)).toEqual(markers);
    const inside = diagnostics.filter((diagnostic) => diagnostic.code !== 'text/merge-conflict' && conflicts.some((conflict) => diagnostic.range.start.line >= conflict.range.start.line && diagnostic.range.start.line <= conflict.range.end.line));
    expect(inside).toEqual([]);
  });

  it("offers \"Resolve by the section's rules\" on a conflict in a list section, and says why not on the other", async () => {
    const conflicts = diagnostics.filter((diagnostic) => diagnostic.code === 'text/merge-conflict');
    const ask = (index: number) => server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: conflicts[index].range, context: { diagnostics: [conflicts[index]] } }) as Promise<CodeAction[]>;
    const actions = await ask(0);
    expect(actions.map((action) => action.title), 'a conflict is resolved, never silenced').not.toContain('Disable text/merge-conflict for this line');
    const [resolve] = actions;
    expect(resolve.title).toBe("Resolve by the section's rules: 4 entries kept (2 from ours, 2 from theirs)");
    expect(resolve.disabled).toBeUndefined();
    const [change] = resolve.edit!.documentChanges as TextDocumentEdit[];
    expect(change.textDocument).toEqual({ uri, version: 1 });
    expect(apply(CONFLICTED, change.edits as TextEdit[])).toBe(LINKS_RESOLVED);
    const [left] = await ask(1);
    expect(left.title).toBe("Resolve by the section's rules");
    expect(left.edit).toBeUndefined();
    expect(left.disabled?.reason).toMatch(/^Left for a person: the conflict spans text that is not a list entry \(ours, "This week's crate is \[foo\]/);
  });

  it('the command resolves every conflict it can, with a preview of the resolution', async () => {
    const result = (await server.connection.sendRequest('workspace/executeCommand', { command: 'twir.server.resolveConflicts', arguments: [uri] })) as CommandResult;
    expect(result.confirm).toBe("Resolve 1 of 2 conflicts by the sections' rules?");
    expect(result.detail).toMatch(/^Line 49 \(Updates from Rust Community \/ Observations\/Thoughts\): resolved: 4 entries kept \(2 from ours, 2 from theirs\)\.\nLine \d+ \(Crate of the Week\): left for a person: /);
    const [change] = result.edit!.documentChanges as TextDocumentEdit[];
    expect(apply(CONFLICTED, change.edits as TextEdit[])).toBe(LINKS_RESOLVED);
    expect(result.preview).toBe('Resolution of 1 of 2 conflicts');
    expect(result.message).toBe("Resolved 1 conflict by the sections' rules. 1 conflict left for a person (why: in the TWiR output).");
  });
});
