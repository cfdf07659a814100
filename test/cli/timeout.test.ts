/** `--timeout`: the analysis budget of a file, in this thread and in the workers. */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSandbox, runCli, type JsonReport } from './cli-process';
import { FIXTURES } from '../unit/fixtures';

const sandbox = cliSandbox('twir-lint-timeout-');

/** 64 KB of emphasis openers on short lines: within the guard's limits, minutes for remark-parse. */
function writePathological(dir: string): void {
  const header = 'Title: This Week in Rust 700\nNumber: 700\nDate: 2027-04-07\nCategory: This Week in Rust\n\n';
  const body = Array.from({ length: Math.round((64 * 1024) / 125) }, () => '*a'.repeat(62)).join('\n');
  writeFileSync(join(dir, '2027-04-07-this-week-in-rust.md'), `${header}${body}\n`);
}

describe('twir-lint --timeout', () => {
  for (const concurrency of ['off', '2']) {
    it(`stops the analysis of a file past the budget, reports it as not checked and lints the others (--concurrency ${concurrency})`, async () => {
      writePathological(sandbox.dir);
      copyFileSync(join(FIXTURES, 'draft/DRAFT_TEMPLATE'), join(sandbox.dir, 'DRAFT_TEMPLATE'));
      // Ample for the template (the limit grows with the machine's load); the pathological file takes minutes.
      const run = await runCli(sandbox.cli, ['--format', 'json', '--timeout', '2', '--concurrency', concurrency, '.'], sandbox.dir);
      expect(run.status).toBe(2);
      const reports = JSON.parse(run.stdout) as JsonReport[];
      expect(reports.map((report) => report.file)).toEqual(['2027-04-07-this-week-in-rust.md', 'DRAFT_TEMPLATE']);
      expect(reports[0].diagnostics).toEqual([expect.objectContaining({ rule: 'fatal', severity: 'error', message: 'analysis took more than 2 s: not checked' })]);
      expect(reports[1].diagnostics.every((diagnostic) => diagnostic.rule !== 'fatal')).toBe(true);
    }, 600_000);
  }

  it('refuses a budget that is not a positive number of seconds', async () => {
    for (const value of ['0', '-1', 'soon', '']) {
      const run = await runCli(sandbox.cli, [`--timeout=${value}`, '.'], sandbox.dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('--timeout must be a number of seconds');
    }
  }, 120_000); // four runs on shared cores
});
