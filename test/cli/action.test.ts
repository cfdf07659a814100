/**
 * The GitHub Action: action.yml maps every input to the entry script, and the entry script
 * (action/run.mjs) runs the CLI bundled beside it, in the layout the action's build step makes
 * (dist/cli.js next to action/), in git repositories as a pull request's checkout leaves them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from './cli-process';

const ROOT = resolve(__dirname, '../..');
const DRAFT = 'draft/2026-08-26-this-week-in-rust.md';

let dir: string;
let entry: string;
let repo: string;
let base: string;

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Contributor', '-c', 'user.email=contributor@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'twir-lint-action-'));
  // The action's checkout after its build step.
  const bundle = await buildCli();
  cpSync(join(bundle.cli, '..'), join(dir, 'action-root/dist'), { recursive: true });
  bundle.dispose();
  cpSync(join(ROOT, 'action'), join(dir, 'action-root/action'), { recursive: true });
  entry = join(dir, 'action-root/action/run.mjs');

  // TWiR's repository with the draft, then a contributor's commit adding two links.
  repo = join(dir, 'repo');
  mkdirSync(repo);
  git(repo, 'init', '--quiet');
  cpSync(join(ROOT, 'test/fixtures/draft'), join(repo, 'draft'), { recursive: true });
  git(repo, 'add', '--all');
  git(repo, 'commit', '--quiet', '--message', 'Draft');
  base = git(repo, 'rev-parse', 'HEAD');
  const lines = readFileSync(join(repo, DRAFT), 'utf8').split('\n');
  lines.splice(lines.indexOf('### Project/Tooling Updates') + 1, 0, '* [My tool 1.0](https://example.com/my-tool)');
  lines.splice(lines.indexOf('### Observations/Thoughts') + 1, 0, '* [A post](https://example.com//post)');
  writeFileSync(join(repo, DRAFT), lines.join('\n'));
  git(repo, 'commit', '--quiet', '--all', '--message', 'Add my links');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runAction(cwd: string, inputs: Record<string, string>) {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
  return spawnSync(process.execPath, [entry], { cwd, env, encoding: 'utf8' });
}

const ruleOf = (annotation: string) => /title=([^:]+)::/.exec(annotation)?.[1];

describe('the action', () => {
  it('maps every input of action.yml to the entry script', () => {
    const action = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    const inputs = [...action.slice(action.indexOf('\ninputs:'), action.indexOf('\nruns:')).matchAll(/^ {2}([a-z-]+):$/gm)].map((match) => match[1]);
    expect(inputs).toEqual(['paths', 'since', 'config', 'preset', 'deny-project-tooling-links']);
    for (const name of inputs) expect(action).toContain(`INPUT_${name.toUpperCase().replace(/-/g, '_')}: \${{ inputs.${name} }}`);
    expect(action).toContain('run: node "$GITHUB_ACTION_PATH/action/run.mjs"');
    expect(action).toContain('default: ${{ github.event.pull_request.base.sha }}');
  });

  it("on a pull request: annotates the author's new problems only, as TWiR CI judges them, with the policy for an author without write access", () => {
    const run = runAction(repo, { paths: 'draft/', since: base, config: '', preset: 'ci', 'deny-project-tooling-links': 'true' });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.slice(0, -1).map((line) => [line.slice(0, line.indexOf(' ')), ruleOf(line)])).toEqual([
      ['::error', 'links/project-tooling'],
      ['::error', 'links/simplify'],
    ]);
    expect(lines.at(-1)).toMatch(/^twir-lint: 2 problems new since [0-9a-f]{40} \(2 errors\) in 2 files\. \d+ older findings/);
    expect(run.status).toBe(1);
  });

  it('for an author with write access the policy is off; without `since` (a push) every problem is reported', () => {
    const member = runAction(repo, { paths: 'draft/', since: base, preset: 'ci', 'deny-project-tooling-links': 'false' });
    expect(member.stdout.trimEnd().split('\n').slice(0, -1).map(ruleOf)).toEqual(['links/simplify']);
    const push = runAction(repo, { paths: 'draft/', since: '', preset: 'ci', 'deny-project-tooling-links': 'false' });
    expect(push.stdout.trimEnd().split('\n').length).toBeGreaterThan(10);
  });

  it("fetches the base commit that a pull request's one-commit-deep checkout lacks", () => {
    const shallow = join(dir, 'shallow');
    git(dir, 'clone', '--quiet', '--depth', '1', `file://${repo}`, shallow);
    expect(spawnSync('git', ['cat-file', '-e', `${base}^{commit}`], { cwd: shallow }).status).not.toBe(0);
    const run = runAction(shallow, { paths: 'draft/', since: base, preset: 'ci', 'deny-project-tooling-links': 'true' });
    expect(run.stdout.trimEnd().split('\n').slice(0, -1).map(ruleOf)).toEqual(['links/project-tooling', 'links/simplify']);
  });

  it('rejects a policy input that is neither true nor false', () => {
    const run = runAction(repo, { paths: 'draft/', 'deny-project-tooling-links': 'maybe' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('deny-project-tooling-links must be true or false');
  });
});
