/**
 * `twir-lint --cache`, run as a process on real files: the output with the cache is the output
 * without it, byte for byte, and the cache is used. A warm run's use of the cache is proven by
 * editing the cache file (an entry's message, an earlier issue's URLs): what the run prints then
 * comes from the cache, not from a model of the file.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { communityIssue, issue } from '../../server/src/service/rules/testing';
import { cliSandbox, onlyRules, parseJson, runCli, type CliRun } from './cli-process';

const FIXTURES = resolve(__dirname, '../fixtures');
const DRAFT = 'draft/2026-08-26-this-week-in-rust.md';
const CACHE = '.twir-lint-cache';

interface CacheFile {
  twirLintCache: number;
  tool: string;
  entries: [string, { result?: { message: string; fixable: boolean }[]; issue?: { fileName: string; communityUrls: string[] } | null; baseline?: string[] }][];
}

const sandbox = cliSandbox('twir-lint-cache-');

function write(path: string, content: string): void {
  mkdirSync(dirname(join(sandbox.dir, path)), { recursive: true });
  writeFileSync(join(sandbox.dir, path), content);
}

const read = (path: string) => readFileSync(join(sandbox.dir, path), 'utf8');
const lint = (...args: string[]): Promise<CliRun> => runCli(sandbox.cli, args, sandbox.dir);
const cacheAt = (path = CACHE): CacheFile => JSON.parse(read(path)) as CacheFile;

/** Rewrites the cache file through `edit`. */
function editCache(edit: (cache: CacheFile) => void, path = CACHE): void {
  const cache = cacheAt(path);
  edit(cache);
  write(path, JSON.stringify(cache));
}

/** Marks every cached message: a run that prints the mark took the finding from the cache. */
function markCachedMessages(path = CACHE): void {
  editCache((cache) => cache.entries.forEach(([, entry]) => entry.result?.forEach((diagnostic) => (diagnostic.message = `cached: ${diagnostic.message}`))), path);
}

/** A finding as `rule severity`, and ` (cached)` when it was printed from a marked cache. */
function tagged(diagnostic: { rule: string; severity: string; message: string }): string {
  return `${diagnostic.rule} ${diagnostic.severity}${diagnostic.message.startsWith('cached: ') ? ' (cached)' : ''}`;
}

/** A TWiR checkout in small: the six issues before the draft in `content/`, the draft in `draft/`. */
function checkout(): void {
  for (const name of readdirSync(join(FIXTURES, 'recent')).sort().slice(-7, -1)) copyFileSync(join(FIXTURES, 'recent', name), join(mkdir('content'), name));
  copyFileSync(join(FIXTURES, DRAFT), join(mkdir('draft'), DRAFT.split('/')[1]));
}

function mkdir(path: string): string {
  mkdirSync(join(sandbox.dir, path), { recursive: true });
  return join(sandbox.dir, path);
}

