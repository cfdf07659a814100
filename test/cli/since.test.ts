/**
 * `twir-lint --since REF` in real git repositories made from the fixtures: only the findings a
 * change adds, in every format, and `--fix` fixing only those. The CLI runs as a process.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { composeDraft } from '../../server/src/service/commands/new-draft';
import { PRESETS } from '../../server/src/service/presets';
import { parseIsoDate } from '../../server/src/service/util/dates';
import { RULES } from '../../server/src/service/rules/index';
import { communityIssue, eventsIssue } from '../../server/src/service/rules/testing';
import { cliSandbox, editCacheFile, parseJson, runCli, type CliRun } from './cli-process';

const FIXTURES = resolve(__dirname, '../fixtures');
const DRAFT = 'draft/2026-08-26-this-week-in-rust.md';
const ISSUE = 'draft/2026-01-14-this-week-in-rust.md';

/** Each test's folder is a git repository. */
const sandbox = cliSandbox('twir-lint-since-');
beforeEach(() => {
  git('init', '--quiet');
});

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Contributor', '-c', 'user.email=contributor@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: sandbox.dir, encoding: 'utf8' });
}

function write(path: string, text: string): void {
  mkdirSync(dirname(join(sandbox.dir, path)), { recursive: true });
  writeFileSync(join(sandbox.dir, path), text);
}

function read(path: string): string {
  return readFileSync(join(sandbox.dir, path), 'utf8');
}

function commit(message: string): void {
  git('add', '--all');
  git('commit', '--quiet', '--message', message);
}

/** Inserts lines after the first line equal to `after`. */
function insertAfter(path: string, after: string, ...lines: string[]): void {
  const text = read(path).split('\n');
  text.splice(text.indexOf(after) + 1, 0, ...lines);
  write(path, text.join('\n'));
}

const lint = (args: string[], env?: Record<string, string>): Promise<CliRun> => runCli(sandbox.cli, args, sandbox.dir, env);

/** The TWiR repository in small: the template, last week's issue, this week's draft. */
function twirRepository(): void {
  cpSync(join(FIXTURES, 'draft'), join(sandbox.dir, 'draft'), { recursive: true });
  mkdirSync(join(sandbox.dir, 'content'));
  cpSync(join(FIXTURES, 'recent/2026-08-19-this-week-in-rust.md'), join(sandbox.dir, 'content/2026-08-19-this-week-in-rust.md'));
  commit('Create the draft');
}

/** A contributor's pull request: one community link with a tracking parameter and an unescaped `<T>`. */
const CONTRIBUTED = '* [Why Vec<T> is fast](https://example.com/why-vec?utm_source=reddit)';

