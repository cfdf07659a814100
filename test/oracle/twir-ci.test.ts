/**
 * TWiR's own CI scripts (`tools/inspect_links.py`, `tools/inspect_markdown.py` of
 * rust-lang/this-week-in-rust) as an oracle: they run on the fixtures and on crafted issues, and
 * where a rule of ours claims to say what they say, it must report the same lines. Where a rule is
 * wider (more parameters, every section) only its findings in the CI's scope are compared.
 * See twir-ci/README.md for where the scripts come from and how they are run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { conventionsOf } from '../../server/src/service/conventions';
import { buildModel } from '../../server/src/service/model/build';
import type { IssueModel } from '../../server/src/service/model/types';
import { ruleById } from '../../server/src/service/rules/index';
import { earlierIssue, writtenUrls } from '../../server/src/service/rules/links/shared';
import { communityIssue, issue } from '../../server/src/service/rules/testing';
import type { Finding, EarlierIssue } from '../../server/src/service/rules/types';
import { allFixtures } from '../unit/fixtures';
import { PYTHON, PYTHON_MARKDOWN, unavailablePackages } from './debian-python';

const TOOLS = resolve(process.env.TWIR_CI_TOOLS ?? join(__dirname, 'twir-ci/tools'));
const PACKAGES = [
  ...PYTHON_MARKDOWN,
  { name: 'python3-bs4', file: '/usr/lib/python3/dist-packages/bs4/__init__.py' },
  // Imported at the top of inspect_links.py, used only for --since.
  { name: 'python3-pygit2', file: '/usr/lib/python3/dist-packages/pygit2/__init__.py' },
];

/** Why the oracle cannot run here, or undefined: it needs the scripts and, as root, installs the packages. */
async function whyUnavailable(): Promise<string | undefined> {
  const scripts = ['inspect_links.py', 'inspect_markdown.py'];
  if (!scripts.every((script) => existsSync(join(TOOLS, script)))) return `TWiR's CI scripts are not in ${TOOLS}: see test/oracle/twir-ci/README.md`;
  return unavailablePackages(PACKAGES, 'twir-ci oracle');
}

const unavailable = await whyUnavailable();
if (unavailable) console.warn(`Skipping the TWiR CI oracle: ${unavailable}`);

/**
 * Runs the scripts' own functions on each file alone (`inspect_files` for links, `render_file` and
 * `check_tags` for the Markdown), or with `--together` the links of all files as one run (duplicates
 * across issues), and prints what each reported. Their `main`s read `content/` and `draft/`, which
 * these temporary files are not in.
 */
const DRIVER = String.raw`
import json, sys
sys.path.insert(0, sys.argv[1])
import inspect_links
# inspect_markdown.py imports a setup_logging that newer inspect_links.py no longer has.
inspect_links.__dict__.setdefault('setup_logging', lambda: None)
import inspect_markdown
drain = lambda: sum(inspect_links.diagnostics.drain_errors_and_warnings(), [])
if sys.argv[2] == '--together':
    inspect_links.inspect_files(sys.argv[3:])
    print(json.dumps(drain()))
else:
    reports = {}
    for file in sys.argv[2:]:
        inspect_links.inspect_files([file])
        links = drain()
        inspect_markdown.check_tags(inspect_markdown.render_file(file), file)
        reports[file] = {'links': links, 'markdown': drain()}
    print(json.dumps(reports))
`;

