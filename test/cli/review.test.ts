/** `twir-lint review` as a process: a 2026 issue against the one before it, as text and JSON. */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliSandbox, runCli } from './cli-process';

const RECENT = resolve(__dirname, '../fixtures/recent');
const DRAFT = 'draft/2026-08-19-this-week-in-rust.md';

const sandbox = cliSandbox('twir-lint-review-');

beforeEach(() => {
  // A TWiR checkout: the 2026 issues before 2026-08-19 in content/, 2026-08-19 as the draft.
  mkdirSync(join(sandbox.dir, 'content'));
  mkdirSync(join(sandbox.dir, 'draft'));
  for (const name of readdirSync(RECENT)) copyFileSync(join(RECENT, name), join(sandbox.dir, name < '2026-08-19' ? 'content' : 'draft', name));
});

const review = (...args: string[]) => runCli(sandbox.cli, ['review', ...args], sandbox.dir);

describe('twir-lint review', () => {
  it('compares the draft with the latest issue in content/: the expected text, every changed event with before → after', async () => {
    const run = await review(DRAFT);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(__dirname, 'expected/review-2026-08-19.txt'), 'utf8'));
  });

  it('--format json: the same review as data, lines 1-based; --previous names the issue to compare with', async () => {
    const run = await review('--format', 'json', '--previous', 'content/2026-08-05-this-week-in-rust.md', DRAFT);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.previous).toEqual({ fileName: '2026-08-05-this-week-in-rust.md', issueNumber: 663, date: '2026-08-05' });
    const text = readFileSync(join(sandbox.dir, DRAFT), 'utf8').split('\n');
    for (const event of [...json.events.new, ...json.events.carried]) expect(text[event.line - 1]).toMatch(new RegExp(`^\\* ${event.label.slice(0, 10)}`));
    expect(json.events.changed.every((change: { fields: unknown[] }) => change.fields.length > 0)).toBe(true);
  });

  it('says what is wrong with status 2: no earlier issue, a missing file, a bad option', async () => {
    const alone = await review('--previous', 'nowhere.md', DRAFT);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toBe('twir-lint review: nowhere.md: No such file.\n');
    const first = await review('content/2026-01-07-this-week-in-rust.md');
    expect(first.status).toBe(2);
    expect(first.stderr).toMatch(/^twir-lint review: content\/2026-01-07-this-week-in-rust\.md: no earlier issue/);
    const bad = await review('--format', 'sarif', DRAFT);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^twir-lint: review --format is text or json, not sarif\n\nUsage: twir-lint review/);
  });
});
