import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lint } from '../lint';
import { buildModel } from '../model/build';
import { LookBack } from '../../cli/look-back';
import { earlierIssue } from '../rules/links/shared';
import { loadRecentIssues, repositoryRootOf } from './recent-issues';

const FIXTURES = join(__dirname, '../../../../test/fixtures');
const OLDER = ['2023-06-14-this-week-in-rust.md', '2023-06-28-this-week-in-rust.md'];
const NEWER = '2025-07-30-this-week-in-rust.md';
const DRAFT = '2024-01-24-this-week-in-rust.md';
/** A community link of the 2023-06-14 issue, written as another editor might (http, trailing slash dropped). */
const FROM_OLDER = '* [Fyrox 0.30 is out](http://fyrox.rs/blog/post/fyrox-game-engine-0-30)';
/** A community link of the 2025-07-30 issue: published after the draft, so not a repeat. */
const FROM_NEWER = '* [Web framework performance](https://dev.to/member_8c78b76f/rust-async-web-framework-performance-breakthrough9247-4l22)';

let root: string;
let draftPath: string;

/** A TWiR checkout in a temp folder: three published fixture issues in `content/`, the seed draft of 2024-01-24 in `draft/`. */
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'twir-recent-'));
  mkdirSync(join(root, 'content'));
  mkdirSync(join(root, 'draft'));
  for (const name of [...OLDER, NEWER]) copyFileSync(join(FIXTURES, 'published', name), join(root, 'content', name));
  const seed = readFileSync(join(FIXTURES, 'seeds', DRAFT), 'utf8');
  draftPath = join(root, 'draft', DRAFT);
  writeFileSync(draftPath, seed.replace('### Official\n', `### Official\n${FROM_OLDER}\n${FROM_NEWER}\n`));
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

const draftModel = () => buildModel(readFileSync(draftPath, 'utf8'), { fileName: DRAFT });

describe('recent issues beside a file', () => {
  it('finds the repository from a file in draft/ or content/', () => {
    expect(repositoryRootOf(draftPath)).toBe(root);
    expect(repositoryRootOf(join(root, 'content', NEWER))).toBe(root);
    expect(repositoryRootOf(join(tmpdir(), 'loose', DRAFT))).toBeUndefined();
  });

  it('lists the issues dated before this one, newest first, up to the count', () => {
    const model = draftModel();
    expect(loadRecentIssues(draftPath, model).map((issue) => issue.fileName)).toEqual([...OLDER].reverse());
    expect(loadRecentIssues(draftPath, model, 1).map((issue) => issue.fileName)).toEqual([OLDER[1]]);
    expect(loadRecentIssues(join(root, 'content', NEWER), buildModel(readFileSync(join(root, 'content', NEWER), 'utf8'))).map((issue) => issue.fileName)).toEqual([DRAFT, ...[...OLDER].reverse()]);
  });

  it('skips what it cannot read and does not throw', () => {
    mkdirSync(join(root, 'content', '2023-06-21-this-week-in-rust.md'));
    expect(loadRecentIssues(draftPath, draftModel()).map((issue) => issue.fileName)).toEqual([...OLDER].reverse());
    expect(loadRecentIssues(join(tmpdir(), 'no-such-checkout', 'draft', DRAFT), draftModel())).toEqual([]);
  });

  it('digests a file once, and again when it changes', () => {
    const model = draftModel();
    const [first] = loadRecentIssues(draftPath, model);
    expect(loadRecentIssues(draftPath, model)[0]).toBe(first);
    const path = join(root, 'content', OLDER[1]);
    writeFileSync(path, readFileSync(path, 'utf8').replace('Number: ', 'Number: 1'));
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    const [changed] = loadRecentIssues(draftPath, model);
    expect(changed).not.toBe(first);
    expect(changed.issueNumber).toBe(Number(`1${first.issueNumber}`));
  });

  it('gives the CLI the same look-back as URL sets, each file read once per version and shared between threads', () => {
    const model = draftModel();
    const lintingThread = new LookBack();
    const path = join(root, 'content', OLDER[1]);
    lintingThread.learn(path, statSync(path), earlierIssue(OLDER[1], buildModel(readFileSync(path, 'utf8'), { fileName: OLDER[1] })));
    const expected = loadRecentIssues(draftPath, model).map(({ fileName, issueNumber, communityUrls, statedPlaces }) => ({ fileName, issueNumber, communityUrls, statedPlaces }));
    expect(lintingThread.earlierIssues(draftPath, model)).toEqual(expected);
    // The file it linted was not read again; the other one was, once.
    expect(lintingThread.takeLearned().map((known) => known.path)).toEqual([path, join(root, 'content', OLDER[0])]);
    const otherThread = new LookBack();
    otherThread.addKnown([{ path, ...statSync(path), issue: { fileName: OLDER[1], communityUrls: ['https://example.com/shared'], statedPlaces: [] } }]);
    expect(otherThread.earlierIssues(draftPath, model)[0].communityUrls).toEqual(['https://example.com/shared']);
    expect(otherThread.takeLearned().map((known) => known.path)).toEqual([join(root, 'content', OLDER[0])]);
  });

  it('lets links/duplicate find a link reused from an older issue, not from a newer one', () => {
    const model = draftModel();
    const { diagnostics } = lint(model, { recentIssues: loadRecentIssues(draftPath, model) });
    const duplicates = diagnostics.filter((diagnostic) => diagnostic.rule === 'links/duplicate');
    expect(duplicates.map((diagnostic) => model.lines.lineText(diagnostic.range.start.line))).toEqual([FROM_OLDER]);
    expect(duplicates[0].message).toContain(`issue 499 (${OLDER[0]})`);
  });
});