describe('twir-lint --cache: the same output, from the cache', () => {
  it.each(['text', 'json', 'github', 'github --hints', 'sarif'])('--format %s: cold and warm runs print what a run without the cache prints', async (format) => {
    checkout();
    const args = ['--format', ...format.split(' '), 'content', 'draft'];
    const without = await lint(...args);
    expect(without.stdout).not.toBe('');
    const cold = await lint('--cache', ...args);
    const warm = await lint('--cache', ...args);
    for (const run of [cold, warm]) expect(run).toEqual(without);
    // Every file's findings are in the cache, and the warm run printed them from there.
    markCachedMessages();
    const marked = await lint('--cache', ...args);
    expect(marked.status).toBe(without.status);
    expect(marked.stdout).toContain('cached: ');
    if (format === 'json') {
      const messages = (run: CliRun) => parseJson(run).flatMap((report) => report.diagnostics.map((diagnostic) => diagnostic.message));
      expect(messages(marked)).toEqual(messages(without).map((message) => `cached: ${message}`));
    }
  }, 60_000);

  it('a changed file is linted again; the others come from the cache', async () => {
    write('.twir-lint.json', onlyRules({ 'render/bullet': 'warning' }));
    write('a/2026-01-14-this-week-in-rust.md', communityIssue('* [One](https://example.com/1)'));
    write('a/2026-01-21-this-week-in-rust.md', communityIssue('- [Two](https://example.com/2)', 'Official').replace(/2026-01-14/g, '2026-01-21'));
    await lint('--cache', '--format', 'json', 'a');
    markCachedMessages();
    write('a/2026-01-14-this-week-in-rust.md', communityIssue('- [One](https://example.com/1)'));
    const reports = parseJson(await lint('--cache', '--format', 'json', 'a'));
    expect(reports.map((report) => report.diagnostics.map((diagnostic) => diagnostic.message.startsWith('cached: ')))).toEqual([[false], [true]]);
    expect(reports).toEqual(parseJson(await lint('--format', 'json', 'a')).map((report, index) => (index === 1 ? { ...report, diagnostics: report.diagnostics.map((diagnostic) => ({ ...diagnostic, message: `cached: ${diagnostic.message}` })) } : report)));
  });

  it("keys a draft's findings by the data of the issues before it: a neighbour's changed community link changes links/duplicate", async () => {
    write('.twir-lint.json', onlyRules({ 'links/duplicate': 'warning' }));
    const neighbour = (url: string) => write('content/2026-01-07-this-week-in-rust.md', communityIssue(`* [A post](${url})`).replace(/634/g, '633').replace('2026-01-14', '2026-01-07'));
    write('draft/2026-01-14-this-week-in-rust.md', communityIssue('* [A post, again](https://example.com/post)'));
    const duplicates = async (...args: string[]) => parseJson(await lint(...args, '--format', 'json', 'draft'))[0].diagnostics.map(tagged);
    neighbour('https://example.com/post');
    expect(await duplicates('--cache')).toEqual(['links/duplicate warning']);
    markCachedMessages();
    expect(await duplicates('--cache')).toEqual(['links/duplicate warning (cached)']);
    neighbour('https://example.com/other');
    expect(await duplicates('--cache')).toEqual([]);
    expect(await duplicates()).toEqual([]);
    // The neighbour as it was: the draft's first findings again.
    neighbour('https://example.com/post');
    expect(await duplicates('--cache')).toEqual(['links/duplicate warning (cached)']);
  });

  it("takes the issues before a draft from the cache, by their text, without modelling them", async () => {
    checkout();
    await lint('--cache', 'content', 'draft');
    // The draft gets a community link (its findings are not in the cache); the cache says an issue before it has that link.
    const url = 'https://example.com/only-in-the-cache';
    write(DRAFT, read(DRAFT).replace('### Official\n', `### Official\n\n* [A post](${url})\n`));
    const previous = readdirSync(join(sandbox.dir, 'content')).sort().pop()!;
    editCache((cache) => cache.entries.forEach(([, entry]) => entry.issue?.fileName === previous && entry.issue.communityUrls.push(url)));
    const found = parseJson(await lint('--cache', '--format', 'json', DRAFT))[0].diagnostics.filter((diagnostic) => diagnostic.rule === 'links/duplicate');
    expect(found.some((diagnostic) => diagnostic.message.includes(previous.slice(0, 10)))).toBe(true);
    // Without the cache the issue is read as it is: the draft's link is not in it.
    const actual = parseJson(await lint('--format', 'json', DRAFT))[0].diagnostics.filter((diagnostic) => diagnostic.rule === 'links/duplicate');
    expect(actual.some((diagnostic) => diagnostic.message.includes(previous.slice(0, 10)))).toBe(false);
  });

  it('a changed config or preset is not answered with the findings of the old one', async () => {
    write('.twir-lint.json', onlyRules({ 'render/bullet': 'warning' }));
    write('2026-01-14-this-week-in-rust.md', issue('## Updates from Rust Community\n\n### Official\n\n- [Item](https://example.com/1)\n'));
    const findings = async (...args: string[]) => parseJson(await lint('--format', 'json', ...args, '.'))[0].diagnostics.map(tagged);
    expect(await findings('--cache')).toEqual(['render/bullet warning']);
    markCachedMessages();
    expect(await findings('--cache')).toEqual(['render/bullet warning (cached)']);
    write('.twir-lint.json', onlyRules({ 'render/bullet': 'error' }));
    expect(await findings('--cache')).toEqual(['render/bullet error']);
    // Every rule at its default, then at TWiR CI's verdicts.
    write('.twir-lint.json', '{}');
    write('2026-01-14-this-week-in-rust.md', issue('## Updates from Rust Community\n\n### Official\n\n* [Item](https://example.com/1?utm_source=x)\n'));
    expect(await findings('--cache')).toEqual(await findings());
    markCachedMessages();
    expect(await findings('--cache', '--preset', 'ci')).toEqual(await findings('--preset', 'ci'));
    expect(await findings('--preset', 'ci')).not.toEqual(await findings());
  });
});

