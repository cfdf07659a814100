import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  SEED_DRAFT,
  describeDiagnostics,
  openForEditing,
  revertDocument,
  ruleOf,
  twirDiagnostics,
  waitFor,
} from './helpers';

/** The seed draft's events window: every event left after fixing falls inside it. */
const WINDOW = { start: '2026-01-14', end: '2026-02-11' };

function diagnosticsOf(uri: vscode.Uri, rule: string): vscode.Diagnostic[] {
  return twirDiagnostics(uri).filter((diagnostic) => ruleOf(diagnostic) === rule);
}

function diagnosticOn(document: vscode.TextDocument, rule: string, line: number, text: string): vscode.Diagnostic {
  const found = diagnosticsOf(document.uri, rule).find((diagnostic) => diagnostic.range.start.line === line && document.getText(diagnostic.range) === text);
  assert.ok(found, `no ${rule} on "${text}" in line ${line + 1}; there are:\n${describeDiagnostics(twirDiagnostics(document.uri)).join('\n')}`);
  return found;
}

/**
 * The code actions of every provider. VS Code cancels such a query when the document changes or a code
 * action provider comes or goes meanwhile (extensions activating); a canceled query is asked again.
 */
async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
    } catch (error) {
      if (attempt === 3 || (error as Error).name !== 'Canceled') throw error;
    }
  }
}

function wholeDocument(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(0, 0, document.lineCount, 0);
}

/** The text without the given lines (0-based), as the document writes line ends. */
function withoutLines(text: string, eol: string, ...lines: number[]): string {
  return text.split(eol).filter((_, index) => !lines.includes(index)).join(eol);
}

