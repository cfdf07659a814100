/**
 * Shared helpers of the extension tests: open a file of the test workspace (a temporary copy of a
 * TWiR-like tree, see scripts/e2e/code-server.mjs), wait for our extension, our outline and our
 * diagnostics. Things arrive asynchronously from the language server, so tests poll with `waitFor`.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import manifest from '../../../package.json';

export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
/** Files of the test workspace. */
export const SEED_DRAFT = 'draft/2026-01-14-this-week-in-rust.md';
export const PLAIN_MARKDOWN = 'notes/README.md';

export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Opens a file of the test workspace in an editor. */
export async function openWorkspaceFile(relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relative));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Polls `probe` until it returns something other than undefined, or fails after `timeout` ms saying what it waited for. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeout = 90_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until opening a Markdown file has activated the extension (its activation event, not a forced activate()). */
export async function waitForActivation(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  await waitFor(`${EXTENSION_ID} to activate`, () => (extension.isActive ? true : undefined));
}

/** The document symbols of all providers (ours and VS Code's built-in Markdown one), as the Outline view gets them. */
export async function documentSymbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  return (await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
}

export function flatten(symbols: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((symbol) => [symbol, ...flatten(symbol.children)]);
}

/** Our outline's root symbol is the issue itself; no other provider names one like it. */
export function isIssueSymbol(symbol: vscode.DocumentSymbol): boolean {
  return symbol.name.startsWith('This Week in Rust');
}

/** Waits for our outline of a document and returns its root (the issue) symbol. */
export async function waitForIssueOutline(uri: vscode.Uri): Promise<vscode.DocumentSymbol> {
  return waitFor(`the TWiR outline of ${uri.path}`, async () => (await documentSymbols(uri)).find(isIssueSymbol));
}

export function twirDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'twir');
}

/** Waits until the language server has published at least one diagnostic for the document. */
export async function waitForTwirDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return waitFor(`twir diagnostics on ${uri.path}`, () => {
    const diagnostics = twirDiagnostics(uri);
    return diagnostics.length > 0 ? diagnostics : undefined;
  });
}

export function child(symbol: vscode.DocumentSymbol, name: string): vscode.DocumentSymbol {
  const found = symbol.children.find((candidate) => candidate.name === name);
  assert.ok(found, `no symbol "${name}" under "${symbol.name}" (has: ${symbol.children.map((candidate) => candidate.name).join(', ')})`);
  return found;
}

/** A diagnostic's rule id: the client turns a code with a docs link into `{ value, target }`. */
export function ruleOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

/** One line per diagnostic, `line:col-line:col severity rule` (1-based, as the Problems panel counts), to compare and to print. */
export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string[] {
  const at = (position: vscode.Position) => `${position.line + 1}:${position.character + 1}`;
  return diagnostics.map((diagnostic) => `${at(diagnostic.range.start)}-${at(diagnostic.range.end)} ${vscode.DiagnosticSeverity[diagnostic.severity]} ${ruleOf(diagnostic)}`);
}

/**
 * Undoes a test's edits of a workspace file (later tests expect it as it is on disk) and waits until its
 * diagnostics are `pristine` again (`describeDiagnostics` of the file before the edits), not stale ones.
 */
export async function revertDocument(document: vscode.TextDocument, pristine: readonly string[]): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(document.isDirty, false, `${document.uri.path} is still modified after reverting`);
  await waitFor(`the diagnostics of the reverted ${document.uri.path}`, () =>
    describeDiagnostics(twirDiagnostics(document.uri)).join('\n') === pristine.join('\n') ? true : undefined,
  );
}

/**
 * Turns off auto save, which the web workbench (code-server) has on by default (a desktop VS Code does
 * not): a test's edits would otherwise reach the workspace's files on disk after a second, and reverting
 * would no longer undo them.
 */
export async function keepEditsUnsaved(): Promise<void> {
  await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
}

/** Opens a workspace file that tests will edit: auto save off, its diagnostics in, and those noted for `revertDocument`. */
export async function openForEditing(relative: string): Promise<{ document: vscode.TextDocument; pristine: string[] }> {
  await keepEditsUnsaved();
  const document = await openWorkspaceFile(relative);
  await waitForActivation();
  await waitForTwirDiagnostics(document.uri);
  return { document, pristine: describeDiagnostics(twirDiagnostics(document.uri)) };
}

/** The language server this extension host started (a child of it: other VS Code windows have their own). */
export function serverPid(): number | undefined {
  try {
    const pids = execFileSync('pgrep', ['-P', String(process.pid), '-f', 'dist/server.js'], { encoding: 'utf8' }).trim().split('\n');
    return pids[0] ? Number(pids[0]) : undefined;
  } catch {
    return undefined; // pgrep exits 1 when nothing matches
  }
}

/** The label of a completion item. */
export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Every completion item at a position, from every provider (ours, VS Code's snippets, the Markdown extension's). */
export async function completionsAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items;
}
