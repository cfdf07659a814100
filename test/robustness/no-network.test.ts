/**
 * Links are never fetched, only on the explicit title action (`twir/titledLink`, which the client
 * sends when the person picks "Paste as a titled link" or "Fetch the page's title"): the CLI (with
 * its workers) and the server run over every fixture with
 * Node's network modules replaced by ones that throw and log (block-network.cjs), and the log stays
 * empty. The first test shows that the blocker does catch each way out, workers included.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allFixtures, archiveFixtures, recentFixtures } from '../unit/fixtures';
import { buildCli, parseJson, runCli } from '../cli/cli-process';
import { FIXTURES, startServer } from '../lsp/server-process';
import { requestsFor } from './requests';

const BLOCKER = resolve(__dirname, 'block-network.cjs');

describe('no network access', () => {
  let folder: string;
  let log: string;
  let env: Record<string, string>;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'twir-no-network-'));
  });
  beforeEach(({ task }) => {
    log = join(folder, `${task.id}.log`);
    env = { NODE_OPTIONS: `--require ${BLOCKER}`, TWIR_NETWORK_LOG: log };
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  /** What the code under test tried, in this test. */
  const attempts = () => {
    try {
      return readFileSync(log, 'utf8');
    } catch {
      return '';
    }
  };

  it('the blocker stops fetch, http, sockets, DNS and UDP, also in worker threads', async () => {
    const script = join(folder, 'reach-out.js');
    writeFileSync(
      script,
      `const { Worker } = require('node:worker_threads');
       const tries = [
         () => fetch('http://127.0.0.1:9/'),
         () => require('node:https').get('https://example.com/'),
         () => require('node:net').connect(9, '127.0.0.1'),
         () => require('node:dns').lookup('example.com', () => {}),
         () => require('node:dgram').createSocket('udp4').send('x', 9, '127.0.0.1'),
       ];
       for (const attempt of tries) { try { Promise.resolve(attempt()).catch(() => {}); } catch {} }
       new Worker("try { require('node:net').connect(9, '127.0.0.1') } catch {}", { eval: true });`,
    );
    await new Promise((done) => execFile(process.execPath, [script], { env: { ...process.env, ...env } }, done));
    const blocked = attempts().match(/^network access blocked: [\w.]+/gm) ?? [];
    expect(blocked).toEqual(
      expect.arrayContaining([
        'network access blocked: fetch',
        'network access blocked: tls.connect', // https.get
        'network access blocked: net.connect',
        'network access blocked: dns.lookup',
        'network access blocked: dgram.createSocket',
      ]),
    );
    expect(blocked.filter((line) => line === 'network access blocked: net.connect')).toHaveLength(2); // main thread and worker
  });

  it('twir-lint lints every fixture, on worker threads, without touching the network', async () => {
    const cli = await buildCli();
    try {
      const run = await runCli(cli.cli, ['--format', 'json', '--concurrency', '2', FIXTURES], folder, env);
      expect(run.stderr).toBe('');
      expect(parseJson(run)).toHaveLength(allFixtures().length + recentFixtures().length + archiveFixtures().length);
      expect(attempts()).toBe('');
    } finally {
      cli.dispose();
    }
  });

  it('the server analyses every fixture and answers every request on its links without touching the network', async () => {
    const server = await startServer({ rootPath: FIXTURES, env });
    try {
      for (const issue of allFixtures()) {
        const uri = `file://${join(FIXTURES, issue.name)}`;
        server.open(uri, issue.text);
        await server.diagnostics(uri, 1);
        const lines = issue.text.split('\n');
        const linkLine = lines.findIndex((line) => line.includes('](http'));
        const position = linkLine < 0 ? undefined : { line: linkLine, character: lines[linkLine].indexOf('](http') + 4 };
        for (const { method, params } of requestsFor(server, uri, position)) await server.connection.sendRequest(method, params);
        // What the editor asks before a title is fetched: whether a paste is a URL to title, the review.
        if (position) await server.connection.sendRequest('workspace/executeCommand', { command: 'twir.server.pasteUrl', arguments: [uri, 'https://example.com/post', position] });
        await server.connection.sendRequest('workspace/executeCommand', { command: 'twir.server.reviewWeek', arguments: [uri] });
      }
      expect(attempts()).toBe('');
      expect(server.stderr()).not.toContain('network access blocked');
      // The one request that reaches out: the title action, asked for explicitly.
      const asked = (await server.connection.sendRequest('twir/titledLink', { url: 'https://example.com/post' })) as { error?: string };
      expect(asked.error).toMatch(/network access blocked: fetch/);
      expect(attempts()).toMatch(/^network access blocked: fetch\("https:\/\/example\.com\/post"/);
    } finally {
      await server.stop();
    }
  });
});
