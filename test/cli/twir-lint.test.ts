import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, cpSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { communityIssue, issue } from '../../server/src/service/rules/testing';
import { cliSandbox, onlyRules, parseJson, runCli, type CliRun } from './cli-process';

const FIXTURES = resolve(__dirname, '../fixtures');
const ISSUE_NAME = '2026-01-14-this-week-in-rust.md';

/** Line 10 has a `-` bullet (render/bullet), line 11 trailing spaces (text/trailing-space). */
const WITH_PROBLEMS = issue('## Updates from Rust Community\n\n### Official\n\n- [Item one](https://example.com/1)\n* [Item two](https://example.com/2)  \n');

const sandbox = cliSandbox('twir-lint-test-');

function write(path: string, content: string | Buffer): string {
  const file = join(sandbox.dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

const lintIn = (args: string[], env?: Record<string, string>): Promise<CliRun> => runCli(sandbox.cli, args, sandbox.dir, env);

describe('twir-lint: formats', () => {
  beforeEach(() => {
    write('.twir-lint.json', onlyRules({ 'render/bullet': 'warning', 'text/trailing-space': 'hint' }));
    write(ISSUE_NAME, WITH_PROBLEMS);
  });

  it('json: one entry per file with 1-based positions and whether --fix can fix it', async () => {
    const run = await lintIn(['--format', 'json', '.']);
    expect(run.status).toBe(0);
    expect(parseJson(run)).toEqual([
      {
        file: ISSUE_NAME,
        diagnostics: [
          { rule: 'render/bullet', severity: 'warning', line: 10, column: 1, endLine: 10, endColumn: 2, message: expect.any(String), fixable: true },
          // A hint's fix is a suggestion: --fix leaves it to a person.
          { rule: 'text/trailing-space', severity: 'hint', line: 11, column: 36, endLine: 11, endColumn: 38, message: expect.any(String), fixable: false },
        ],
      },
    ]);
  });

  it('text: a block per file with aligned rows starting with path:line:col, then a summary; no colours when not on a terminal', async () => {
    const run = await lintIn([ISSUE_NAME]);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${ISSUE_NAME}:10:1 {3}warning {2}\\S.*\\S {2}render/bullet$`));
    expect(lines[1]).toMatch(new RegExp(`^${ISSUE_NAME}:11:36 {2}hint {5}\\S.*\\S +text/trailing-space$`));
    expect(lines[0].indexOf('render/bullet')).toBe(lines[1].indexOf('text/trailing-space'));
    expect(lines[2]).toBe('');
    expect(run.stdout).toContain('✖ 2 problems (1 warning, 1 hint) in 1 of 1 file\n  1 fixable with --fix\n');
    expect(run.stdout).not.toContain('\x1b[');
  });

  it('text: colours on a terminal, unless NO_COLOR; FORCE_COLOR forces them', async () => {
    const forced = await lintIn([ISSUE_NAME], { FORCE_COLOR: '1' });
    expect(forced.stdout).toContain('\x1b[33mwarning\x1b[39m');
    // `script` runs the CLI on a pseudo-terminal.
    const onTerminal = (prefix: string) =>
      execFileSync('script', ['-qec', `${prefix} ${JSON.stringify(process.execPath)} ${JSON.stringify(sandbox.cli)} ${ISSUE_NAME}`, '/dev/null'], {
        cwd: sandbox.dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, TERM: 'xterm-256color' },
      });
    expect(onTerminal('')).toContain('\x1b[33mwarning');
    expect(onTerminal('NO_COLOR=1')).not.toContain('\x1b[');
  });

  it('github: workflow commands with escaped properties, then a summary line; hints only when asked, as notices', async () => {
    const name = 'odd,name:1-this-week-in-rust.md';
    write(name, WITH_PROBLEMS);
    const warning = expect.stringMatching(/^::warning file=odd%2Cname%3A1-this-week-in-rust\.md,line=10,col=1,endLine=10,endColumn=2,title=render\/bullet::\S/);
    const run = await lintIn(['--format', 'github', name]);
    expect(run.stdout.trimEnd().split('\n')).toEqual([warning, 'twir-lint: 1 problem (1 warning) in 1 file.']);
    const withHints = await lintIn(['--format', 'github', '--hints', name]);
    expect(withHints.stdout.trimEnd().split('\n')).toEqual([
      warning,
      expect.stringMatching(/^::notice file=odd%2Cname%3A1-this-week-in-rust\.md,line=11,col=36,endLine=11,endColumn=38,title=text\/trailing-space::\S/),
      'twir-lint: 2 problems (1 warning, 1 hint) in 1 file.',
    ]);
  });
});

describe('twir-lint: exit status', () => {
  it('0 with warnings only, 1 with an error', async () => {
    write(ISSUE_NAME, WITH_PROBLEMS);
    write('warn.json', onlyRules({ 'render/bullet': 'warning' }));
    write('error.json', onlyRules({ 'render/bullet': 'error' }));
    expect((await lintIn(['--config', 'warn.json', ISSUE_NAME])).status).toBe(0);
    const failing = await lintIn(['--config', 'error.json', ISSUE_NAME]);
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('(1 error)');
  });

  it.each([
    [['--bogus', '.'], /Unknown option '--bogus'/],
    [[], /no PATH given/],
    [['--format', 'xml', '.'], /--format must be one of text, json, github/],
    [['--concurrency', 'lots', '.'], /--concurrency must be/],
  ])('2 and the usage on stderr for %j', async (args, message) => {
    const run = await lintIn(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage: twir-lint');
  });

  it('--help and --version print to stdout and exit 0', async () => {
    const help = await lintIn(['--help']);
    expect(help).toMatchObject({ status: 0, stderr: '' });
    expect(help.stdout).toContain('Usage: twir-lint');
    const version = await lintIn(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')).version}\n`);
  });
});

describe('twir-lint: inputs', () => {
  it('searches folders for issue files in sorted order, skipping node_modules and dot folders', async () => {
    write('.twir-lint.json', onlyRules({}));
    for (const path of [
      'content/2024-01-03-this-week-in-rust.md',
      'content/2014-03-12-this-week-in-rust.markdown',
      'content/notes.md',
      'content/unnamed-draft.md',
      'draft/DRAFT_TEMPLATE',
      'node_modules/pkg/2024-01-03-this-week-in-rust.md',
      '.git/2024-01-03-this-week-in-rust.md',
      'README.md',
    ]) {
      write(path, path.includes('notes') || path === 'README.md' ? '# Notes\n' : issue('## Jobs\n'));
    }
    write('explicit.txt', WITH_PROBLEMS);
    const run = await lintIn(['--format', 'json', 'draft', '.', 'explicit.txt']);
    expect(run.status).toBe(0);
    expect(parseJson(run).map((report) => report.file)).toEqual([
      'draft/DRAFT_TEMPLATE',
      'content/2014-03-12-this-week-in-rust.markdown',
      'content/2024-01-03-this-week-in-rust.md',
      'content/unnamed-draft.md',
      'explicit.txt',
    ]);
  });

  it('reports a file it cannot lint and lints the others, with exit status 2', async () => {
    write('.twir-lint.json', onlyRules({ 'render/bullet': 'error' }));
    write('a/2026-01-07-this-week-in-rust.md', WITH_PROBLEMS);
    write('a/2026-01-14-this-week-in-rust.md', Buffer.concat([Buffer.from(issue('* [x](https://x.org)\n')), Buffer.from([0, 1, 2])]));
    write('a/2026-01-21-this-week-in-rust.md', Buffer.concat([Buffer.from(issue('* [caf')), Buffer.from([0xe9]), Buffer.from('](https://x.org)\n')]));
    write('a/2026-01-28-this-week-in-rust.md', 'a'.repeat(6 * 1024 * 1024));
    write('a/2026-01-29-this-week-in-rust.md', `${issue('')}${'* [x](https://x.org)\n'.repeat(20_000)}`);
    write('a/2026-01-30-this-week-in-rust.md', issue([...Array(100).keys()].map((depth) => `${'  '.repeat(depth)}* x\n`).join('')));
    write('a/2026-02-04-this-week-in-rust.md', WITH_PROBLEMS);
    execFileSync('mkfifo', [join(sandbox.dir, 'fifo.md')]);
    const run = await lintIn(['--format', 'json', 'a', 'fifo.md', 'missing.md']);
    expect(run.status).toBe(2);
    const reports = parseJson(run);
    const summary = reports.map((report) => `${report.file}: ${report.diagnostics.map((diagnostic) => `${diagnostic.rule} ${diagnostic.severity}${diagnostic.rule === 'fatal' ? ` ${diagnostic.message}` : ''}`).join('; ')}`);
    expect(summary).toEqual([
      'a/2026-01-07-this-week-in-rust.md: render/bullet error',
      'a/2026-01-14-this-week-in-rust.md: fatal error Binary file (it contains NUL bytes): not linted.',
      'a/2026-01-21-this-week-in-rust.md: fatal error Not valid UTF-8: save the file as UTF-8 to lint it.',
      'a/2026-01-28-this-week-in-rust.md: fatal error The file is 6 MB, more than the 1 MB TWiR reads: not read.',
      // The analysis budget of the editor (service/guard.ts): too big to parse quickly, too deep.
      expect.stringMatching(/^a\/2026-01-29-this-week-in-rust\.md: fatal error The file is \d+ KB, more than the \d+ KB TWiR analyses: not linted\.$/),
      expect.stringMatching(/^a\/2026-01-30-this-week-in-rust\.md: fatal error The file nests lists or quotes too deeply \(line \d+\): not linted\.$/),
      'a/2026-02-04-this-week-in-rust.md: render/bullet error',
      'fifo.md: fatal error Not a regular file (a FIFO): not read.',
      'missing.md: fatal error No such file or folder.',
    ]);
  });

  it('uses the nearest .twir-lint.json above each PATH, or --config', async () => {
    write('.twir-lint.json', onlyRules({ 'render/bullet': 'error' }));
    write('quiet/.twir-lint.json', onlyRules({}));
    write(`loud/${ISSUE_NAME}`, WITH_PROBLEMS);
    write(`quiet/${ISSUE_NAME}`, WITH_PROBLEMS);
    write('hints.json', onlyRules({ 'render/bullet': 'hint' }));
    const found = parseJson(await lintIn(['--format', 'json', 'loud', 'quiet']));
    expect(found.map((report) => report.diagnostics.map((diagnostic) => diagnostic.severity))).toEqual([['error'], []]);
    const explicit = parseJson(await lintIn(['--format', 'json', '--config', 'hints.json', 'loud', 'quiet']));
    expect(explicit.map((report) => report.diagnostics.map((diagnostic) => diagnostic.severity))).toEqual([['hint'], ['hint']]);
  });

  it.each([
    ['{ "rules": { "render/bullet": "loud" } }', /render\/bullet.*"loud" is not one of off, hint, info, warning, error/],
    ['{ "rules": { "no/such-rule": "off" } }', /unknown rule "no\/such-rule"/],
    ['{ "rules": { "render/bulet": "off" } }', /\.twir-lint\.json:1:14: unknown rule "render\/bulet" \(did you mean "render\/bullet"\?\)/],
    ['{ "rules": ', /is not valid JSON/],
    ['{ "rule": {} }', /unknown key "rule"/],
  ])('rejects a bad config with a clear message and exit status 2: %s', async (config, message) => {
    write('.twir-lint.json', config);
    write(ISSUE_NAME, WITH_PROBLEMS);
    const run = await lintIn([ISSUE_NAME]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/\.twir-lint\.json/);
    expect(run.stderr).toMatch(message);
  });

  it('rejects a --config file that does not exist', async () => {
    write(ISSUE_NAME, WITH_PROBLEMS);
    const run = await lintIn(['--config', 'nope.json', ISSUE_NAME]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot read the config given with --config.*nope\.json/);
  });

  it('compares community links with the recent issues of the repository (links/duplicate)', async () => {
    write('.twir-lint.json', onlyRules({ 'links/duplicate': 'warning' }));
    const links = '* [A post](https://example.com/post)\n* [Another](https://example.com/other)';
    write('content/2026-01-07-this-week-in-rust.md', communityIssue(links).replace(/634/g, '633').replace('2026-01-14', '2026-01-07'));
    write(`draft/${ISSUE_NAME}`, communityIssue('* [A post, again](https://example.com/post)\n* [News](https://example.com/news)'));
    const [report] = parseJson(await lintIn(['--format', 'json', 'draft']));
    expect(report.diagnostics.map((diagnostic) => [diagnostic.rule, diagnostic.line])).toEqual([['links/duplicate', 9]]);
    expect(report.diagnostics[0].message).toContain('2026-01-07');
  });

  it('honours suppression comments', async () => {
    write('.twir-lint.json', onlyRules({ 'render/bullet': 'warning' }));
    write(ISSUE_NAME, issue('## Jobs\n\n<!-- twir-lint-disable-next-line render/bullet -->\n- [a](https://a.org)\n- [b](https://b.org)\n'));
    const [report] = parseJson(await lintIn(['--format', 'json', ISSUE_NAME]));
    expect(report.diagnostics.map((diagnostic) => diagnostic.line)).toEqual([10]);
  });
});

describe('twir-lint --fix', () => {
  it('applies the fixes, keeps a BOM, CRLF and the file mode, and a second run changes nothing', async () => {
    write('.twir-lint.json', onlyRules({ 'render/bullet': 'warning', 'text/trailing-space': 'warning' }));
    // Trailing space on the first line too: its column must not count the BOM.
    const original = `\uFEFF${WITH_PROBLEMS.replace('Title: This Week in Rust 634', 'Title: This Week in Rust 634 ')}`.replace(/\n/g, '\r\n');
    const file = write(ISSUE_NAME, original);
    chmodSync(file, 0o640);

    const [before] = parseJson(await lintIn(['--format', 'json', ISSUE_NAME]));
    expect(before.diagnostics.map((diagnostic) => `${diagnostic.line}:${diagnostic.column}-${diagnostic.endColumn}`)).toEqual(['1:29-30', '10:1-2', '11:36-38']);

    const fixed = await lintIn(['--fix', ISSUE_NAME]);
    expect(fixed.status).toBe(0);
    expect(fixed.stdout).toContain('Fixed 1 file');
    const expected = original.replace('634 \r\n', '634\r\n').replace('\r\n- [Item one]', '\r\n* [Item one]').replace('/2)  \r\n', '/2)\r\n');
    expect(readFileSync(file)).toEqual(Buffer.from(expected, 'utf8'));
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(sandbox.dir).sort()).toEqual(['.twir-lint.json', ISSUE_NAME]);

    const again = await lintIn(['--fix', ISSUE_NAME]);
    expect(again.stdout).not.toContain('Fixed');
    expect(readFileSync(file)).toEqual(Buffer.from(expected, 'utf8'));
  });

  it('leaves the fixes of hints to a person', async () => {
    write('.twir-lint.json', onlyRules({ 'text/trailing-space': 'hint' }));
    const original = WITH_PROBLEMS.replace('Title: This Week in Rust 634', 'Title: This Week in Rust 634 ');
    const file = write(ISSUE_NAME, original);
    const run = await lintIn(['--fix', '--format', 'json', ISSUE_NAME]);
    expect(parseJson(run)[0].diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.fixable])).toEqual([
      ['hint', false],
      ['hint', false],
    ]);
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  it('reports what is left after fixing, with every rule on', async () => {
    const target = join(sandbox.dir, 'seeds');
    cpSync(join(FIXTURES, 'seeds'), target, { recursive: true });
    const run = await lintIn(['--fix', '--format', 'json', 'seeds']);
    expect(run.status, run.stdout).not.toBe(2);
    const left = parseJson(run);
    expect(left).toHaveLength(2);
    expect(left.flatMap((report) => report.diagnostics).filter((diagnostic) => diagnostic.fixable)).toEqual([]);
    const after = readdirSync(target).map((name) => readFileSync(join(target, name)));
    const second = await lintIn(['--fix', '--format', 'json', 'seeds']);
    expect(parseJson(second)).toEqual(left);
    expect(readdirSync(target).map((name) => readFileSync(join(target, name)))).toEqual(after);
  }, 60_000);
});