const work = mkdtempSync(join(tmpdir(), 'twir-ci-oracle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runDriver(args: string[]): unknown {
  const output = execFileSync(PYTHON, ['-c', DRIVER, TOOLS, ...args], { encoding: 'utf8', env: { ...process.env, PYTHONUTF8: '1', PYTHONDONTWRITEBYTECODE: '1' } });
  return JSON.parse(output);
}

interface Case {
  name: string;
  fileName: string;
  text: string;
}

/** What TWiR's CI reports on each case: its messages about links and about the Markdown. */
function ciReports(cases: readonly Case[]): Map<Case, { links: string[]; markdown: string[] }> {
  const paths = cases.map((item, index) => {
    const path = join(work, `${index}-${item.fileName}`);
    writeFileSync(path, item.text);
    return path;
  });
  const reports = runDriver(paths) as Record<string, { links: string[]; markdown: string[] }>;
  return new Map(cases.map((item, index) => [item, reports[paths[index]]]));
}

/** A comparison: the 1-based lines (or names, or a count) that the CI and our rules report. */
type Comparison = Record<string, { ci: (number | string)[]; ours: (number | string)[] }>;

const FENCES = /````|```/g;
const CI_TRACKING = ['utm_source', 'utm_campaign', 'utm_medium', 'utm_content'];

/** The 1-based lines that hold `needle` whole: delimited as a link's URL (`(url)`, `<url>`, `]: url`) or text (`[text]`) is. */
function linesHolding(lines: readonly string[], needle: string): number[] {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const whole = new RegExp(`(?:^|[(<\\s[])${escaped}(?=[)>\\s"\\]]|$)`);
  return lines.flatMap((line, index) => (whole.test(line) ? [index + 1] : []));
}

const sorted = (values: (number | string)[]) => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * The CI's messages and our findings, as lines per kind of check. Our findings count where the CI
 * looks: links/scheme, links/tracking and links/simplify are compared on community links only,
 * links/tracking on the CI's four parameters, and links/simplify without our http → https hint.
 */
function compare(item: Case, ci: { links: string[]; markdown: string[] }, recentIssues: readonly EarlierIssue[] = []): Comparison {
  const model = buildModel(item.text, { fileName: item.fileName });
  const lines = item.text.split(/\r?\n/);
  const findings = (id: string): Finding[] => ruleById(id)!.check({ model, recentIssues });
  const community = new Set(writtenUrls(model).filter((url) => url.inCommunity).map((url) => url.range.start.line + 1));
  const lineOf = (finding: Finding) => finding.range.start.line + 1;
  const inCommunity = (list: Finding[]) => list.map(lineOf).filter((line) => community.has(line));

  const ciLines = (pattern: RegExp, messages: string[]) =>
    sorted(messages.flatMap((message) => {
      const match = pattern.exec(message);
      return match ? linesHolding(lines, match[1]) : [];
    }));
  const tracking = findings('links/tracking').filter((finding) => CI_TRACKING.some((name) => finding.message.includes(`\`${name}\``)));
  const simplify = findings('links/simplify').filter((finding) => finding.certainty !== 'hint');
  const backticks = findings('markdown/backticks');
  const html = findings('markdown/html');
  const stripped = lines.map((line) => line.replace(FENCES, ''));
  const ciBackticks = (kind: string) =>
    sorted(ci.markdown.flatMap((message) => {
      const match = new RegExp(`: found ${kind} backticks: "(.*)"$`, 's').exec(message);
      return match ? stripped.flatMap((line, index) => (line === match[1] ? [index + 1] : [])) : [];
    }));
  return {
    scheme: { ci: ciLines(/^unexpected\/malformed link scheme: (.*)$/s, ci.links), ours: sorted(inCommunity(findings('links/scheme'))) },
    tracking: { ci: ciLines(/^found tracking parameters on (.*): \[/s, ci.links), ours: sorted(inCommunity(tracking)) },
    // What the CI would simplify, tracking parameters aside, is links/simplify's; the rest links/tracking's.
    simplify: {
      ci: ciLines(/^link can be simplified: (.*) -> /s, ci.links),
      ours: sorted([...inCommunity(simplify), ...inCommunity(tracking)]),
    },
    // Today's CI warns on every issue; before its 2026 change (conventions.ts repoOrCrateWarned) it did not, nor do we.
    repoOrCrate: {
      ci: conventionsOf(model).repoOrCrateWarned ? ciLines(/^link (.*) is (?:directly to a GitHub repo|to crates\.io)/s, ci.links) : [],
      ours: sorted(findings('links/repo-or-crate').map(lineOf)),
    },
    truncatedTitle: { ci: ciLines(/^this link title may be unintentionally truncated: '(.*)'$/s, ci.links), ours: sorted(findings('links/truncated-title').map(lineOf)) },
    duplicateInIssue: {
      ci: [ci.links.filter((message) => / found twice in /.test(message)).length],
      ours: [findings('links/duplicate').filter((finding) => finding.message.startsWith('Same link')).length],
    },
    oddBackticks: { ci: ciBackticks('odd'), ours: sorted(backticks.filter((finding) => finding.message.includes('odd')).map(lineOf)) },
    emptyBackticks: { ci: ciBackticks('empty'), ours: sorted(backticks.filter((finding) => finding.message.startsWith('Empty')).map(lineOf)) },
    tags: {
      ci: sorted(ci.markdown.flatMap((message) => /: unrecognized tag (\S+) in /.exec(message)?.slice(1) ?? [])),
      ours: sorted(html.flatMap((finding) => /HTML tag `<\/?([A-Za-z][\w-]*)/.exec(finding.message)?.slice(1).map((name) => name.toLowerCase()) ?? [])),
    },
    emptyItems: {
      ci: [ci.markdown.filter((message) => message.includes(': empty <li> tag after')).length],
      ours: [html.filter((finding) => finding.message.startsWith('An empty list item')).length + emptyLinkItems(model, findings('links/malformed')).length],
    },
  };
}

/** links/malformed's "no text" findings on list items that hold nothing else: empty items to the CI. */
function emptyLinkItems(model: IssueModel, malformed: Finding[]): Finding[] {
  return malformed.filter((finding) => {
    if (!finding.message.includes('no text')) return false;
    const text = model.lines.lineText(finding.range.start.line);
    return /^\s*[*+-]\s+\[\]\([^)]*\)\s*$/.test(text);
  });
}

/** Every comparison whose CI side and our side differ (none expected). */
function differences(comparison: Comparison): Comparison {
  return Object.fromEntries(Object.entries(comparison).filter(([, { ci, ours }]) => JSON.stringify(ci) !== JSON.stringify(ours)));
}

/** One issue holding every pattern the rules and the CI share, each on its own line (line 9 on). */
const CRAFTED: Case[] = [
  {
    name: 'community links the CI simplifies, rejects or warns about',
    fileName: '2026-01-14-this-week-in-rust.md',
    text: communityIssue(
      [
        '* [Double slash](https://example.com/a//b)',
        '* [Bare question mark](https://example.com/c?)',
        '* [Flag](https://example.com/d?flag)',
        '* [Space](https://example.com/e?q=async%20rust)',
        '* [Comma](https://example.com/f?ids=1,2)',
        '* [Host only](https://example.com)',
        '* [Plain http, kept by the CI](http://example.com/g)',
        '* [Tracking](https://example.com/h?utm_source=rss&id=1)',
        '* [Tracking alone](https://example.com/i?utm_medium=email)',
        '* [Other tracking, ours alone](https://example.com/j?fbclid=abc)',
        '* [A repository](https://github.com/rust-lang/rust)',
        '* [Its releases](https://github.com/rust-lang/rust/releases)',
        '* [An issue](https://github.com/rust-lang/rust/issues/1)',
        '* [An organisation](https://github.com/rust-lang)',
        '* [A crate](https://crates.io/crates/serde)',
        `* [${'x'.repeat(67)}...](https://example.com/truncated)`,
        '* [Relative](/blog/archives/index.html)',
        '* [IRC](irc://irc.libera.chat/rust)',
        '* [Twice](https://example.com/twice/)',
        '* [Twice again](http://example.com/twice)',
        '* [](https://example.com/no-text)',
        '* <!-- an item with a comment only -->',
        '* Use `Vec<T>` and Vec<T> and a `` pair',
        '<!-- a comment with an odd ` backtick -->',
      ].join('\n'),
    ),
  },
  {
    name: 'outside the community sections the CI checks no link, but every list item',
    fileName: '2026-01-14-this-week-in-rust.md',
    text: issue('## Jobs\n\n* [Jobs](https://example.com//jobs?)\n* [A repository](https://github.com/rust-lang/rust)\n\n<ul><li>One</li><li></li><li> </li></ul>\n\n## Updates from Rust Community\n\n* [Fine](https://example.com/fine/)\n\n# Quote of the Week\n\n[Quote](https://example.com/q?flag)\n'),
  },
];

describe.skipIf(unavailable !== undefined)("TWiR's CI scripts as an oracle", () => {
  const cases: Case[] = [...allFixtures().map((fixture) => ({ name: fixture.name, fileName: fixture.fileName, text: fixture.text })), ...CRAFTED];
  const reports = unavailable === undefined ? ciReports(cases) : new Map();

  it.each(cases.map((item) => [item.name, item] as const))('our rules report what the CI reports: %s', (_name, item) => {
    expect(differences(compare(item, reports.get(item)))).toEqual({});
  });

  it('the crafted issue makes the CI say every kind of thing compared', () => {
    const comparison = compare(CRAFTED[0], reports.get(CRAFTED[0]));
    const silent = Object.entries(comparison).filter(([, { ci }]) => ci.length === 0 || ci[0] === 0).map(([kind]) => kind);
    expect(silent).toEqual([]);
  });

  it('across issues: the CI finds a link again in a recent issue, and only ours finds it under www.', () => {
    const older = communityIssue('* [Old](https://example.com/old/)\n* [Older](https://www.example.com/older)').replace('2026-01-14', '2026-01-07').replace(/634/g, '633');
    const newer = communityIssue('* [Old again](http://example.com/old)\n* [Older again](https://example.com/older)');
    const olderPath = join(work, '2026-01-07-this-week-in-rust.md');
    const newerPath = join(work, '2026-01-14-this-week-in-rust.md');
    writeFileSync(olderPath, older);
    writeFileSync(newerPath, newer);
    const ci = (runDriver(['--together', olderPath, newerPath]) as string[]).filter((message) => message.startsWith('possible duplicate'));
    expect(ci).toEqual([expect.stringMatching(/^possible duplicate link https:\/\/example\.com\/old in file .*2026-01-14/)]);
    const recentIssues = [earlierIssue('2026-01-07-this-week-in-rust.md', buildModel(older, { fileName: '2026-01-07-this-week-in-rust.md' }))];
    const ours = ruleById('links/duplicate')!.check({ model: buildModel(newer, { fileName: '2026-01-14-this-week-in-rust.md' }), recentIssues });
    expect(ours.map((finding) => finding.range.start.line + 1)).toEqual([9, 10]);
  });
});
