import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, startServer, type ServerSession } from './server-process';

const OLDER = '2023-06-14-this-week-in-rust.md';
const DRAFT = '2024-01-24-this-week-in-rust.md';
/** A community link of the 2023-06-14 issue, written again in the draft. */
const REUSED = '* [Fyrox Game Engine 0.30](https://fyrox.rs/blog/post/fyrox-game-engine-0-30/)';

describe('language server process: links/duplicate against the issues beside the file', () => {
  let server: ServerSession;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'twir-lsp-recent-'));
    mkdirSync(join(root, 'content'));
    copyFileSync(join(FIXTURES, 'published', OLDER), join(root, 'content', OLDER));
    server = await startServer({ rootPath: root });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('reports a community link that an earlier issue in content/ already had', async () => {
    const uri = pathToFileURL(join(root, 'draft', DRAFT)).href;
    const text = readFileSync(join(FIXTURES, 'seeds', DRAFT), 'utf8').replace('### Official\n', `### Official\n${REUSED}\n`);
    server.open(uri, text);
    // The first diagnostics come at once, without the issues beside the file; those are read in the
    // background, and the document is diagnosed again with them.
    const first = await server.diagnostics(uri, 1);
    expect(first.filter((diagnostic) => diagnostic.code === 'links/duplicate')).toEqual([]);
    const duplicates = (await server.diagnostics(uri, 1)).filter((diagnostic) => diagnostic.code === 'links/duplicate');
    const line = text.split('\n').indexOf(REUSED);
    expect(duplicates.map((diagnostic) => [diagnostic.range.start.line, diagnostic.message])).toEqual([[line, `This link was already in issue 499 (${OLDER}).`]]);
  });
});