/** What `twir-lint --fix` (the CI's engine, run as its own process) makes of a copy of the file on disk. */
function fixedByCli(path: string): string {
  const cli = join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
  const folder = mkdtempSync(join(tmpdir(), 'twir-e2e-cli-'));
  try {
    const copy = join(folder, basename(path)); // the file name carries its date
    writeFileSync(copy, readFileSync(path));
    // Under a desktop VS Code, execPath is Electron: this makes it the Node it contains.
    const run = spawnSync(process.execPath, [cli, '--fix', copy], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' });
    assert.ok(run.status === 0 || run.status === 1, `twir-lint --fix failed (exit ${run.status}): ${run.stderr}`);
    return readFileSync(copy, 'utf8');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('diagnostics and quick fixes in a real VS Code', () => {
  let draft: vscode.TextDocument;
  let original: string;
  /** The diagnostics of the draft as it is on disk; each test leaves it so. */
  let pristine: string[];

  before(async () => {
    ({ document: draft, pristine } = await openForEditing(SEED_DRAFT));
    original = draft.getText();
  });

  afterEach(async () => {
    await revertDocument(draft, pristine);
    assert.equal(draft.getText(), original);
  });

  it('squiggles the seed draft’s real defects with their rule, severity, range and docs', async () => {
    // Line 207: the 2026-01-07 Girona event, a week before the window.
    const outOfWindow = diagnosticOn(draft, 'events/out-of-window', 206, '2026-01-07');
    // In draft/, a carried-over event is the week's work: information until the issue is published.
    assert.equal(outOfWindow.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(outOfWindow.message, `2026-01-07 is before the window ${WINDOW.start} - ${WINDOW.end}.`);
    assert.equal(diagnosticsOf(draft.uri, 'events/out-of-window').length, 17);
    // The rule's code links to its docs.
    assert.equal(typeof outOfWindow.code, 'object');
    assert.match(String((outOfWindow.code as { target: vscode.Uri }).target), /out-of-window/);

    assert.equal(diagnosticOn(draft, 'text/mojibake', 212, '眉').severity, vscode.DiagnosticSeverity.Error); // N眉rnberg
    assert.equal(diagnosticOn(draft, 'placeholder/link', 326, 'INSERT_LINK_HERE').severity, vscode.DiagnosticSeverity.Information);
    assert.equal(diagnosticOn(draft, 'placeholder/link', 350, 'REDDIT_LINK_HERE').severity, vscode.DiagnosticSeverity.Information);
  });

  it("opens a finding's rule documentation, shipped with the extension, in a Markdown preview from its code", async () => {
    const { target } = diagnosticOn(draft, 'events/out-of-window', 206, '2026-01-07').code as { value: string; target: vscode.Uri };
    // The server sends no URL: the client's middleware made the code a command: link.
    assert.equal(target.scheme, 'command');
    assert.equal(target.path, 'twir.showRuleDoc');
    // Opened as the workbench opens a code link (its opener runs command: URIs with their JSON arguments).
    await vscode.commands.executeCommand(target.path, ...JSON.parse(target.query));
    const preview = await waitFor('the Markdown preview of the rule', () =>
      vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType) && tab.label.includes('out-of-window.md')),
    );
    const doc = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'docs/rules/events/out-of-window.md');
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(doc)), /^# `events\/out-of-window`\n/);
    await vscode.window.tabGroups.close(preview);
  });

  it('removes an event outside the window with its quick fix, and the squiggle goes', async () => {
    const girona = diagnosticOn(draft, 'events/out-of-window', 206, '2026-01-07');
    const actions = await codeActions(draft.uri, girona.range, 'quickfix');
    assert.deepEqual(
      actions.map((action) => `${action.kind?.value}: ${action.title}`),
      ['quickfix: Remove the event', 'quickfix: Fix all events/out-of-window problems (17)', 'quickfix: Disable events/out-of-window for this line'],
    );
    const [fix] = actions;
    assert.equal(fix.isPreferred, true);

    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    const eol = draft.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    // Exactly its two lines: the overview and the nested title (which also carried two mojibake).
    assert.equal(draft.getText(), withoutLines(original, eol, 206, 207));
    await waitFor('the Girona diagnostics to go', () =>
      diagnosticsOf(draft.uri, 'events/out-of-window').length === 16 && diagnosticsOf(draft.uri, 'text/mojibake').length === 6 ? true : undefined,
    );
    // Line 207 is now the Indianapolis event of the same day, still reported.
    assert.equal(draft.lineAt(206).text, '* 2026-01-07 | Virtual (Indianapolis, IN, US) | [Indy Rust](https://www.meetup.com/indyrs)');
    diagnosticOn(draft, 'events/out-of-window', 206, '2026-01-07');
  });

  it('re-decodes mojibake with its quick fix, touching nothing else', async () => {
    const mojibake = diagnosticOn(draft, 'text/mojibake', 212, '眉');
    const [fix] = await codeActions(draft.uri, mojibake.range, 'quickfix');
    assert.equal(fix.title, 'Re-decode as UTF-8: "ü"');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(draft.lineAt(212).text, '* 2026-01-08 | Virtual (Nürnberg, DE) | [Rust Nuremberg](https://www.meetup.com/rust-noris)');
    assert.equal(draft.getText(), original.replace('N眉rnberg, DE', 'Nürnberg, DE'));
    await waitFor('the mojibake diagnostic on line 213 to go', () =>
      diagnosticsOf(draft.uri, 'text/mojibake').length === 7 && !diagnosticsOf(draft.uri, 'text/mojibake').some((diagnostic) => diagnostic.range.start.line === 212) ? true : undefined,
    );
  });

  it('fixes everything safe with source.fixAll.twir as twir-lint --fix does, and a second fix-all offers nothing', async () => {
    // What the Fix All command and `editor.codeActionsOnSave` ask for: the source.fixAll actions.
    const [fixAll, ...others] = await codeActions(draft.uri, wholeDocument(draft), 'source.fixAll');
    assert.equal(others.length, 0);
    assert.equal(fixAll.kind?.value, 'source.fixAll.twir');
    assert.equal(fixAll.title, 'Fix all TWiR problems');
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit!));

    const text = draft.getText();
    assert.equal(text, fixedByCli(draft.uri.fsPath));
    const dates = [...text.matchAll(/^\* (\d{4}-\d{2}-\d{2})/gm)].map((match) => match[1]);
    assert.equal(dates.length, 52 - 17);
    assert.deepEqual(dates.filter((date) => date < WINDOW.start || date > WINDOW.end), []);
    assert.doesNotMatch(text, /[眉贸]/);
    assert.match(text, /Sessió setmanal de codificació/);
    // Fix-all fills nothing in: the sections nobody has written yet stay empty, without a "none" sentence.
    const noneSentences = (of: string) => (of.match(/^\*No .*this week\.\*$/gm) ?? []).length;
    assert.equal(noneSentences(text), noneSentences(original));

    // Only the week's tasks are left — the placeholders (their real links must be looked up) and the
    // empty sections, as information in a draft — and a hint, whose fix fix-all leaves to a person.
    await waitFor('the diagnostics of the fixed draft', () => (diagnosticsOf(draft.uri, 'events/out-of-window').length === 0 ? true : undefined));
    assert.deepEqual(describeDiagnostics(twirDiagnostics(draft.uri)), [
      ...[[66, 21], [116, 19], [131, 17], [148, 70], [164, 27], [189, 69]].map(([line, end]) => `${line}:1-${line}:${end} Information section/empty`),
      '204:48-204:49 Hint text/trailing-space',
      '293:55-293:71 Information placeholder/link',
      '317:28-317:44 Information placeholder/link',
    ]);
    assert.deepEqual(await codeActions(draft.uri, wholeDocument(draft), 'source.fixAll'), []);
  });
});
