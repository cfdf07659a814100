/** The default run is the fastest, and says exactly what a run without workers says. */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSandbox, runCli } from './cli-process';
import { FIXTURES } from '../unit/fixtures';

const sandbox = cliSandbox('twir-lint-concurrency-');

describe('twir-lint --concurrency', () => {
  it('prints byte for byte the same with the default, without workers and with two workers, over a checkout', async () => {
    // A checkout: the look-back reads the issues before each file.
    mkdirSync(join(sandbox.dir, 'content'));
    for (const folder of ['recent', 'published']) cpSync(join(FIXTURES, folder), join(sandbox.dir, 'content'), { recursive: true, force: false });
    cpSync(join(FIXTURES, 'draft'), join(sandbox.dir, 'draft'), { recursive: true });
    const run = (concurrency?: string) => runCli(sandbox.cli, ['--format', 'json', '--timeout', '600', ...(concurrency ? ['--concurrency', concurrency] : []), 'content', 'draft'], sandbox.dir);
    const byDefault = await run();
    const off = await run('off');
    const workers = await run('2');
    expect(byDefault.stderr).toBe('');
    expect(JSON.parse(byDefault.stdout)).toHaveLength(47);
    for (const other of [off, workers]) {
      expect(other.status).toBe(byDefault.status);
      expect(other.stdout).toBe(byDefault.stdout);
    }
  }, 600_000); // three runs over 47 issues on shared cores
});
