import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem, CreateFile, DocumentLink, Hover, MarkupContent, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { buildModel } from '../../server/src/service/model/build';
import { applyEdits } from '../../server/src/service/rules/fixes';
import { ruleById } from '../../server/src/service/rules/index';
import { relatedIssue } from '../../server/src/service/providers/related';
import { knownEvents } from '../../server/src/service/providers/known';
import { parseIsoDate, weekdayName } from '../../server/src/service/util/dates';
import { OUT_OF_WINDOW_RULE, SORT_EVENTS_RULE } from '../../server/src/service/commands/events';
import { composeDraft, eventsListOf } from '../../server/src/service/commands/new-draft';
import type { CommandResult } from '../../server/src/lsp/protocol';
import { fixture, FIXTURES, startServer, type ServerSession } from './server-process';

/**
 * Completion, hover, document links and commands through the real server process, on a TWiR
 * checkout made of the fixtures: `content/` with two published issues, `draft/` with the template
 * and the draft of issue 666.
 */
/** A command's answer that carries an edit of one document, for the version the server has. */
interface CommandEdit {
  edit: { documentChanges: { textDocument: { uri: string; version: number }; edits: TextEdit[] }[] };
  confirm?: string;
  confirmAction?: string;
  message?: string;
}

describe('language server process: authoring aids', () => {
  let server: ServerSession;
  let checkout: string;
  let draft: { uri: string; text: string; path: string };
  const lines = () => draft.text.split('\n');
  const lineOf = (predicate: (line: string) => boolean, from = 0) => lines().findIndex((line, index) => index >= from && predicate(line));

  beforeAll(async () => {
    checkout = mkdtempSync(join(tmpdir(), 'twir-checkout-'));
    mkdirSync(join(checkout, 'content'));
    mkdirSync(join(checkout, 'draft'));
    for (const name of ['2025-09-10-this-week-in-rust.md', '2026-08-19-this-week-in-rust.md']) copyFileSync(join(FIXTURES, 'published', name), join(checkout, 'content', name));
    for (const name of ['DRAFT_TEMPLATE', '2026-08-26-this-week-in-rust.md']) copyFileSync(join(FIXTURES, 'draft', name), join(checkout, 'draft', name));
    const path = join(checkout, 'draft', '2026-08-26-this-week-in-rust.md');
    draft = { path, uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') };
    server = await startServer({ rootPath: checkout });
    server.open(draft.uri, draft.text);
    // Diagnosed at once, then again once the issues in content/ are read in the background.
    await server.diagnostics(draft.uri, 1);
    await server.diagnostics(draft.uri, 1);
  });
  afterAll(async () => {
    await server.stop();
    rmSync(checkout, { recursive: true, force: true });
  });

  const complete = (line: number, character: number) =>
    server.connection.sendRequest('textDocument/completion', { textDocument: { uri: draft.uri }, position: { line, character } }) as Promise<CompletionItem[]>;
  const hoverAt = async (uri: string, line: number, character: number) => {
    const result = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as Hover | null;
    return result ? (result.contents as MarkupContent).value : undefined;
  };
  const newText = (item: CompletionItem) => (item.textEdit as TextEdit).newText;

  it('offers a whole event at the start of a line in a region, dated inside the window', async () => {
    const europe = lineOf((line) => line === '### Europe');
    const items = await complete(europe + 1, 0);
    const event = items.find((item) => item.label === 'twir-event')!;
    expect(event.insertTextFormat).toBe(2);
    const [overview, title] = newText(event).split('\n');
    const date = parseIsoDate(/^\* \$\{1:([\d-]+)\}/.exec(overview)![1])!;
    expect(date.dayNumber).toBeGreaterThanOrEqual(parseIsoDate('2026-08-26')!.dayNumber);
    expect(date.dayNumber).toBeLessThanOrEqual(parseIsoDate('2026-09-23')!.dayNumber);
    expect(title).toMatch(/^ {4}\* \[\*\*\$\{\d+:[^}]+\}\*\*\]\(/);
    // The documentation previews the two lines as they come out when the user only presses Tab.
    const preview = (event.documentation as MarkupContent).value;
    expect(preview).toMatch(/^```markdown\n\* \d{4}-\d\d-\d\d \| [^\n$]+\n {4}\* \[\*\*[^$\n]+\*\*\]\([^$\n]+\)\n```$/);
    expect(items.map((item) => item.label)).toEqual(expect.arrayContaining(['twir-event-virtual', 'twir-event-hybrid', 'twir-event-groups', 'twir-event-range']));
  });

  it('offers the groups of the issues beside the draft, read from content/, with their usual location and URL', async () => {
    const published = buildModel(readFileSync(join(checkout, 'content', '2025-09-10-this-week-in-rust.md'), 'utf8'));
    const inDraft = new Set(knownEvents(buildModel(draft.text), []).groups.map((group) => group.name));
    // A group that met in Europe only in the published issue: offered under Europe with that location.
    const onlyPublished = knownEvents(published, [])
      .groups.filter((group) => !inDraft.has(group.name))
      .find((group) => /, (DE|FR|NL|UK|ES|IT|CH|AT|PL|SE|DK|NO|FI|BE|CZ|PT|IE)$/.test(group.location))!;
    const items = await complete(lineOf((line) => line === '### Europe') + 1, 0);
    const item = items.find((candidate) => candidate.label === onlyPublished.name)!;
    expect(newText(item)).toContain(`| [${onlyPublished.name}](${onlyPublished.url})`);
    expect(newText(item)).toContain(`\${2:${onlyPublished.location.replace(/[$}\\]/g, '\\$&')}}`);
    // Groups that meet only online are not offered under a continent.
    const other = buildModel(readFileSync(join(checkout, 'content', '2026-08-19-this-week-in-rust.md'), 'utf8'));
    const everyGroup = knownEvents(buildModel(draft.text), [published, other].map((model) => relatedIssue('', model))).groups;
    const virtualOnly = everyGroup.find((group) => group.locations.every((location) => location.startsWith('Virtual')))!;
    expect(items.some((candidate) => candidate.label === virtualOnly.name)).toBe(false);
  });

  it('offers country codes with their names after a city in the location field', async () => {
    const line = lineOf((text) => /^\* \d{4}-\d\d-\d\d \| [A-Z][a-z]+, [A-Z]{2} \|/.test(text), lineOf((text) => text === '### Europe'));
    const text = lines()[line];
    const character = text.indexOf(', ') + 2;
    const items = await complete(line, character);
    expect(items.find((item) => item.label === 'DE')).toMatchObject({ detail: 'Germany' });
    expect(items.find((item) => item.label === 'UK')).toMatchObject({ detail: 'United Kingdom' });
    expect(items.some((item) => item.label === 'GB')).toBe(false);
  });

  it('offers the locations and groups already used right after the first `|`', async () => {
    const uri = 'file:///tmp/twir-location/2026-08-26-this-week-in-rust.md';
    const text = draft.text.replace('### Europe\n', '### Europe\n* 2026-09-01 |\n');
    server.open(uri, text);
    const line = text.split('\n').indexOf('* 2026-09-01 |');
    const items = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: 14 } })) as CompletionItem[];
    expect(items.find((item) => item.label === 'Berlin, DE' && item.kind === 12)).toMatchObject({ textEdit: { newText: ' Berlin, DE' } });
    const berlin = knownEvents(buildModel(text), []).groups.find((group) => group.name === 'Rust Berlin')!;
    expect(items.find((item) => item.label === 'Rust Berlin')).toMatchObject({ textEdit: { newText: ` ${berlin.location} | [Rust Berlin](https://www.meetup.com/rust-berlin)` } });
  });

  it('offers the region headings the events section does not have yet', async () => {
    const items = await complete(lineOf((line) => line === '### Europe') - 1, 0);
    const labels = items.map((item) => item.label);
    expect(labels).toContain('### South America');
    expect(labels).not.toContain('### Europe');
  });

  it('offers the CFP line shapes in the CFP sections', async () => {
    const projects = lineOf((line) => line === '### CFP - Projects');
    const items = await complete(projects + 1, 0);
    expect(items.map((item) => item.label)).toEqual(['twir-cfp-project', 'twir-none-cfp-projects']);
  });

  it('hovers a link with what it points to and where else it appears', async () => {
    const europe = lineOf((line) => line === '### Europe');
    const line = lineOf((text) => text.includes('](https://www.meetup.com/'), europe);
    const text = lines()[line];
    const value = (await hoverAt(draft.uri, line, text.lastIndexOf('](') - 2))!;
    const url = /\]\((https:\/\/www\.meetup\.com\/[^)]+)\)/.exec(text)![1];
    expect(value).toContain(`<${url}>`);
    expect(value).toMatch(/Meetup group `[^`]+`/);
    expect(value).toContain('2026-08-19-this-week-in-rust.md');
  });

  it('hovers an event date with its weekday and the window', async () => {
    const line = lineOf((text) => text.startsWith('* 2026-08-19 |'));
    const value = (await hoverAt(draft.uri, line, 4))!;
    expect(value).toContain('**Wednesday** 2026-08-19, 7 days before the issue date');
    expect(value).toContain('outside the events window 2026-08-26 - 2026-09-23');
  });

  it('hovers a country code with its country and region', async () => {
    const line = lineOf((text) => / \| [^|]+, IN \|/.test(text));
    const value = (await hoverAt(draft.uri, line, lines()[line].indexOf(', IN') + 3))!;
    expect(value).toContain('`IN`: **India**, listed under **Asia**');
  });

  it("hovers a diagnostic with its rule's documentation", async () => {
    const seed = fixture('seeds/2024-01-24-this-week-in-rust.md');
    server.open(seed.uri, seed.text);
    const diagnostic = (await server.diagnostics(seed.uri))[0];
    const value = (await hoverAt(seed.uri, diagnostic.range.start.line, diagnostic.range.start.character))!;
    expect(value).toContain(ruleById(String(diagnostic.code))!.docs);
  });

  it('links references to their definitions and the issue links to their URLs', async () => {
    const links = (await server.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: draft.uri } })) as DocumentLink[];
    const reference = lineOf((line) => line.includes('][submit_crate]'));
    expect(links).toContainEqual(expect.objectContaining({ target: 'https://users.rust-lang.org/t/crate-of-the-week/2704', range: expect.objectContaining({ start: { line: reference, character: 0 } }) }));
    expect(links.some((link) => link.target === 'https://www.rust-lang.org/')).toBe(true);
    expect(links.some((link) => link.target?.includes('INSERT_LINK_HERE'))).toBe(false);
  });

  it('asks for the date of a new draft, offering the one create_draft.py picks: the Wednesday 4 to 10 days ahead', async () => {
    const result = (await server.connection.sendRequest('workspace/executeCommand', { command: 'twir.server.newDraft', arguments: [draft.uri] })) as CommandResult;
    const offered = parseIsoDate(result.input!.value)!;
    const today = Math.floor(Date.now() / 86_400_000);
    expect(offered.dayNumber - today).toBeGreaterThanOrEqual(4);
    expect(offered.dayNumber - today).toBeLessThanOrEqual(10);
    expect(weekdayName(offered)).toBe('Wednesday');
    const refused = (await server.connection.sendRequest('workspace/executeCommand', { command: 'twir.server.newDraft', arguments: [draft.uri, '2026-09-03'] })) as CommandResult;
    expect(refused).toEqual({ message: '2026-09-03 is a Thursday: issues come out on Wednesdays.' });
  });

  it('creates the draft of the date given from the template, saved at once, with the previous events carried over', async () => {
    const result = (await server.connection.sendRequest('workspace/executeCommand', { command: 'twir.server.newDraft', arguments: [draft.uri, '2026-09-02'] })) as {
      edit: { documentChanges: [CreateFile, TextDocumentEdit] };
      open: string;
      save: boolean;
      message: string;
    };
    expect(result.save).toBe(true);
    expect(result.message).toBe('Created draft/2026-09-02-this-week-in-rust.md: issue 667 of 2026-09-02, events window 2026-09-02 – 2026-09-30, 55 events carried over from issue 666.');
    const [create, insert] = result.edit.documentChanges;
    const target = pathToFileURL(join(checkout, 'draft', '2026-09-02-this-week-in-rust.md')).href;
    expect(create).toMatchObject({ kind: 'create', uri: target });
    expect(result.open).toBe(target);
    const text = (insert.edits[0] as TextEdit).newText;
    expect(text.split('\n').slice(0, 3)).toEqual(['Title: This Week in Rust 667', 'Number: 667', 'Date: 2026-09-02']);
    expect(text).toContain('Rusty Events between 2026-09-02 - 2026-09-30 🦀');
    const previousEvents = draft.text.slice(draft.text.indexOf('### Virtual'), draft.text.indexOf('If you are running a Rust event')).trim();
    expect(text).toContain(previousEvents);
    expect(text).not.toMatch(/\$twir_/);
  });

  it('answers the publish readiness as typed items, each at its line', async () => {
    const { readiness } = (await server.connection.sendRequest('workspace/executeCommand', { command: 'twir.server.checkPublishReadiness', arguments: [draft.uri] })) as CommandResult;
    const jobs = lineOf((line) => line.includes('(INSERT_LINK_HERE)'));
    expect(readiness?.ready).toBe(false);
    // Counted as Problems counts the draft (its publishing tasks are information); the items are the publishing check.
    expect(readiness?.summary).toMatch(/^TWiR 666 · \d+ infos$/);
    expect(readiness?.items).toContainEqual(expect.objectContaining({ kind: 'empty-section', label: 'Updates from the Rust Project › Rust Compiler Performance Triage', severity: 'error' }));
    expect(readiness?.items).toContainEqual(expect.objectContaining({ kind: 'placeholder', group: ['Placeholders left'], line: jobs, detail: 'Jobs' }));
    expect(readiness?.items).toContainEqual(expect.objectContaining({ kind: 'empty-section', label: 'Call for Participation; projects and speakers › CFP - Projects' }));
  });

  it('prepares the draft for publishing after the person confirms: what it does, and what is left for a person', async () => {
    const result = (await server.connection.sendRequest('workspace/executeCommand', { command: 'twir.server.preparePublishing', arguments: [draft.uri] })) as CommandResult;
    expect(result.confirm).toMatch(/^Prepare for publishing: remove 16 events outside the window, write the "none this week" sentence in \d+ empty sections\?$/);
    expect(result.confirmAction).toBe('Prepare');
    expect(result.detail).toContain('Still missing: No crate of the week yet');
    const [change] = result.edit!.documentChanges as TextDocumentEdit[];
    expect(change.textDocument).toEqual({ uri: draft.uri, version: 1 });
  });

  it.skipIf(!ruleById(OUT_OF_WINDOW_RULE))('removes the events outside the window with the events rule', async () => {
    const result = (await server.connection.sendRequest('workspace/executeCommand', { command: 'twir.server.removeOutOfWindowEvents', arguments: [draft.uri] })) as CommandEdit;
    // 16 of 52 events: routine, no question asked; the edit is for the version the server has.
    expect(result.confirm).toBeUndefined();
    expect(result.message).toBe('Removed 16 events outside the window (Virtual 5, Asia 3, Europe 3, North America 5).');
    expect(result.edit.documentChanges[0].textDocument).toEqual({ uri: draft.uri, version: 1 });
    const model = buildModel(draft.text);
    const after = buildModel(applyEdits(draft.text, model.lines, result.edit.documentChanges[0].edits));
    const start = parseIsoDate('2026-08-26')!.dayNumber;
    const dates = after.events!.regions.flatMap((region) => region.events.map((entry) => entry.event!.date!.start!.dayNumber));
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((day) => day >= start)).toBe(true);
  });

  it('asks before removing events on a doubtful header date, with the count and the reason', async () => {
    const uri = 'file:///tmp/twir-doubt/2026-01-14-this-week-in-rust.md';
    // A typo in the header: 2026-11-14 for 2026-01-14 (a Saturday, not the file name's date).
    const text = fixture('seeds/2026-01-14-this-week-in-rust.md').text.replace('Date: 2026-01-14', 'Date: 2026-11-14');
    server.open(uri, text);
    const result = (await server.connection.sendRequest('workspace/executeCommand', { command: 'twir.server.removeOutOfWindowEvents', arguments: [uri] })) as CommandEdit;
    expect(result.confirm).toMatch(/^Remove 52 events outside the window\? Not routine: the header date 2026-11-14 is not a Wednesday\.$/);
    expect(result.confirmAction).toBe('Remove');
  });

  it.skipIf(!ruleById(SORT_EVENTS_RULE))('sorts the events with the events rule', async () => {
    const uri = 'file:///tmp/twir-sort/2026-01-14-this-week-in-rust.md';
    const text = fixture('seeds/2026-01-14-this-week-in-rust.md').text.replace(/(\* 2026-01-\d\d [^\n]*\n {4}[^\n]*\n)(\* 2026-01-\d\d [^\n]*\n {4}[^\n]*\n)/, '$2$1');
    server.open(uri, text);
    const result = (await server.connection.sendRequest('workspace/executeCommand', { command: 'twir.server.sortEvents', arguments: [uri] })) as CommandEdit;
    expect(result.message).toMatch(/^Sorted the events: 2 moved \((Virtual|Asia|Europe|North America) 2\)\.$/);
    const model = buildModel(text);
    const after = buildModel(applyEdits(text, model.lines, result.edit.documentChanges[0].edits));
    for (const region of after.events!.regions) {
      const days = region.events.map((entry) => entry.event?.date?.start?.dayNumber ?? 0);
      expect(days).toEqual([...days].sort((a, b) => a - b));
    }
    server.open(`${uri}.sorted.md`, applyEdits(text, model.lines, result.edit.documentChanges[0].edits));
    const again = (await server.connection.sendRequest('workspace/executeCommand', { command: 'twir.server.sortEvents', arguments: [`${uri}.sorted.md`] })) as CommandEdit;
    expect(again).toEqual({ message: 'The events are in order already: nothing to sort.' });
  });

  it('merges a week of events as one edit of the version it has, with a preview title and the report', async () => {
    const uri = 'file:///tmp/twir-merge/2026-08-19-this-week-in-rust.md';
    const read = (name: string) => fixture(name).text;
    const text = composeDraft(read('draft/DRAFT_TEMPLATE'), read('recent/2026-08-12-this-week-in-rust.md'), 661, parseIsoDate('2026-08-19')!);
    server.open(uri, text);
    const batch = eventsListOf(read('published/2026-08-19-this-week-in-rust.md'))!;
    const result = (await server.connection.sendRequest('workspace/executeCommand', { command: 'twir.server.mergeEvents', arguments: [uri, batch, 'batch.md'] })) as CommandEdit & {
      detail: string;
      preview: string;
      log: string;
      message: string;
    };
    const change = result.edit.documentChanges[0];
    expect(change.textDocument).toEqual({ uri, version: 1 });
    expect(result.confirm).toBe('Merge the events of batch.md? 22 added, 18 replaced, 1 possible duplicate.');
    expect(result.confirmAction).toBe('Merge');
    expect(result.detail.split('\n').slice(0, 2)).toEqual(['Virtual: 9 added, 9 replaced', 'Africa: 1 replaced']);
    // Nothing is marked for confirmation: VS Code's refactor preview would start such changes unticked.
    expect(JSON.stringify(result)).not.toContain('needsConfirmation');
    expect(result.preview).toBe('Merge of batch.md: 22 added, 18 replaced, 1 possible duplicate');
    expect(result.log).toMatch(/^Merging 55 events from batch\.md into the window 2026-08-19 - 2026-09-16: 22 added, 18 replaced, 1 possible duplicate\.\n/);
    expect(result.message).toBe('Merged batch.md: 22 added, 18 replaced, 1 possible duplicate.');
    const model = buildModel(text);
    const merged = applyEdits(text, model.lines, change.edits);
    expect(merged).toContain('* 2026-09-15 | Leipzig, DE |');

    const broken = (await server.connection.sendRequest('workspace/executeCommand', { command: 'twir.server.mergeEvents', arguments: [uri, '{"Europe": 3}', 'bad.json'] })) as { error: string; edit?: unknown };
    expect(broken).toEqual({ error: '"Europe" must be a list of events. Nothing was changed.' });

    // Pasted into Upcoming Events, the same merge is offered as a paste option, with the report the command gives; elsewhere nothing.
    const eventsLine = text.split('\n').findIndex((line) => line.startsWith('### Virtual'));
    const paste = (line: number) => server.connection.sendRequest('workspace/executeCommand', { command: 'twir.server.pasteEvents', arguments: [uri, batch, { line, character: 0 }] }) as Promise<(CommandEdit & { title: string; log: string; message: string }) | null>;
    const pasted = (await paste(eventsLine + 1))!;
    expect(pasted.edit.documentChanges[0].edits).toEqual(change.edits);
    expect(pasted.title).toBe('Merge into Upcoming Events, each in its region (22 added, 18 replaced, 1 possible duplicate)');
    expect(pasted.log).toBe(result.log.replace('from batch.md', 'from the pasted lines'));
    expect(pasted.message).toBe('Merged the pasted lines: 22 added, 18 replaced, 1 possible duplicate.');
    expect(await paste(2)).toBeNull();
  });
});
