import { MessageType, ShowMessageNotification, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { configFileIn, readConfigFile, type LintConfig } from '../service/config';
import { baseName, DEFAULT_FILE_GLOBS, isIssueFile } from '../service/files';
import { ANALYSIS_BUDGET, overBudget, timed } from '../service/guard';
import { lint, validateRuleSettings, type LintOptions, type LintResult, type RuleSettings } from '../service/lint';
import { ModelCache } from '../service/model/analyze';
import type { IssueModel } from '../service/model/types';
import type { RelatedIssue } from '../service/rules/types';
import { loadRecentIssues, readIssueFile, unreadRecentIssues } from '../service/workspace/recent-issues';

export interface Settings {
  files: string[];
  rules: RuleSettings;
}

/** How long the recent issues of a file are trusted before the disk is checked again. */
const RECENT_ISSUES_RECHECK_MS = 2000;

/**
 * What every LSP feature module shares: the connection, the open documents, and the one model
 * (and one lint result) of each document version.
 */
export class ServerContext {
  readonly models = new ModelCache();
  settings: Settings = { files: DEFAULT_FILE_GLOBS, rules: {} };
  workspaceConfig: LintConfig = { rules: {}, problems: [] };
  workspaceFolders: string[] = [];
  canPullConfiguration = false;
  private readonly lintResults = new Map<string, { version: number; result: LintResult }>();
  private readonly reportedProblems = new Set<string>();
  /** Why each version is not analysed (undefined: it is), checked once per version. */
  private readonly budgetChecks = new Map<string, { version: number; reason?: string }>();
  /** The version of each document whose analysis took longer than the time budget: later versions are left alone until it is reopened. */
  private readonly paused = new Map<string, number>();
  /** Documents the user was told are not analysed: told once until reopened. */
  private readonly toldSkipped = new Set<string>();

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
  ) {}

  documentPath(document: TextDocument): string {
    const uri = URI.parse(document.uri);
    return uri.scheme === 'file' ? uri.fsPath : uri.path;
  }

  isIssue(document: TextDocument): boolean {
    const firstLine = document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } });
    return isIssueFile(this.documentPath(document), firstLine, this.settings.files);
  }

  /** The model of the document's current version, or undefined when it is not a TWiR issue. */
  modelOf(document: TextDocument): IssueModel | undefined {
    if (!this.isIssue(document) || !this.withinBudget(document)) return undefined;
    const fileName = baseName(this.documentPath(document));
    return this.withinTime(document, () => this.models.get(document.uri, document.version, document.getText(), { fileName }));
  }

  /** Whether the document may be analysed (see service/guard.ts); says once per document why not. */
  private withinBudget(document: TextDocument): boolean {
    if (document.version > (this.paused.get(document.uri) ?? Infinity)) return false;
    let check = this.budgetChecks.get(document.uri);
    if (check?.version !== document.version) {
      check = { version: document.version, reason: overBudget(document.getText()) };
      this.budgetChecks.set(document.uri, check);
    }
    if (check.reason) this.tellSkipped(document, `${check.reason}, so it is not analysed: no TWiR diagnostics, outline or fixes.`);
    return check.reason === undefined;
  }

  /** Runs one analysis step; a step over the time budget pauses the document's analysis. */
  private withinTime<T>(document: TextDocument, run: () => T): T {
    const { value, milliseconds, tooSlow } = timed(run);
    if (tooSlow) {
      this.paused.set(document.uri, document.version);
      const seconds = (milliseconds / 1000).toFixed(1);
      this.tellSkipped(document, `took ${seconds} s to analyse (the budget is ${ANALYSIS_BUDGET.maxMilliseconds / 1000} s), so TWiR analysis is paused until the file is reopened.`);
    }
    return value;
  }

  private tellSkipped(document: TextDocument, why: string): void {
    if (this.toldSkipped.has(document.uri)) return;
    this.toldSkipped.add(document.uri);
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `TWiR: ${baseName(this.documentPath(document))} ${why}` });
  }

  /**
   * The issues before this one in its repository once they are read; until then none, and they are
   * read a file at a time in the background (25 issues take a second or more to model), after which
   * `onRecentIssuesRead` lints again with them.
   */
  recentIssues(path: string, model: IssueModel): RelatedIssue[] {
    // Typing must not stat 30 files a keystroke: the list is checked against the disk now and then.
    const date = model.header?.date?.value;
    const known = this.recentIssuesSeen.get(path);
    if (known && known.date === date && Date.now() - known.checkedAt < RECENT_ISSUES_RECHECK_MS) return known.issues;
    const unread = unreadRecentIssues(path, model);
    if (unread.length === 0) {
      const issues = loadRecentIssues(path, model);
      this.recentIssuesSeen.set(path, { date, checkedAt: Date.now(), issues });
      return issues;
    }
    for (const file of unread) if (!this.unreadQueue.includes(file)) this.unreadQueue.push(file);
    if (!this.readingRecentIssues) {
      this.readingRecentIssues = true;
      setImmediate(() => this.readNextRecentIssue());
    }
    return [];
  }

  /** What to do when background reading of recent issues is done (the diagnostics module lints again). */
  onRecentIssuesRead: () => void = () => undefined;
  private readonly unreadQueue: string[] = [];
  private readonly recentIssuesSeen = new Map<string, { date?: string; checkedAt: number; issues: RelatedIssue[] }>();
  private readingRecentIssues = false;

  private readNextRecentIssue(): void {
    const path = this.unreadQueue.shift();
    if (path === undefined) {
      this.readingRecentIssues = false;
      this.invalidateLint();
      this.onRecentIssuesRead();
      return;
    }
    readIssueFile(path);
    setImmediate(() => this.readNextRecentIssue());
  }

  /** The settings and, for files, the issues before this one in its repository (for links/duplicate). */
  lintOptions(document: TextDocument, model: IssueModel): LintOptions {
    const path = URI.parse(document.uri).scheme === 'file' ? this.documentPath(document) : undefined;
    return { rules: { ...this.workspaceConfig.rules, ...this.settings.rules }, recentIssues: path ? this.recentIssues(path, model) : [] };
  }

  /** The diagnostics of the document's current version, linted once per version. */
  lintOf(document: TextDocument): LintResult | undefined {
    const model = this.modelOf(document);
    if (!model) return undefined;
    const cached = this.lintResults.get(document.uri);
    if (cached?.version === document.version) return cached.result;
    const result = lint(model, this.lintOptions(document, model));
    for (const failure of result.failures) this.connection.console.error(`rule ${failure.rule} failed: ${failure.error}`);
    this.lintResults.set(document.uri, { version: document.version, result });
    return result;
  }

  forget(uri: string): void {
    this.models.delete(uri);
    this.lintResults.delete(uri);
    this.budgetChecks.delete(uri);
    this.paused.delete(uri);
    this.toldSkipped.delete(uri);
  }

  /** Settings changed: every cached lint result is stale. */
  invalidateLint(): void {
    this.lintResults.clear();
  }

  showProblemsOnce(problems: readonly string[]): void {
    for (const problem of problems) {
      if (this.reportedProblems.has(problem)) continue;
      this.reportedProblems.add(problem);
      void this.connection.window.showWarningMessage(`TWiR: ${problem}`);
    }
  }

  loadWorkspaceConfig(): void {
    const configs = this.workspaceFolders.map((folder) => readConfigFile(configFileIn(folder)));
    this.workspaceConfig = { rules: Object.assign({}, ...configs.map((config) => config.rules)), problems: configs.flatMap((config) => config.problems) };
    this.showProblemsOnce(this.workspaceConfig.problems);
    this.invalidateLint();
  }

  async pullSettings(): Promise<void> {
    if (!this.canPullConfiguration) return;
    const value = (await this.connection.workspace.getConfiguration('twir')) as { files?: unknown; rules?: unknown } | null;
    const files = Array.isArray(value?.files) ? value.files.filter((item): item is string => typeof item === 'string') : DEFAULT_FILE_GLOBS;
    const { settings: rules, problems } = validateRuleSettings(value?.rules);
    this.showProblemsOnce(problems.map((problem) => `twir.rules: ${problem}`));
    this.settings = { files, rules };
    this.invalidateLint();
  }
}