describe('twir-lint: a workspace or an output that cannot hurt it', () => {
  beforeEach(() => write('.twir-lint.json', onlyRules({ 'render/bullet': 'warning' })));

  /** One line on stderr, no stack trace. */
  const expectOneLine = (stderr: string, message: RegExp) => {
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  };

  it('--fix does not write through a symbolic link that leads out of the folder it was given (exit 2)', async () => {
    const outside = write('elsewhere/2026-01-07-this-week-in-rust.md', WITH_PROBLEMS);
    const inside = write('repo/other/2026-01-21-this-week-in-rust.md', WITH_PROBLEMS);
    mkdirSync(join(sandbox.dir, 'repo/draft'));
    symlinkSync(outside, join(sandbox.dir, 'repo/draft/2026-01-07-this-week-in-rust.md'));
    symlinkSync(inside, join(sandbox.dir, 'repo/draft/2026-01-21-this-week-in-rust.md'));
    const run = await lintIn(['--fix', '--format', 'json', 'repo/draft']);
    expect(run.status).toBe(2);
    const fatal = parseJson(run).flatMap((report) => report.diagnostics.filter((diagnostic) => diagnostic.rule === 'fatal').map((diagnostic) => `${report.file}: ${diagnostic.message}`));
    expect(fatal).toEqual([
      expect.stringMatching(/^repo\/draft\/2026-01-07-this-week-in-rust\.md: The fixes were not written: it leads to .*\/elsewhere\/.* through a symbolic link, outside .*\/repo\/draft\.$/),
      expect.stringMatching(/^repo\/draft\/2026-01-21-this-week-in-rust\.md: The fixes were not written: it leads to .*\/repo\/other\/.* through a symbolic link, outside .*\/repo\/draft\.$/),
    ]);
    expect(readFileSync(outside, 'utf8')).toBe(WITH_PROBLEMS);
    expect(readFileSync(inside, 'utf8')).toBe(WITH_PROBLEMS);
    // Given the whole repository, the link that stays inside it is followed.
    const wholeRepository = await lintIn(['--fix', 'repo']);
    expect(wholeRepository.status).toBe(2);
    expect(readFileSync(inside, 'utf8')).not.toBe(WITH_PROBLEMS);
    expect(readFileSync(outside, 'utf8')).toBe(WITH_PROBLEMS);
  });

  it('--fix does not write a read-only file (exit 2)', async () => {
    const file = write(ISSUE_NAME, WITH_PROBLEMS);
    chmodSync(file, 0o444);
    const run = await lintIn(['--fix', '--format', 'json', ISSUE_NAME]);
    expect(run.status).toBe(2);
    expect(parseJson(run)[0].diagnostics.map((diagnostic) => `${diagnostic.rule}: ${diagnostic.message}`)).toEqual([
      'fatal: The fixes were not written: the file is read-only.',
      expect.stringMatching(/^render\/bullet: /),
    ]);
    expect(readFileSync(file, 'utf8')).toBe(WITH_PROBLEMS);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it('an output it cannot write (> /dev/full) exits 2 with one line, not 1 with a stack', async () => {
    write(ISSUE_NAME, WITH_PROBLEMS.replace('- [Item one]', '-   [Item one]'));
    write('.twir-lint.json', onlyRules({ 'render/bullet': 'error' }));
    const full = openSync('/dev/full', 'w');
    try {
      const run = await runCli(sandbox.cli, [ISSUE_NAME], sandbox.dir, {}, full);
      expect(run.status).toBe(2);
      expectOneLine(run.stderr, /^twir-lint: cannot write the output: ENOSPC/);
    } finally {
      closeSync(full);
    }
  });

  it('a reader that goes away (| head) makes it exit 2 with one line, after --fix finished its files', async () => {
    const file = write(ISSUE_NAME, WITH_PROBLEMS);
    const run = await runCli(sandbox.cli, ['--fix', ISSUE_NAME], sandbox.dir, {}, 'closed');
    expect(run.status).toBe(2);
    expectOneLine(run.stderr, /^twir-lint: cannot write the output: the reader closed it\n$/);
    expect(readFileSync(file, 'utf8')).not.toBe(WITH_PROBLEMS);
  });

  it('an unexpected error is one line and exit 2, never a stack trace', () => {
    // A working folder deleted under the CLI: process.cwd() fails, which nothing expects.
    const run = spawnSync('sh', ['-c', 'mkdir gone && cd gone && rmdir ../gone && exec "$0" "$1" issue.md', process.execPath, sandbox.cli], { cwd: sandbox.dir, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expectOneLine(run.stderr, /^twir-lint: internal error: ENOENT/);
  });

  it('refuses a FIFO or a device as --config or as .twir-lint.json, and a FIFO or a device as PATH, without waiting', async () => {
    write(ISSUE_NAME, WITH_PROBLEMS);
    execFileSync('mkfifo', [join(sandbox.dir, 'fifo.json')]);
    const fifoConfig = await lintIn(['--config', 'fifo.json', ISSUE_NAME]);
    expect(fifoConfig.status).toBe(2);
    expectOneLine(fifoConfig.stderr, /cannot read the config given with --config .*fifo\.json: Not a regular file \(a FIFO\)/);

    rmSync(join(sandbox.dir, '.twir-lint.json'));
    symlinkSync('/dev/zero', join(sandbox.dir, '.twir-lint.json'));
    const deviceConfig = await lintIn([ISSUE_NAME]);
    expect(deviceConfig.status).toBe(2);
    expectOneLine(deviceConfig.stderr, /cannot read the config file .*\.twir-lint\.json: Not a regular file \(a device\)/);

    rmSync(join(sandbox.dir, '.twir-lint.json'));
    execFileSync('mkfifo', [join(sandbox.dir, 'fifo.md')]);
    const paths = await lintIn(['--format', 'json', 'fifo.md', '/dev/zero']);
    expect(paths.status).toBe(2);
    expect(parseJson(paths).map((report) => report.diagnostics.map((diagnostic) => diagnostic.message))).toEqual([
      ['Not a regular file (a FIFO): not read.'],
      ['Not a regular file (a device): not read.'],
    ]);
  }, 20_000);
});

describe('twir-lint: workers', () => {
  it('prints the same reports in the same order with and without worker threads', async () => {
    // The archive's 105 issues would only make the run longer on two shared cores.
    cpSync(FIXTURES, join(sandbox.dir, 'fixtures'), { recursive: true, filter: (source) => !source.startsWith(join(FIXTURES, 'archive')) });
    // Slow first file: workers finish later files first, and the output must wait for it.
    write('aaa/2024-11-20-this-week-in-rust.md', readFileSync(join(FIXTURES, 'published/2024-11-20-this-week-in-rust.md')));
    const inline = await lintIn(['--format', 'json', '--concurrency', 'off', 'aaa', 'fixtures']);
    const threaded = await lintIn(['--format', 'json', '--concurrency', '3', 'aaa', 'fixtures']);
    expect(threaded.status).toBe(inline.status);
    expect(threaded.stdout).toBe(inline.stdout);
    const files = parseJson(threaded).map((report) => report.file);
    expect(files).toHaveLength(51);
    expect(files.slice(1)).toEqual([...files.slice(1)].sort());
  }, 120_000); // three workers on two shared cores
});
