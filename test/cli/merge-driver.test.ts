/**
 * `twir-lint merge-driver` as git runs it: a temporary repository with the `.gitattributes` line and
 * the `git config` command of the README, two branches editing the draft of 2026-08-26, and a real
 * `git merge`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DRAFT, PREVIOUS, entriesOf, gitMergeFile, withEntries } from '../unit/conflict-sides';
import { cliSandbox } from './cli-process';

const PATH = 'draft/2026-08-26-this-week-in-rust.md';
const sandbox = cliSandbox('twir-merge-driver-');

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: sandbox.dir, encoding: 'utf8' });
}

function write(path: string, text: string): void {
  mkdirSync(dirname(join(sandbox.dir, path)), { recursive: true });
  writeFileSync(join(sandbox.dir, path), text);
}

function commitDraft(text: string, message: string): void {
  write(PATH, text);
  git('add', '--all');
  git('commit', '--quiet', '--message', message);
}

/** The draft on `main`, one branch per side from it, and `git merge theirs` on `ours`. */
function mergeBranches(ours: string, theirs: string): { status: number | null; stderr: string; result: string } {
  git('switch', '--quiet', '-c', 'theirs', 'main');
  commitDraft(theirs, 'theirs');
  git('switch', '--quiet', '-c', 'ours', 'main');
  commitDraft(ours, 'ours');
  const run = spawnSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.com', '-c', 'commit.gpgsign=false', 'merge', '--no-edit', 'theirs'], { cwd: sandbox.dir, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr, result: readFileSync(join(sandbox.dir, PATH), 'utf8') };
}

const OBSERVATIONS = entriesOf(PREVIOUS.text, 'Observations/Thoughts');
const crate = (name: string) => DRAFT.text.replace('<!-- COTW goes here -->', `This week's crate is [${name}](https://crates.io/crates/${name}).`);

beforeEach(() => {
  git('init', '--quiet', '--initial-branch=main');
  // As the README says: the attribute is committed, the driver is configured per clone.
  write('.gitattributes', 'draft/*-this-week-in-rust.md merge=twir\n');
  git('config', 'merge.twir.name', 'TWiR issue');
  git('config', 'merge.twir.driver', `node ${JSON.stringify(sandbox.cli)} merge-driver %O %A %B %L %P`);
  commitDraft(DRAFT.text, 'the draft');
});

describe('twir-lint merge-driver in a real git merge', { timeout: 120_000 }, () => {
  it('merges two pull requests of links to the same category without a conflict', () => {
    const ours = withEntries(DRAFT.text, 'Observations/Thoughts', OBSERVATIONS.slice(0, 3));
    const theirs = withEntries(DRAFT.text, 'Observations/Thoughts', OBSERVATIONS.slice(3, 6));
    expect(gitMergeFile(DRAFT.text, ours, theirs).status, 'without the driver, git stops').toBe(1);
    const merge = mergeBranches(ours, theirs);
    expect(merge.stderr).toContain(`twir-lint merge-driver: ${PATH}: line 49 (Updates from Rust Community / Observations/Thoughts): resolved: 6 entries kept (3 from ours, 3 from theirs)`);
    expect(merge.status).toBe(0);
    expect(merge.result).toBe(withEntries(DRAFT.text, 'Observations/Thoughts', OBSERVATIONS.slice(0, 6)));
    expect(git('log', '--format=%s', '-1')).toMatch(/^Merge branch 'theirs'/);
  });

  it('leaves the conflict outside the list sections as git does, with the marker size git asks for', () => {
    write('.gitattributes', 'draft/*-this-week-in-rust.md merge=twir conflict-marker-size=9\n');
    git('commit', '--quiet', '--all', '--message', 'marker size');
    const ours = withEntries(crate('foo'), 'Observations/Thoughts', OBSERVATIONS.slice(0, 2));
    const theirs = withEntries(crate('bar'), 'Observations/Thoughts', OBSERVATIONS.slice(2, 4));
    const merge = mergeBranches(ours, theirs);
    expect(merge.status).toBe(1);
    expect(merge.stderr).toContain('left for a person: the conflict spans text that is not a list entry');
    const withLinks = (text: string) => withEntries(text, 'Observations/Thoughts', OBSERVATIONS.slice(0, 4));
    expect(merge.result).toBe(gitMergeFile(withLinks(DRAFT.text), withLinks(crate('foo')), withLinks(crate('bar')), { markerSize: 9 }).text);
    expect(merge.result).toContain('<<<<<<<<< ours\nThis week\'s crate is [foo]');
    expect(git('status', '--porcelain')).toContain(`UU ${PATH}`);
  });

  it('a file it cannot read as text: what git merge-file makes of it, and a failure', () => {
    const ours = `${DRAFT.text}\n\u0000ours`;
    const theirs = `${DRAFT.text}\n\u0000theirs`;
    const merge = mergeBranches(ours, theirs);
    expect(merge.status).toBe(1);
    expect(merge.stderr).toContain('Binary file (it contains NUL bytes): not linted; merged by git merge-file instead');
    expect(merge.result).toBe(gitMergeFile(DRAFT.text, ours, theirs).text);
  });
});
