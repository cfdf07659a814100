/**
 * Files of the workspace that would hang or flood a server reading them naively (`npm run build`
 * first): `.twir-lint.json`, `DRAFT_TEMPLATE` and the recent issues as a FIFO with no writer, as a
 * symbolic link to `/dev/zero`, or huge. Each is refused with a message, and the server goes on.
 * Config problems are notifications: a client that never answers a request cannot stall the server.
 * twir-lint reads a --config the same way.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ShowMessageParams } from 'vscode-languageserver-protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { answeredWithin, FIXTURES, fixture, startServer, type ServerSession } from '../lsp/server-process';
import { REAL_ISSUE } from './hostile';

/** Far longer than reading a few files takes: an answer later than this is a hang. */
const NOT_HUNG_MS = 60_000;

const within = <T>(promise: Promise<T>, what: string) => answeredWithin(promise, NOT_HUNG_MS, what);

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A TWiR checkout whose `special` paths are made hostile by `make`. */
function checkout(make: (path: string) => void, special: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'twir-workspace-'));
  roots.push(root);
  mkdirSync(join(root, 'content'));
  mkdirSync(join(root, 'draft'));
  copyFileSync(join(FIXTURES, 'published/2023-06-14-this-week-in-rust.md'), join(root, 'content/2023-06-14-this-week-in-rust.md'));
  for (const path of special) make(join(root, path));
  return root;
}

const fifo = (path: string) => execFileSync('mkfifo', [path]);
const devZero = (path: string) => symlinkSync('/dev/zero', path);
const HOSTILE = { fifo, 'link to /dev/zero': devZero };

/** Starts a server whose client never answers `window/showMessageRequest`, and records its notifications. */
async function serverIn(root: string): Promise<{ server: ServerSession; messages: string[] }> {
  const server = await startServer({ rootPath: root });
  const messages: string[] = [];
  server.connection.onRequest('window/showMessageRequest', () => new Promise(() => undefined));
  server.connection.onNotification('window/showMessage', (params: ShowMessageParams) => void messages.push(params.message));
  return { server, messages };
}

async function diagnoseDraft(server: ServerSession, root: string): Promise<void> {
  const seed = fixture('seeds/2024-01-24-this-week-in-rust.md');
  const uri = pathToFileURL(join(root, 'draft/2024-01-24-this-week-in-rust.md')).href;
  server.open(uri, seed.text);
  expect((await within(server.diagnostics(uri, 1), 'diagnostics')).length).toBeGreaterThan(0);
  expect(await within(server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), 'documentSymbol')).not.toBeNull();
}

describe('language server process: a workspace that cannot hurt the server', () => {
  it('shows config problems as notifications to a client that never answers requests', async () => {
    const root = checkout((path) => writeFileSync(path, '{ "rules": { "text/trailing-space": "loud" } }'), ['.twir-lint.json']);
    const { server, messages } = await serverIn(root);
    try {
      await diagnoseDraft(server, root);
      expect(messages.filter((message) => message.includes('.twir-lint.json'))).toEqual([expect.stringMatching(/"loud" is not one of/)]);
    } finally {
      await server.stop();
    }
  });

  for (const [kind, make] of Object.entries(HOSTILE)) {
    it(`refuses a .twir-lint.json that is a ${kind}, and goes on`, async () => {
      const root = checkout(make, ['.twir-lint.json']);
      const { server, messages } = await serverIn(root);
      try {
        await diagnoseDraft(server, root);
        expect(messages.filter((message) => message.includes('.twir-lint.json'))).toEqual([expect.stringMatching(/\.twir-lint\.json: Not a regular file/)]);
      } finally {
        await server.stop();
      }
    });

    it(`refuses a DRAFT_TEMPLATE that is a ${kind} with a message`, async () => {
      const root = checkout(make, ['draft/DRAFT_TEMPLATE']);
      const { server } = await serverIn(root);
      try {
        const uri = pathToFileURL(join(root, 'content/2023-06-14-this-week-in-rust.md')).href;
        const answer = (await within(server.connection.sendRequest('workspace/executeCommand', { command: 'twir.server.newDraft', arguments: [uri] }), 'newDraft')) as { message: string };
        expect(answer.message).toMatch(/DRAFT_TEMPLATE: Not a regular file/);
        await diagnoseDraft(server, root);
      } finally {
        await server.stop();
      }
    });

    it(`skips a recent issue that is a ${kind}`, async () => {
      const root = checkout(make, ['content/2023-06-21-this-week-in-rust.md']);
      const { server } = await serverIn(root);
      try {
        await diagnoseDraft(server, root);
      } finally {
        await server.stop();
      }
    });
  }

  it('compares with the recent issues within the size budget only', async () => {
    // 1.3 MB: read and modelled, it took 7 s and 500 MB.
    const root = checkout((path) => writeFileSync(path, REAL_ISSUE.repeat(32)), ['content/2023-06-21-this-week-in-rust.md']);
    const { server } = await serverIn(root);
    try {
      const community = REAL_ISSUE.slice(REAL_ISSUE.indexOf('## Updates from Rust Community'));
      const fromHuge = community.split('\n').find((line) => line.startsWith('* ['))!;
      const fromNormal = '* [Fyrox Game Engine 0.30](https://fyrox.rs/blog/post/fyrox-game-engine-0-30/)';
      const text = fixture('seeds/2024-01-24-this-week-in-rust.md').text.replace('### Official\n', `### Official\n${fromHuge}\n${fromNormal}\n`);
      const uri = pathToFileURL(join(root, 'draft/2024-01-24-this-week-in-rust.md')).href;
      server.open(uri, text);
      // Diagnosed at once, then again once the recent issues are read.
      let duplicates: string[] = [];
      while (duplicates.length === 0) {
        const diagnostics = await within(server.diagnostics(uri, 1), 'diagnostics');
        duplicates = diagnostics.filter((diagnostic) => diagnostic.code === 'links/duplicate').map((diagnostic) => text.split('\n')[diagnostic.range.start.line]);
      }
      expect(duplicates).toEqual([fromNormal]);
    } finally {
      await server.stop();
    }
  });

  it('twir-lint refuses a --config that is a FIFO, with exit status 2', () => {
    const root = checkout(fifo, ['fifo.json']);
    const cli = resolve(__dirname, '../../dist/cli.js');
    const run = spawnSync(process.execPath, [cli, '--config', join(root, 'fifo.json'), join(root, 'content')], { encoding: 'utf8', timeout: NOT_HUNG_MS });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/fifo\.json: Not a regular file \(a FIFO\)/);
  });
});