describe('twir-lint --cache: a cache file that cannot be used changes nothing', () => {
  beforeEach(() => {
    write('.twir-lint.json', onlyRules({ 'render/bullet': 'warning' }));
    write('2026-01-14-this-week-in-rust.md', issue('## Updates from Rust Community\n\n### Official\n\n- [Item](https://example.com/1)\n'));
  });

  it.each([
    ['a truncated cache file', (text: string) => text.slice(0, text.length / 2)],
    ['a cache file that is not JSON', () => 'not a cache'],
    ['an empty cache file', () => ''],
    ['a cache file of the wrong shape', (text: string) => text.replace('"fixable":true', '"fixable":"yes"')],
  ])('%s: one line on stderr, the same output, and a cache rebuilt', async (_, damage) => {
    const without = await lint('--format', 'json', '.');
    await lint('--cache', '--format', 'json', '.');
    write(CACHE, damage(read(CACHE)));
    const run = await lint('--cache', '--format', 'json', '.');
    expect(run.stdout).toBe(without.stdout);
    expect(run.status).toBe(without.status);
    expect(run.stderr).toBe(`twir-lint: the cache ${join(sandbox.dir, CACHE)} is corrupt: it is rebuilt\n`);
    expect(cacheAt().entries.length).toBeGreaterThan(0);
    expect((await lint('--cache', '--format', 'json', '.')).stderr).toBe('');
  });

  it("another version's cache is not used, without a word", async () => {
    await lint('--cache', '.');
    markCachedMessages();
    editCache((cache) => (cache.tool = `0.0.1+${cache.tool.split('+')[1]}`));
    const run = await lint('--cache', '--format', 'json', '.');
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe((await lint('--format', 'json', '.')).stdout);
    expect(cacheAt().tool).not.toMatch(/^0\.0\.1\+/);
  });

  it('a rebuilt twir-lint (same version, other bundle) does not use the cache of the old one', async () => {
    await lint('--cache', '.');
    markCachedMessages();
    const rebuilt = mkdir('rebuilt');
    copyFileSync(join(dirname(sandbox.cli), 'cli-worker.js'), join(rebuilt, 'cli-worker.js'));
    writeFileSync(join(rebuilt, 'cli.js'), `${readFileSync(sandbox.cli, 'utf8')}\n// rebuilt\n`);
    const run = await runCli(join(rebuilt, 'cli.js'), ['--cache', '--format', 'json', '2026-01-14-this-week-in-rust.md'], sandbox.dir);
    expect(run.stdout).toBe((await lint('--format', 'json', '2026-01-14-this-week-in-rust.md')).stdout);
    expect(run.stdout).not.toContain('cached: ');
    expect((await lint('--cache', '--format', 'json', '2026-01-14-this-week-in-rust.md')).stdout).not.toContain('cached: ');
  });

  it('a cache it cannot write: one line on stderr, the findings printed, the exit status theirs', async () => {
    write('not-a-folder', '');
    const without = await lint('.');
    const run = await lint('--cache', '--cache-location', 'not-a-folder/cache', '.');
    expect(run.stdout).toBe(without.stdout);
    expect(run.status).toBe(without.status);
    expect(run.stderr).toMatch(/^twir-lint: cannot write the cache .*not-a-folder\/cache: .*\n$/);
  });

  it('keeps no findings of a file it could not lint fully', async () => {
    write('2026-01-21-this-week-in-rust.md', 'Title: This Week in Rust 1\n\0binary');
    await lint('--cache', '.');
    expect(cacheAt().entries.filter(([, entry]) => entry.result)).toHaveLength(1);
  });
});

