import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { fetchInto, markerOf, shaOf, type Submission } from '../../server/src/service/rules/submerge/testing';
import { FIXTURES, startServer, type ServerSession } from './server-process';

/**
 * A draft made by `submerge fetch` in a TWiR checkout, through the real server process: the hover
 * of a marked link, the outline's counts, and a marker left in a published issue.
 */
describe('language server process: drafts built with submerge', () => {
  let server: ServerSession;
  let checkout: string;
  const submissions: Submission[] = [
    { pr: 8123, section: 'Official', item: '* [Announcing Rust 1.95](https://blog.rust-lang.org/2026/08/27/Rust-1.95.0/)', author: 'rustacean', title: 'Add the 1.95 announcement' },
    { pr: 8124, section: 'Rust Walkthroughs', item: '* [Writing a tiny allocator](https://example.com/allocator)', author: 'writer', title: 'Walkthrough: allocator' },
    { pr: 8130, section: 'Rust Walkthroughs', item: '- [video] [Async in depth](https://example.com/async-video)', author: 'speaker' },
  ];
  const uriOf = (folder: string, name: string) => pathToFileURL(join(checkout, folder, name)).href;
  let draftText: string;

  beforeAll(async () => {
    checkout = mkdtempSync(join(tmpdir(), 'twir-submerge-'));
    mkdirSync(join(checkout, 'content'));
    mkdirSync(join(checkout, 'draft'));
    draftText = fetchInto(readFileSync(join(FIXTURES, 'draft', '2026-08-26-this-week-in-rust.md'), 'utf8'), submissions);
    writeFileSync(join(checkout, 'draft', '2026-08-26-this-week-in-rust.md'), draftText);
    // Last week's issue, published with a marker left on a line by mistake.
    const published = readFileSync(join(FIXTURES, 'published', '2026-08-19-this-week-in-rust.md'), 'utf8').replace(/^(\* \[.*)$/m, `$1 ${markerOf({ pr: 8001 })}`);
    writeFileSync(join(checkout, 'content', '2026-08-19-this-week-in-rust.md'), published);
    server = await startServer({ rootPath: checkout });
    server.open(uriOf('draft', '2026-08-26-this-week-in-rust.md'), draftText);
    await server.diagnostics(uriOf('draft', '2026-08-26-this-week-in-rust.md'), 1);
  });
  afterAll(async () => {
    await server.stop();
    rmSync(checkout, { recursive: true, force: true });
  });

  const hoverAt = async (line: number, character: number) => {
    const result = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf('draft', '2026-08-26-this-week-in-rust.md') }, position: { line, character } })) as Hover | null;
    return result ? (result.contents as MarkupContent).value : undefined;
  };

  it('hover on a marked link, and on its marker, shows the PR', async () => {
    const lines = draftText.split('\n');
    const line = lines.findIndex((text) => text.includes('submerge-pr=8123'));
    const onLink = await hoverAt(line, lines[line].indexOf('Announcing') + 2);
    expect(onLink).toContain('From pull request **[#8123](https://github.com/rust-lang/this-week-in-rust/pull/8123)** by **rustacean**: Add the 1.95 announcement');
    expect(onLink).toContain(`Head commit \`${shaOf(8123)}\``);
    expect(onLink).toContain('<https://blog.rust-lang.org/2026/08/27/Rust-1.95.0/>');
    const onMarker = await hoverAt(line, lines[line].indexOf('author=') + 2);
    expect(onMarker).toContain('**[#8123]');
    const video = lines.findIndex((text) => text.includes('submerge-pr=8130'));
    expect(await hoverAt(video, lines[video].indexOf('Async') + 1)).toContain('by **speaker**: Add a link (#8130)');
  });

  it('the outline counts the links from PRs', async () => {
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf('draft', '2026-08-26-this-week-in-rust.md') } })) as DocumentSymbol[];
    const community = symbols[0].children!.find((symbol) => symbol.name === 'Updates from Rust Community')!;
    expect(community.detail).toBe('3 links · 3 from PRs');
    expect(community.children!.map((symbol) => `${symbol.name}: ${symbol.detail}`)).toEqual(
      expect.arrayContaining(['Official: 1 link · 1 from a PR', 'Rust Walkthroughs: 2 links · 2 from PRs', 'Foundation: empty']),
    );
  });

  it('a marker in a published issue (content/) is an error; none in the draft', async () => {
    const uri = uriOf('content', '2026-08-19-this-week-in-rust.md');
    server.open(uri, readFileSync(join(checkout, 'content', '2026-08-19-this-week-in-rust.md'), 'utf8'));
    const diagnostics = await server.diagnostics(uri, 1);
    expect(diagnostics.filter((diagnostic) => diagnostic.code === 'submerge/marker').map((diagnostic) => [diagnostic.severity, diagnostic.message])).toEqual([
      [1, expect.stringContaining('in a published issue')],
    ]);
    server.open(uriOf('draft', '2026-08-26-this-week-in-rust.md'), draftText, 2);
    const draft = await server.diagnostics(uriOf('draft', '2026-08-26-this-week-in-rust.md'), 2);
    expect(draft.filter((diagnostic) => String(diagnostic.code).startsWith('submerge/'))).toEqual([]);
  });
});
