import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { earlierIssue } from '../service/rules/links/shared';
import type { IssueModel } from '../service/model/types';
import type { EarlierIssue } from '../service/rules/types';
import { earlierIssueFiles, RECENT_ISSUE_COUNT, readIssueModel } from '../service/workspace/recent-issues';

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

  /** The issues before this one in its repository, newest first (see `loadRecentIssues`). */
  earlierIssues(filePath: string, model: IssueModel): EarlierIssue[] {
    const issues: EarlierIssue[] = [];
    for (const file of earlierIssueFiles(filePath, model)) {
      if (issues.length >= RECENT_ISSUE_COUNT) break;
      const issue = this.issueAt(file.path, file.fileName);
      if (issue) issues.push(issue);
    }
    return issues;
  }

  /** Records a file this thread has just modelled (to lint it). */
  learn(path: string, stats: { mtimeMs: number; size: number }, model: IssueModel): void {
    this.add({ path, mtimeMs: stats.mtimeMs, size: stats.size, issue: earlierIssue(basename(path), model) }, true);
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
    const model = readIssueModel(path, fileName);
    const issue = model ? earlierIssue(fileName, model) : null;
    this.add({ path, mtimeMs: stats.mtimeMs, size: stats.size, issue }, true);
    return issue ?? undefined;
  }
}