describe('twir-lint --cache: where, with --fix, with workers, with --since', () => {
  it('--cache-location names the file, or a folder (existing, or ending with a slash) that holds .twir-lint-cache', async () => {
    write('2026-01-14-this-week-in-rust.md', issue('Text.\n'));
    mkdir('existing');
    await lint('--cache', '--cache-location', 'existing', '2026-01-14-this-week-in-rust.md');
    await lint('--cache', '--cache-location', 'new/', '2026-01-14-this-week-in-rust.md');
    await lint('--cache', '--cache-location', 'caches/mine.json', '2026-01-14-this-week-in-rust.md');
    for (const path of ['existing/.twir-lint-cache', 'new/.twir-lint-cache', 'caches/mine.json']) expect(cacheAt(path).entries.length).toBeGreaterThan(0);
    expect(readdirSync(sandbox.dir).sort()).toEqual(['2026-01-14-this-week-in-rust.md', 'caches', 'existing', 'new']);
    // Without --cache, --cache-location does nothing.
    await lint('--cache-location', 'unused', '2026-01-14-this-week-in-rust.md');
    expect(readdirSync(sandbox.dir)).not.toContain('unused');
  });

  it('--fix lints again a file whose cached findings have a fix, and answers the others from the cache', async () => {
    write('.twir-lint.json', onlyRules({ 'render/bullet': 'warning', 'links/tracking': 'warning' }));
    const fixable = issue('## Updates from Rust Community\n\n### Official\n\n- [Item](https://example.com/1)\n');
    const notFixable = issue('## Updates from Rust Community\n\n### Official\n\n* [Item](https://example.com/1?utm_source=x)\n', '2026-01-21');
    write('a/2026-01-14-this-week-in-rust.md', fixable);
    write('a/2026-01-21-this-week-in-rust.md', notFixable);
    write('b/2026-01-14-this-week-in-rust.md', fixable);
    write('b/2026-01-21-this-week-in-rust.md', notFixable);
    const without = await lint('--fix', '--format', 'json', 'b');
    await lint('--cache', 'a');
    markCachedMessages();
    const run = await lint('--cache', '--fix', '--format', 'json', 'a');
    expect(read('a/2026-01-14-this-week-in-rust.md')).toBe(read('b/2026-01-14-this-week-in-rust.md'));
    expect(read('a/2026-01-14-this-week-in-rust.md')).not.toBe(fixable);
    const reports = parseJson(run);
    expect(reports[0].diagnostics).toEqual([]);
    expect(reports[1].diagnostics.map((diagnostic) => diagnostic.message)).toEqual(parseJson(without)[1].diagnostics.map((diagnostic) => `cached: ${diagnostic.message}`));
    // The fixed text's findings were kept: the next run lints nothing.
    expect((await lint('--cache', '--format', 'json', 'a')).stdout).toBe(run.stdout.replace('"b/', '"a/'));
  });

  it('worker threads use the cache and send what they made to the main thread, which writes it', async () => {
    checkout();
    const without = await lint('--format', 'json', '--concurrency', '2', 'content', 'draft');
    expect(await lint('--cache', '--format', 'json', '--concurrency', '2', 'content', 'draft')).toEqual(without);
    expect(cacheAt().entries.filter(([, entry]) => entry.result)).toHaveLength(7);
    markCachedMessages();
    const warm = parseJson(await lint('--cache', '--format', 'json', '--concurrency', '2', 'content', 'draft'));
    expect(warm.flatMap((report) => report.diagnostics.map((diagnostic) => diagnostic.message))).toEqual(parseJson(without).flatMap((report) => report.diagnostics.map((diagnostic) => `cached: ${diagnostic.message}`)));
  }, 60_000);
});