describe('twir-lint --since', () => {
  it("reports exactly a contributor's new problems in a half-written draft, and how many older ones it left out", async () => {
    twirRepository();
    const everything = parseJson(await lint(['--format', 'json', 'draft/']));
    const before = everything.flatMap((report) => report.diagnostics).length;
    expect(before).toBeGreaterThan(10);

    insertAfter(DRAFT, '### Observations/Thoughts', CONTRIBUTED);
    commit('Add a link');
    const run = await lint(['--since', 'HEAD~1', '--format', 'github', 'draft/']);
    const line = read(DRAFT).split('\n').indexOf(CONTRIBUTED) + 1;
    const annotations = run.stdout.trimEnd().split('\n');
    const summary = annotations.pop();
    expect(annotations.map((annotation) => /title=([^:]+)::/.exec(annotation)?.[1]).sort()).toEqual(['links/tracking', 'markdown/html']);
    expect(annotations.every((annotation) => annotation.includes(`file=${DRAFT},line=${line},`))).toBe(true);
    expect(summary).toBe(`twir-lint: 2 problems new since HEAD~1 (1 error, 1 warning) in 2 files. ${before} older findings (already at HEAD~1) left out.`);
    expect(run.status).toBe(1);
  });

  it('compares by rule, message and line text: moving a line adds nothing, breaking the order of untouched lines does', async () => {
    const event = (date: string, city: string) => [`* ${date} | ${city}, DE | [Rust ${city}](https://example.com/${city})`, `    * [**Meetup**](https://example.com/${city}/1)`];
    const events = (...list: string[][]) => eventsIssue(`### Europe\n${list.flat().join('\n')}`);
    write(ISSUE, `${events(event('2026-01-20', 'Berlin'), event('2026-01-15', 'Aachen'))}\n${communityIssue('* [Post](https://example.com/a?utm_source=x)').split('\n').slice(5).join('\n')}`);
    commit('An event out of order and a tracking link');
    const base = parseJson(await lint(['--format', 'json', ISSUE]))[0].diagnostics.map((diagnostic) => diagnostic.rule);
    expect(base).toEqual(expect.arrayContaining(['events/order', 'links/tracking']));

    // The tracking link moves down by two lines (an event inserted in order above it): not new.
    const text = read(ISSUE).split('\n');
    text.splice(text.indexOf('### Europe') + 1, 0, ...event('2026-01-14', 'Bonn'));
    write(ISSUE, text.join('\n'));
    const moved = await lint(['--since', 'HEAD', '--format', 'json', ISSUE]);
    expect(parseJson(moved)[0].diagnostics).toEqual([]);
    expect(moved.stderr).toBe(`twir-lint: ${base.length} older findings (already at HEAD) left out.\n`);

    // An event added at the end, before the events it now follows out of order: the order of
    // lines the change did not touch is broken, which is new.
    text.splice(text.indexOf('### Europe') + 1, 2);
    text.splice(text.indexOf('### Europe') + 1, 0, ...event('2026-02-01', 'Dresden'));
    write(ISSUE, text.join('\n'));
    const broken = parseJson(await lint(['--since', 'HEAD', '--format', 'json', ISSUE]))[0].diagnostics;
    expect(broken.map((diagnostic) => [diagnostic.rule, text[diagnostic.line - 1]])).toEqual([['events/order', event('2026-01-20', 'Berlin')[0]]]);
  });

  it('on the publishing commit, compares content/X with the draft/X it was moved from and the new draft with what the new-draft command made; the r/rust placeholder is still reported', async () => {
    twirRepository();
    const published = DRAFT.replace('draft/', 'content/');
    const next = 'draft/2026-09-02-this-week-in-rust.md';
    git('mv', DRAFT, published);
    write(next, composeDraft(read('draft/DRAFT_TEMPLATE'), read(published), 667, parseIsoDate('2026-09-02')!));
    commit('Publish 666, create the draft of 667');

    const run = await lint(['--since', 'HEAD~1', '--format', 'json', 'content/', 'draft/']);
    const reports = parseJson(run);
    const found = (file: string) => reports.find((report) => report.file === file)!.diagnostics.map((diagnostic) => [diagnostic.rule, diagnostic.severity]);
    // Published with its r/rust link still to add: a reminder, which fails nothing.
    expect(found(published)).toEqual([['placeholder/link', 'warning']]);
    expect(found(next)).toEqual([]);
    expect(run.status).toBe(0);

    // The next commit adds a link with a problem to the new draft: only that is new.
    insertAfter(next, '### Observations/Thoughts', CONTRIBUTED);
    commit('Add a link');
    expect(parseJson(await lint(['--since', 'HEAD~1', '--format', 'json', next]))[0].diagnostics.map((diagnostic) => diagnostic.rule).sort()).toEqual(['links/tracking', 'markdown/html']);
    // And on the commit that created the draft, the same link is the only thing new.
    expect(parseJson(await lint(['--since', 'HEAD~2', '--format', 'json', next]))[0].diagnostics.map((diagnostic) => diagnostic.rule).sort()).toEqual(['links/tracking', 'markdown/html']);
    // Four runs of the CLI on a loaded machine.
  }, 120_000);

  it('reports every finding of a file that did not exist at REF', async () => {
    write('README.md', 'The repository.\n');
    commit('Start');
    write(ISSUE, communityIssue('* [Post](https://example.com/a?utm_source=x)'));
    const run = parseJson(await lint(['--since', 'HEAD', '--format', 'json', ISSUE]));
    expect(run[0].diagnostics.map((diagnostic) => diagnostic.rule)).toContain('links/tracking');
  });

  it('reports a file it cannot compare (outside the repository) as fatal, and compares the others', async () => {
    write(ISSUE, communityIssue('* [Post](https://example.com/a?utm_source=x)'));
    commit('A link');
    const outside = mkdtempSync(join(tmpdir(), 'twir-lint-outside-'));
    try {
      writeFileSync(join(outside, '2026-01-14-this-week-in-rust.md'), communityIssue('* [Post](https://example.com/a)'));
      const run = parseJson(await lint(['--since', 'HEAD', '--format', 'json', ISSUE, join(outside, '2026-01-14-this-week-in-rust.md')]));
      expect(run.map((report) => report.diagnostics.map((diagnostic) => diagnostic.rule))).toEqual([[], ['fatal']]);
      expect(run[1].diagnostics[0].message).toMatch(/^--since cannot compare this file: git cannot read /);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('works with every format: text says how many it left out, sarif holds the new findings only', async () => {
    write(ISSUE, communityIssue('* [Old](https://example.com/old?utm_source=x)'));
    commit('Old link');
    insertAfter(ISSUE, '### Rust Walkthroughs', '* [New](https://example.com/new?utm_medium=y)');
    const text = await lint(['--since', 'HEAD', ISSUE]);
    expect(text.stdout).toContain('✖ 1 new problem (1 warning) in 1 of 1 file');
    expect(text.stdout).toContain('1 older finding (already at HEAD) left out.');
    const sarif = await lint(['--since', 'HEAD', '--format', 'sarif', ISSUE]);
    const results = JSON.parse(sarif.stdout).runs[0].results;
    expect(results.map((result: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }) => [result.ruleId, result.locations[0].physicalLocation.region.startLine])).toEqual([['links/tracking', 9]]);
    expect(sarif.stderr).toBe('twir-lint: 1 older finding (already at HEAD) left out.\n');
  });

  it('--fix fixes only what it reports: the new findings', async () => {
    write(ISSUE, communityIssue('* [Old](https://example.com/old?utm_source=x)'));
    commit('Old link');
    insertAfter(ISSUE, '### Rust Walkthroughs', '* [New](https://example.com/new?utm_medium=y)');
    const run = await lint(['--since', 'HEAD', '--fix', ISSUE]);
    expect(run.stdout).toContain('✔ Fixed 1 file.');
    expect(read(ISSUE)).toContain('* [New](https://example.com/new)\n* [Old](https://example.com/old?utm_source=x)');
  });

  it('with --cache: the same output cold, warm and after an edit, the findings at REF kept by the content git has for them', async () => {
    twirRepository();
    insertAfter(DRAFT, '### Observations/Thoughts', CONTRIBUTED);
    commit('Add a link');
    const args = ['--since', 'HEAD~1', '--format', 'github', 'draft/'];
    const without = await lint(args);
    expect(await lint(['--cache', ...args])).toEqual(without);
    expect(await lint(['--cache', ...args])).toEqual(without);
    // Edited again: the draft is linted, the findings at REF come from the cache.
    insertAfter(DRAFT, '### Rust Walkthroughs', '* [More](https://example.com/more?utm_medium=y)');
    expect(await lint(['--cache', ...args])).toEqual(await lint(args));
    // Proof: with the cached findings at REF emptied (by the cache's owner, in the checkout's git folder), an edited draft has nothing left out.
    editCacheFile<{ baseline?: string[] }>(join(sandbox.dir, '.git/twir-lint-cache'), (cache) => {
      const baselines = cache.entries.filter(([, entry]) => entry.baseline);
      // The draft's and the template's.
      expect(baselines).toHaveLength(2);
      for (const [, entry] of baselines) entry.baseline = [];
    });
    insertAfter(DRAFT, '### Rust Walkthroughs', '* [Again](https://example.com/again)');
    expect((await lint([...args.slice(0, -1), DRAFT])).stdout).toContain('left out');
    expect((await lint(['--cache', ...args.slice(0, -1), DRAFT])).stdout).not.toContain('left out');
  });

  it.each([
    ['outside a git repository', () => {}, ['--since', 'HEAD', '.'], /^twir-lint: --since: .* is not inside a git repository\n$/, {}],
    ['with an unknown revision', () => git('init', '--quiet'), ['--since', 'no-such-branch', '.'], /^twir-lint: --since: "no-such-branch" is not a commit of this repository\n$/, {}],
    ['without git', () => {}, ['--since', 'HEAD', '.'], /^twir-lint: --since needs git, and no git program was found on the PATH\n$/, { PATH: '/nonexistent' }],
  ])('stops with one line and exit status 2 %s', async (_name, setUp, args, message, env) => {
    rmSync(join(sandbox.dir, '.git'), { recursive: true, force: true });
    setUp();
    write(ISSUE, communityIssue('* [Post](https://example.com/a)'));
    const run = await lint(args, env);
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toMatch(message);
  });
});

describe('twir-lint --preset ci and --deny-project-tooling-links', () => {
  it("makes TWiR CI's errors errors, keeps the softer cases of a rule as they are, and lets the config win", async () => {
    write(ISSUE, communityIssue('* [A](https://example.com//a)\n* [B](http://example.com/b)\n* [C](https://example.com/c?utm_source=x)'));
    const severities = async (...args: string[]) =>
      parseJson(await lint(['--format', 'json', ...args, ISSUE]))[0].diagnostics.map((diagnostic) => `${diagnostic.line} ${diagnostic.rule} ${diagnostic.severity}`);
    expect(await severities()).toEqual(['9 links/simplify warning', '10 links/simplify hint', '11 links/tracking warning']);
    expect(await severities('--preset', 'ci')).toEqual(['9 links/simplify error', '10 links/simplify hint', '11 links/tracking error']);
    write('.twir-lint.json', JSON.stringify({ rules: { 'links/tracking': 'info' } }));
    expect(await severities('--preset', 'ci')).toEqual(['9 links/simplify error', '10 links/simplify hint', '11 links/tracking info']);
  });

  it('names only rules that exist', () => {
    const ids = RULES.map((rule) => rule.id);
    for (const preset of Object.values(PRESETS)) expect(ids).toEqual(expect.arrayContaining(Object.keys(preset)));
  });

  it('--deny-project-tooling-links reports a link added to Project/Tooling Updates, not the ones already there', async () => {
    write(ISSUE, communityIssue('* [Old tool](https://example.com/old)', 'Project/Tooling Updates'));
    commit('A link from an editor');
    expect(parseJson(await lint(['--format', 'json', ISSUE]))[0].diagnostics).toEqual([]);
    insertAfter(ISSUE, '### Project/Tooling Updates', '* [My tool 1.0](https://example.com/my-tool)');
    const run = await lint(['--since', 'HEAD', '--deny-project-tooling-links', '--format', 'json', ISSUE]);
    expect(parseJson(run)[0].diagnostics).toEqual([expect.objectContaining({ rule: 'links/project-tooling', severity: 'error', line: 9, message: expect.stringContaining('r/rust') })]);
    expect(run.status).toBe(1);
  });
});
