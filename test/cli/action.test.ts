/**
 * The GitHub Action as GitHub runs it: action.yml names the committed bundle (action/dist/index.js),
 * which must be what `npm run build:action` makes from the sources; run with Node, the inputs in
 * `INPUT_*` variables (every input, with its default when the workflow gives none), the event's
 * payload in GITHUB_EVENT_PATH, in a one-commit-deep checkout of a repository shaped like TWiR's.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const ENTRY = join(ROOT, 'action/dist/index.js');
const DRAFT = 'draft/2026-08-26-this-week-in-rust.md';
const ACTION = readFileSync(join(ROOT, 'action.yml'), 'utf8');

/** The inputs of action.yml with their defaults. */
const INPUTS = new Map(
  [...ACTION.slice(ACTION.indexOf('\ninputs:'), ACTION.indexOf('\nruns:')).matchAll(/^ {2}([a-z-]+):\n(?: {4}.*\n)*? {4}default: '?([^'\n]*)'?$/gm)].map((match) => [match[1], match[2]]),
);

let dir: string;
let origin: string;
let base: string;

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Contributor', '-c', 'user.email=contributor@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'twir-lint-action-'));
  // TWiR's repository: published issues in content/, the week's draft in draft/; then a
  // contributor's commit adding two links to the draft.
  origin = join(dir, 'origin');
  mkdirSync(origin);
  git(origin, 'init', '--quiet');
  cpSync(join(ROOT, 'test/fixtures/published'), join(origin, 'content'), { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/draft'), join(origin, 'draft'), { recursive: true });
  git(origin, 'add', '--all');
  git(origin, 'commit', '--quiet', '--message', 'Draft');
  base = git(origin, 'rev-parse', 'HEAD');
  const lines = readFileSync(join(origin, DRAFT), 'utf8').split('\n');
  lines.splice(lines.indexOf('### Project/Tooling Updates') + 1, 0, '* [My tool 1.0](https://example.com/my-tool)');
  lines.splice(lines.indexOf('### Observations/Thoughts') + 1, 0, '* [A post](https://example.com//post)');
  writeFileSync(join(origin, DRAFT), lines.join('\n'));
  git(origin, 'commit', '--quiet', '--all', '--message', 'Add my links');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh checkout as actions/checkout makes one: one commit deep. */
function checkout(name: string): string {
  const workspace = join(dir, name);
  git(dir, 'clone', '--quiet', '--depth', '1', `file://${origin}`, workspace);
  return workspace;
}

/** Runs the committed entry as GitHub runs a JavaScript action, for a pull request or a push. */
function runAction(workspace: string, event: 'pull_request' | 'push' | 'push-new-branch', inputs: Record<string, string> = {}) {
  const eventFile = join(dir, `${event}.json`);
  const head = git(origin, 'rev-parse', 'HEAD');
  const payload = {
    pull_request: { number: 1, pull_request: { number: 1, base: { ref: 'main', sha: base } } },
    push: { ref: 'refs/heads/main', before: base, after: head },
    'push-new-branch': { ref: 'refs/heads/topic', before: '0'.repeat(40), after: head, created: true },
  }[event];
  writeFileSync(eventFile, JSON.stringify(payload));
  const output = join(dir, 'github-output');
  writeFileSync(output, '');
  const env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: event.startsWith('push') ? 'push' : event, GITHUB_EVENT_PATH: eventFile, GITHUB_OUTPUT: output, GITHUB_WORKSPACE: workspace };
  for (const [name, fallback] of INPUTS) env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? fallback;
  return spawnSync(process.execPath, [ENTRY], { cwd: workspace, env, encoding: 'utf8' });
}

const ruleOf = (annotation: string) => /title=([^:]+)::/.exec(annotation)?.[1];
const annotations = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('::'));
const hasCommit = (workspace: string, commit: string) => spawnSync('git', ['cat-file', '-e', `${commit}^{commit}`], { cwd: workspace }).status === 0;

// Each run lints the draft twice (as it is and at the base): slow on a loaded machine.
describe('the action', { timeout: 120_000 }, () => {
  it('is a JavaScript action on Node 24 whose committed bundle is what the sources make', () => {
    expect(ACTION).toMatch(/^runs:\n {2}using: node24\n {2}main: action\/dist\/index\.js\n?$/m);
    expect([...INPUTS.keys()]).toEqual(['paths', 'since', 'config', 'preset', 'deny-project-tooling-links', 'cache-location']);
    const fresh = mkdtempSync(join(dir, 'build-'));
    execFileSync(process.execPath, ['scripts/build.mjs', '--action', `--outdir=${fresh}`], { cwd: ROOT });
    const committed = join(ROOT, 'action/dist');
    expect(readdirSync(committed).sort()).toEqual(readdirSync(fresh).sort());
    for (const file of readdirSync(fresh)) {
      // A failure here: run `npm run build:action` and commit action/dist/.
      expect(readFileSync(join(committed, file)).equals(readFileSync(join(fresh, file))), `action/dist/${file} is stale`).toBe(true);
    }
  });

  it("on a pull request: fetches the base commit the checkout lacks and annotates the author's new problems only, with the policy for an author without write access", () => {
    const workspace = checkout('pull-request');
    expect(hasCommit(workspace, base)).toBe(false);
    const run = runAction(workspace, 'pull_request', { 'deny-project-tooling-links': 'true' });
    expect(annotations(run.stdout).map((line) => [line.slice(0, line.indexOf(' ')), ruleOf(line)])).toEqual([
      ['::error', 'links/project-tooling'],
      ['::error', 'links/simplify'],
    ]);
    expect(run.stdout).toMatch(new RegExp(`^twir-lint: 2 problems new since ${base} \\(2 errors\\) in \\d+ files\\. \\d+ older findings`, 'm'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
  });

  it('for an author with write access the policy is off', () => {
    const member = runAction(checkout('member'), 'pull_request');
    expect(annotations(member.stdout).map(ruleOf)).toEqual(['links/simplify']);
  });

  it("compares a push with the commit it started from, a new branch's with nothing", () => {
    const push = runAction(checkout('push'), 'push');
    expect(annotations(push.stdout).map(ruleOf)).toEqual(['links/simplify']);
    const branch = runAction(checkout('new-branch'), 'push-new-branch');
    expect(annotations(branch.stdout).length).toBeGreaterThan(10);
    expect(branch.stdout).not.toContain('new since');
  });

  it('keeps its cache in the folder of `cache-location`, outside the checkout, and reports the same from it', () => {
    const cache = join(dir, 'runner-temp/twir-lint-cache');
    const first = runAction(checkout('cold'), 'pull_request', { 'cache-location': cache });
    // The cache and the key that signs its entries.
    expect(readdirSync(cache).sort()).toEqual(['.twir-lint-cache', '.twir-lint-cache.key']);
    const warm = checkout('warm');
    const second = runAction(warm, 'pull_request', { 'cache-location': cache });
    expect(second.stdout).toBe(first.stdout);
    expect(existsSync(join(warm, '.twir-lint-cache'))).toBe(false);
  });

  it('rejects a policy input that is neither true nor false', () => {
    const run = runAction(checkout('bad-input'), 'pull_request', { 'deny-project-tooling-links': 'maybe' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('deny-project-tooling-links must be true or false');
  });
});
