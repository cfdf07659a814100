import { statSync } from 'node:fs';
import type { IssueModel } from '../service/model/types';
import type { EarlierIssue } from '../service/rules/types';
import { readWorkspaceFile } from '../service/workspace/read';
import { earlierIssueOf } from '../service/workspace/earlier-issue';
import { earlierIssueFiles, RECENT_ISSUE_COUNT } from '../service/workspace/recent-issues';
import type { LintCache } from './cache';

/** What one thread learned of an issue file, as it sends it to the others (plain data). */
export interface KnownIssue {
  path: string;
  mtimeMs: number;
  size: number;
  /** Null: the file cannot be read (or is past the budget) in this version. */
  issue: EarlierIssue | null;
}

/**
 * The look-back of a `twir-lint` run: what links/duplicate needs of the issues before each file
 * (their community URLs, not their models), learned once per file and version. A thread learns it
 * from the files it lints and the neighbours it reads, and from what the other threads learned.
 */
export class LookBack {
  private readonly known = new Map<string, KnownIssue>();
  private learned: KnownIssue[] = [];

  /** With `--cache`: an issue file is read and hashed, and its data taken from the cache when it is there. */
  constructor(private readonly cache?: LintCache) {}

  /** The issues before this one in its repository, newest first (see `loadRecentIssues`); of the file's model only the header is read. */
  earlierIssues(filePath: string, model: Pick<IssueModel, 'header'>): EarlierIssue[] {
    const issues: EarlierIssue[] = [];
    for (const file of earlierIssueFiles(filePath, model)) {
      if (issues.length >= RECENT_ISSUE_COUNT) break;
      const issue = this.issueAt(file.path, file.fileName);
      if (issue) issues.push(issue);
    }
    return issues;
  }

  /** Records what this thread has just learned of a file it lints. */
  learn(path: string, stats: { mtimeMs: number; size: number }, issue: EarlierIssue): void {
    this.add({ path, mtimeMs: stats.mtimeMs, size: stats.size, issue }, true);
  }

  /** Records what another thread learned. */
  addKnown(issues: readonly KnownIssue[]): void {
    for (const issue of issues) this.add(issue, false);
  }

  /** What this thread learned since the last call, for the other threads. */
  takeLearned(): KnownIssue[] {
    const learned = this.learned;
    this.learned = [];
    return learned;
  }

  private add(known: KnownIssue, share: boolean): void {
    this.known.set(known.path, known);
    if (share) this.learned.push(known);
  }

  private issueAt(path: string, fileName: string): EarlierIssue | undefined {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      return undefined;
    }
    if (!stats.isFile()) return undefined;
    const known = this.known.get(path);
    if (known && known.mtimeMs === stats.mtimeMs && known.size === stats.size) return known.issue ?? undefined;
    const read = readWorkspaceFile(path);
    const issue = 'text' in read ? this.issueOfText(read.text, fileName) : null;
    this.add({ path, mtimeMs: stats.mtimeMs, size: stats.size, issue }, true);
    return issue ?? undefined;
  }

  /** An issue's data: with the cache, found there by its text (or kept there); without, read from the text (`earlierIssueOf`). */
  private issueOfText(text: string, fileName: string): EarlierIssue | null {
    const fromText = () => earlierIssueOf(text, fileName);
    if (!this.cache) return fromText();
    const key = this.cache.issueKey(fileName, this.cache.hashText(text));
    const cached = this.cache.issue(key);
    if (cached !== undefined) return cached;
    const issue = fromText();
    this.cache.set(key, { issue });
    return issue;
  }
}
