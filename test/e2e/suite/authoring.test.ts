import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ruleById } from '../../../server/src/service/rules/index';
import { regionsOfCountry } from '../../../server/src/service/util/countries';
import {
  SEED_DRAFT,
  completionsAt,
  describeDiagnostics,
  labelOf,
  openForEditing,
  revertDocument,
  ruleOf,
  twirDiagnostics,
  waitFor,
} from './helpers';

/** Line 244 of the seed draft: the title of the last event under Upcoming Events › Virtual (then a blank line and `### Asia`). */
const LAST_VIRTUAL_TITLE = 243;
/** The new line a user opens after it, inside the region. */
const NEW_LINE = LAST_VIRTUAL_TITLE + 1;

/** The Markdown of every hover at a position (ours and any other provider's), as one text. */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; ranges: (vscode.Range | undefined)[] }> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[] | undefined>('vscode.executeHoverProvider', uri, position)) ?? [];
  const text = hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n\n');
  return { text, ranges: hovers.map((hover) => hover.range) };
}

describe('authoring aids in a real VS Code', () => {
  let draft: vscode.TextDocument;
  let pristine: string[];

  before(async () => {
    ({ document: draft, pristine } = await openForEditing(SEED_DRAFT));
  });

  afterEach(async () => {
    await revertDocument(draft, pristine);
  });

  it('completes the places, country codes and groups of the region first', async () => {
    // A new event line right under `### Europe`, typed up to its location field.
    const heading = draft.getText().split('\n').indexOf('### Europe');
    const editor = await vscode.window.showTextDocument(draft);
    await editor.edit((edit) => edit.insert(new vscode.Position(heading + 1, 0), '* 2026-01-20 | \n'));
    // Without a word typed, the suggest widget lists by sortText (then label).
    const ordered = (items: vscode.CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b))).map(labelOf);
    const places = ordered(await completionsAt(draft.uri, new vscode.Position(heading + 1, 15)));
    assert.match(places[0], /, (NL|CH|ES|UK|DE|FR)$/, `first offered: ${places.slice(0, 5).join(', ')}`);
    assert.ok(places.indexOf('Amsterdam, NL') < places.findIndex((place) => /^(Atlanta|Austin)\b/.test(place)), 'a North American place before a European one');

    await editor.edit((edit) => edit.insert(new vscode.Position(heading + 1, 15), 'Lyon, '));
    const codes = ordered(await completionsAt(draft.uri, new vscode.Position(heading + 1, 21)));
    const european = codes.filter((code) => (regionsOfCountry(code) as string[]).includes('Europe'));
    assert.deepEqual(codes.slice(0, european.length), european, 'the European codes first');
    assert.ok(codes.indexOf('UK') < codes.indexOf('CA'));
  });

  it('inserts an event of a group known from the issue through completion, inside the window and accepted by the rules', async () => {
    // A new empty line in the region (the end of the line, then Enter, without the editor's list continuation).
    const open = new vscode.WorkspaceEdit();
    open.insert(draft.uri, draft.lineAt(LAST_VIRTUAL_TITLE).range.end, draft.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n');
    assert.ok(await vscode.workspace.applyEdit(open));
    const position = new vscode.Position(NEW_LINE, 0);
    const items = await completionsAt(draft.uri, position);
    const labels = items.map(labelOf);
    // The event shapes, the groups of this issue, and the regions it does not have yet.
    for (const label of ['twir-event', 'twir-event-virtual', 'Rust Berlin', '### Africa']) assert.ok(labels.includes(label), `no completion "${label}" in: ${labels.join(', ')}`);
    assert.ok(!labels.includes('### Asia'), 'offers a region the issue already has');

    const berlin = items.find((item) => labelOf(item) === 'Rust Berlin')!;
    assert.equal(berlin.kind, vscode.CompletionItemKind.Reference);
    assert.equal(berlin.detail, 'Virtual (Berlin, DE) · event of a known group');
    assert.ok(berlin.insertText instanceof vscode.SnippetString, 'the event comes as a snippet (tab stops for date and title)');
    const range = berlin.range instanceof vscode.Range ? berlin.range : berlin.range!.replacing;
    const editor = await vscode.window.showTextDocument(draft);
    assert.ok(await editor.insertSnippet(berlin.insertText, range));

    // The date of the event above (in the window), the group's usual location and URL, a 4-space nested title.
    const overview = draft.lineAt(NEW_LINE).text;
    assert.equal(overview, '* 2026-02-04 | Virtual (Berlin, DE) | [Rust Berlin](https://www.meetup.com/rust-berlin)');
    assert.equal(draft.lineAt(NEW_LINE + 1).text, '    * [**Event title**](https://www.meetup.com/rust-berlin)');
    assert.equal(draft.lineAt(NEW_LINE + 2).text, '');
    const date = overview.slice(2, 12);
    assert.ok(date >= '2026-01-14' && date <= '2026-02-11', `${date} is outside the events window`);
    // The snippet's first tab stop, the date, is selected for overtyping.
    assert.equal(draft.getText(editor.selection), '2026-02-04');

    // Diagnostics of the new text: the first Asia event (out of the window) has moved down two lines.
    await waitFor('diagnostics after the insertion', () =>
      twirDiagnostics(draft.uri).some((diagnostic) => diagnostic.range.start.line === NEW_LINE + 4 && draft.getText(diagnostic.range) === '2026-01-07') ? true : undefined,
    );
    const onNewLines = twirDiagnostics(draft.uri).filter((diagnostic) => diagnostic.range.start.line <= NEW_LINE + 1 && diagnostic.range.end.line >= NEW_LINE);
    // The lines are accepted; only their place is not: on the same day "Virtual (Berlin, DE)" goes
    // before "Virtual (Indianapolis, …)", as the events linter sorts (events/order's fix moves it).
    const serious = onNewLines.filter((diagnostic) => diagnostic.severity <= vscode.DiagnosticSeverity.Warning && ruleOf(diagnostic) !== 'events/order');
    assert.deepEqual(describeDiagnostics(serious), []);
    await vscode.commands.executeCommand('leaveSnippet');
  });

  it('describes a meetup event link: its URL, group and event id', async () => {
    // Line 210: `    * [**Indy.rs - with Social Distancing**](https://www.meetup.com/indyrs/events/312102790/)`
    const { text } = await hoverText(draft.uri, new vscode.Position(209, 60));
    assert.match(text, /<https:\/\/www\.meetup\.com\/indyrs\/events\/312102790\/>/);
    assert.match(text, /Meetup group `indyrs`, event 312102790/);
  });

  it('describes an event date: weekday, days from the issue date, in the window or not', async () => {
    // Line 233: `* 2026-01-27 | Virtual (Dallas, TX, US) | …`
    const inside = await hoverText(draft.uri, new vscode.Position(232, 5));
    assert.match(inside.text, /\*\*Tuesday\*\* 2026-01-27, 13 days after the issue date/);
    assert.match(inside.text, /✓ inside the events window 2026-01-14 - 2026-02-11/);
    assert.deepEqual(inside.ranges.filter(Boolean), [new vscode.Range(232, 2, 232, 12)]);
  });

  it('shows the rule’s docs on a diagnostic, with the date it is about', async () => {
    // Line 207: the Girona event of 2026-01-07, outside the window.
    const { text } = await hoverText(draft.uri, new vscode.Position(206, 5));
    const rule = ruleById('events/out-of-window')!;
    // As Problems shows it in draft/: a carried-over event is information.
    assert.ok(text.includes(`**events/out-of-window** (info): ${rule.docs}`), text);
    assert.match(text, /\*\*Wednesday\*\* 2026-01-07, 7 days before the issue date/);
    assert.match(text, /✗ outside the events window/);
  });
});
