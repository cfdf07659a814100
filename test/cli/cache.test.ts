/**
 * `twir-lint --cache`, run as a process on real files: the output with the cache is the output
 * without it, byte for byte, and the cache is used. A warm run's use of the cache is proven by
 * editing the cache file (an entry's message, an earlier issue's URLs) and signing the edit with
 * the cache's key, as only its owner can: what the run prints then comes from the cache, not from
 * a model of the file. The same edit unsigned is never printed.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { communityIssue, issue } from '../../server/src/service/rules/testing';
import { cliSandbox, editCacheFile, onlyRules, parseJson, runCli, type CliRun, type StoredCache } from './cli-process';

const FIXTURES = resolve(__dirname, '../fixtures');
const DRAFT = 'draft/2026-08-26-this-week-in-rust.md';
const CACHE = '.twir-lint-cache';

type CacheFile = StoredCache<{ result?: { message: string; severity: string; line: number; fixable: boolean }[]; issue?: { fileName: string; communityUrls: string[] } | null; baseline?: string[] }>;

const sandbox = cliSandbox('twir-lint-cache-');

function write(path: string, content: string): void {
  mkdirSync(dirname(join(sandbox.dir, path)), { recursive: true });
  writeFileSync(join(sandbox.dir, path), content);
}

const read = (path: string) => readFileSync(join(sandbox.dir, path), 'utf8');
const lint = (...args: string[]): Promise<CliRun> => runCli(sandbox.cli, args, sandbox.dir);
const cacheAt = (path = CACHE): CacheFile => JSON.parse(read(path)) as CacheFile;

const editCache = (edit: (cache: CacheFile) => void, path = CACHE, sign = true) => editCacheFile(join(sandbox.dir, path), edit, sign);

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
  });

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
    ['an empty cache file', () => '', ''],
    ['a cache file of the wrong shape', (text: string) => text.replace('"fixable":true', '"fixable":"yes"'), '1 entry of the cache'],
  ])('%s: the same output, and a cache rebuilt', async (_, damage, warning) => {
    const without = await lint('--format', 'json', '.');
    await lint('--cache', '--format', 'json', '.');
    write(CACHE, damage(read(CACHE)));
    const run = await lint('--cache', '--format', 'json', '.');
    expect(run.stdout).toBe(without.stdout);
    expect(run.status).toBe(without.status);
    if (warning) expect(run.stderr).toBe(`twir-lint: ${warning} ${join(sandbox.dir, CACHE)} did not match its signature: recomputed\n`);
    else expect(run.stderr).toBe('');
    expect(cacheAt().entries.length).toBeGreaterThan(0);
    expect((await lint('--cache', '--format', 'json', '.')).stderr).toBe('');
  });

  it('an edited entry (messages, severities, lines) is recomputed, never printed: lowering severities does not turn exit 1 into 0', async () => {
    write('.twir-lint.json', onlyRules({ 'render/bullet': 'error' }));
    const without = await lint('--format', 'json', '.');
    expect(without.status).toBe(1);
    await lint('--cache', '.');
    const forge = (cache: CacheFile) =>
      cache.entries.forEach(([, entry]) => entry.result?.forEach((diagnostic) => Object.assign(diagnostic, { message: 'all fine', severity: 'hint', line: 99 })));
    editCache(forge, CACHE, false);
    const run = await lint('--cache', '--format', 'json', '.');
    expect(run.stdout).toBe(without.stdout);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^twir-lint: 1 entry of the cache .* did not match its signature: recomputed\n$/);
    // Without the key beside it, no entry of a cache is used; a new key is made and the cache written anew.
    editCache(forge);
    writeFileSync(join(sandbox.dir, `${CACHE}.key`), `${'0'.repeat(64)}\n`);
    expect(await lint('--cache', '--format', 'json', '.')).toMatchObject({ stdout: without.stdout, status: 1 });
  });

  it.each([
    ['a Markdown file', (path: string) => write(path, '# Notes\n\nMy notes.\n')],
    ['an issue file', (path: string) => write(path, read('2026-01-14-this-week-in-rust.md'))],
    ['a file of other JSON', (path: string) => write(path, '{"name": "x"}')],
    ['a truncated cache file', (path: string) => write(path, '{"twirLintCache":2,"tool":"0.1.0+ab')],
    ['a folder', (path: string) => mkdir(`${path}/.twir-lint-cache`)],
    ['a FIFO', (path: string) => execFileSync('mkfifo', [join(sandbox.dir, path)])],
    ['a symbolic link to a cache', (path: string) => symlinkSync(join(sandbox.dir, 'real-cache'), join(sandbox.dir, path))],
    ['a key file of other content', (path: string) => write(`${path}.key`, 'my notes\n')],
  ])('refuses to replace %s given as the cache: exit 2, one line, the file untouched', async (what, make) => {
    await lint('--cache', '--cache-location', 'real-cache', '.');
    const path = what === 'a folder' ? 'folder' : 'notes.txt';
    make(path);
    const target = what === 'a folder' ? `${path}/.twir-lint-cache` : what.startsWith('a key') ? `${path}.key` : path;
    const before = statSync(join(sandbox.dir, target), { throwIfNoEntry: false });
    const content = before?.isFile() ? read(target) : undefined;
    const run = await lint('--cache', '--cache-location', path, '.');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^twir-lint: .*${target.replace('.', '\\.')} is .*, not a twir-lint cache: it is not replaced\\. .*\\n$`));
    const after = statSync(join(sandbox.dir, target), { throwIfNoEntry: false });
    expect(after?.mode).toBe(before?.mode);
    if (content !== undefined) expect(read(target)).toBe(content);
  });

  it.skipIf(process.getuid?.() !== 0)('as root, refuses a device node (/dev/null) and leaves it a device', async () => {
    const run = await lint('--cache', '--cache-location', '/dev/null', '.');
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toMatch(/^twir-lint: \/dev\/null is a device or a socket, not a twir-lint cache/);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
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

describe('twir-lint --cache in a git checkout: a cache a commit could plant is never read', () => {
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: sandbox.dir, stdio: 'pipe' });

  beforeEach(() => {
    write('.twir-lint.json', onlyRules({ 'render/bullet': 'error' }));
    write('draft/2026-01-14-this-week-in-rust.md', issue('## Updates from Rust Community\n\n### Official\n\n- [Item](https://example.com/1)\n'));
    git('init', '-q');
  });

  /** A cache of a clean draft, signed with its own key, where a pull request would put it: it says the draft is clean. */
  async function plantCleanCache(location: string): Promise<void> {
    const clean = mkdtempSync(join(tmpdir(), 'twir-lint-clean-'));
    try {
      writeFileSync(join(clean, '.twir-lint.json'), onlyRules({ 'render/bullet': 'error' }));
      mkdirSync(join(clean, 'draft'));
      writeFileSync(join(clean, 'draft/2026-01-14-this-week-in-rust.md'), read('draft/2026-01-14-this-week-in-rust.md').replace('- [Item]', '* [Item]'));
      await runCli(sandbox.cli, ['--cache', '--cache-location', 'cache', 'draft'], clean);
      // The forged entry: the draft's key (same name, folder, settings, look-back) with the clean file's findings, none.
      for (const name of ['cache', 'cache.key']) copyFileSync(join(clean, name), join(sandbox.dir, name.replace('cache', location)));
    } finally {
      rmSync(clean, { recursive: true, force: true });
    }
    expect(cacheAt(location).entries.some(([, entry]) => entry.result?.length === 0)).toBe(true);
  }

  it.each([
    ['committed', true],
    ['left untracked and not ignored', false],
  ])('a cache file %s in the checkout is not used; the run says so and lints', async (_, commit) => {
    await plantCleanCache('planted-cache');
    if (commit) git('add', '-A') && git('commit', '-qm', 'a pull request');
    const run = await lint('--cache', '--cache-location', 'planted-cache', '--format', 'json', 'draft');
    expect(run.status).toBe(1);
    expect(parseJson(run)[0].diagnostics.map((diagnostic) => diagnostic.rule)).toEqual(['render/bullet']);
    expect(run.stderr).toMatch(new RegExp(`^twir-lint: the cache .*planted-cache is not used: ${commit ? 'git tracks it' : 'it is in a git checkout that does not ignore it'}.*\\n$`));
  });

  it('a cache git ignores, or one outside the checkout (the Action\'s runner.temp), is read', async () => {
    write('.gitignore', 'ignored-cache\nignored-cache.key\n');
    await lint('--cache', '--cache-location', 'ignored-cache', 'draft');
    markCachedMessages('ignored-cache');
    const run = await lint('--cache', '--cache-location', 'ignored-cache', '--format', 'json', 'draft');
    expect(run.stderr).toBe('');
    expect(parseJson(run)[0].diagnostics.map(tagged)).toEqual(['render/bullet error (cached)']);
  });

  it('by default, the cache lives in the git folder of the checkout, where no commit can put it', async () => {
    await lint('--cache', 'draft');
    expect(existsSync(join(sandbox.dir, '.git/twir-lint-cache'))).toBe(true);
    expect(existsSync(join(sandbox.dir, CACHE))).toBe(false);
    markCachedMessages('.git/twir-lint-cache');
    const run = await lint('--cache', '--format', 'json', 'draft');
    expect(parseJson(run)[0].diagnostics.map(tagged)).toEqual(['render/bullet error (cached)']);
    expect(git('status', '--porcelain').toString()).not.toContain('cache');
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
  });
});
