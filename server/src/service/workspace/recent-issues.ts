import { basename, dirname, join } from 'node:path';
import { overBudget } from '../guard';
import { buildModel } from '../model/build';
import type { IssueModel } from '../model/types';
import { relatedIssue, type RelatedIssue } from '../providers/related';
import { formatIsoDate } from '../util/dates';
import { listDirectory, readWorkspaceFile, statOf } from './read';

/** How many earlier issues TWiR's CI compares community links with. */
export const RECENT_ISSUE_COUNT = 25;

/** Where a TWiR repository keeps issues; a name in both keeps the published one (`content/`). */
const ISSUE_FOLDERS = ['content', 'draft'];
const ISSUE_FILE = /^(\d{4}-\d{2}-\d{2})-this-week-in-rust\.(?:md|markdown)$/;
/** Digests kept: the recent issues of a few repositories (or branches) at once. */
const DIGEST_CACHE_LIMIT = 100;

export interface Listed {
  readonly path: string;
  readonly fileName: string;
  readonly date: string;
}

const listings = new Map<string, { mtimeMs: number; files: Listed[] }>();
/** The digest of each issue file read (its model is not kept), by modification time and size. */
const digests = new Map<string, { mtimeMs: number; size: number; issue: RelatedIssue }>();
/** Files that could not be read, by modification time: not tried again until they change. */
const unreadable = new Map<string, number>();

/** The repository that holds an issue file: the folder above the file's own, when it has `content/` or `draft/`. */
export function repositoryRootOf(filePath: string): string | undefined {
  const root = dirname(dirname(filePath));
  return ISSUE_FOLDERS.some((folder) => statOf(join(root, folder))?.isDirectory()) ? root : undefined;
}

/**
 * The issues published (or drafted) before this one in the file's repository, newest first: the
 * `RECENT_ISSUE_COUNT` most recent issue files of `content/` and `draft/` dated before the issue's
 * date. Files are read, modelled and digested once per modification time; an unreadable file is skipped and
 * nothing throws. Without a repository or an issue date there is nothing to compare with.
 */
export function loadRecentIssues(filePath: string, model: IssueModel, count = RECENT_ISSUE_COUNT): RelatedIssue[] {
  const issues: RelatedIssue[] = [];
  for (const file of earlierIssueFiles(filePath, model)) {
    if (issues.length >= count) break;
    const issue = readIssue(file);
    if (issue) issues.push(issue);
  }
  return issues;
}

/**
 * The paths of the recent issues that are not read yet (or changed since): what `loadRecentIssues`
 * would read from disk. A server reads these a file at a time in the background instead of blocking.
 */
export function unreadRecentIssues(filePath: string, model: IssueModel, count = RECENT_ISSUE_COUNT): string[] {
  // A few more than `count`, in case some cannot be read.
  return earlierIssueFiles(filePath, model)
    .slice(0, count + 5)
    .filter((file) => !isCached(file))
    .map((file) => file.path);
}

/** Reads one issue file into the cache of digests (nothing happens when it cannot be read). */
export function readIssueFile(path: string): void {
  const fileName = basename(path);
  const match = ISSUE_FILE.exec(fileName);
  if (match) readIssue({ path, fileName, date: match[1] });
}

/** A file that took too long to model (the server's time budget): skipped until it changes. */
export function refuseIssueFile(path: string): void {
  const stat = statOf(path);
  if (stat) unreadable.set(path, stat.mtimeMs);
}

/** The issue files of the repository dated before this issue, newest first (only the header of its model is read). */
export function earlierIssueFiles(filePath: string, model: Pick<IssueModel, 'header'>): Listed[] {
  const root = repositoryRootOf(filePath);
  const date = issueDateOf(model, basename(filePath));
  if (!root || !date) return [];
  return repositoryIssueFiles(root).filter((file) => file.date < date && file.path !== filePath);
}

/** The issue files of a TWiR checkout, newest first (a name in both folders: the published one). */
export function repositoryIssueFiles(root: string): Listed[] {
  const byName = new Map<string, Listed>();
  for (const folder of ISSUE_FOLDERS) {
    for (const file of listIssueFiles(join(root, folder))) if (!byName.has(file.fileName)) byName.set(file.fileName, file);
  }
  return [...byName.values()].sort((a, b) => b.date.localeCompare(a.date));
}

function isCached(file: Listed): boolean {
  const stat = statOf(file.path);
  const cached = digests.get(file.path);
  return !stat?.isFile() || unreadable.get(file.path) === stat.mtimeMs || (cached !== undefined && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size);
}

function issueDateOf(model: Pick<IssueModel, 'header'>, fileName: string): string | undefined {
  if (model.header?.issueDate) return formatIsoDate(model.header.issueDate);
  return ISSUE_FILE.exec(fileName)?.[1];
}

function listIssueFiles(folder: string): Listed[] {
  const stat = statOf(folder);
  if (!stat?.isDirectory()) return [];
  const cached = listings.get(folder);
  if (cached?.mtimeMs === stat.mtimeMs) return cached.files;
  let names: string[];
  try {
    names = listDirectory(folder);
  } catch {
    return [];
  }
  const files: Listed[] = [];
  for (const fileName of names) {
    const match = ISSUE_FILE.exec(fileName);
    if (match) files.push({ path: join(folder, fileName), fileName, date: match[1] });
  }
  listings.set(folder, { mtimeMs: stat.mtimeMs, files });
  return files;
}

/** Keeps a digest, most recently used last, forgetting the least recently used past the limit. */
function cacheDigest(path: string, entry: { mtimeMs: number; size: number; issue: RelatedIssue }): void {
  digests.delete(path);
  digests.set(path, entry);
  if (digests.size > DIGEST_CACHE_LIMIT) digests.delete(digests.keys().next().value as string);
}

function readIssue(file: Listed): RelatedIssue | undefined {
  const stat = statOf(file.path);
  if (!stat?.isFile()) return undefined;
  const cached = digests.get(file.path);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
    cacheDigest(file.path, cached);
    return cached.issue;
  }
  if (unreadable.get(file.path) === stat.mtimeMs) return undefined;
  const model = readIssueModel(file.path, file.fileName);
  if (!model) {
    unreadable.set(file.path, stat.mtimeMs);
    return undefined;
  }
  const issue = relatedIssue(file.fileName, model);
  cacheDigest(file.path, { mtimeMs: stat.mtimeMs, size: stat.size, issue });
  return issue;
}

/**
 * The model of an issue file beside the one analysed, read with the budget of an open document: a
 * regular file, not too big, nothing that stalls the parser. Undefined when it cannot be read.
 */
export function readIssueModel(path: string, fileName: string): IssueModel | undefined {
  const read = readWorkspaceFile(path);
  return 'text' in read ? issueModelOf(read.text, fileName) : undefined;
}

/** The model of the text of an issue beside the one analysed; undefined when it is past the analysis budget. */
function issueModelOf(text: string, fileName: string): IssueModel | undefined {
  return overBudget(text) ? undefined : buildModel(text, { fileName, final: true });
}
