import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { baseName, DEFAULT_FILE_GLOBS, folderName, isIssueFile } from '../service/files';
import { overBudget } from '../service/guard';
import { configFileIn, readConfigFile, validateRuleSettings } from '../service/config';
import { lint, type LintOptions, type LintResult, type RuleSettings } from '../service/lint';
import { ModelCache } from '../service/model/analyze';
import type { IssueModel } from '../service/model/types';
import type { RelatedIssue } from '../service/providers/related';
import { servesScheme } from '../service/workspace/read';
import { loadRecentIssues, unreadRecentIssues } from '../service/workspace/recent-issues';
import { MainNotifications, type Settings } from './protocol';

/** How long the recent issues of a file are trusted before the disk is checked again. */
const RECENT_ISSUES_RECHECK_MS = 2000;

/**
 * What every feature of the analysis worker shares: the open documents as the main thread sent
 * them, and the one model (and one lint result) of each document version.
 */
export class AnalysisContext {
  readonly models = new ModelCache();
  readonly documents = new Map<string, TextDocument>();
  files = DEFAULT_FILE_GLOBS;
  /** `.twir-lint.json` of each workspace folder, then `twir.rules` over it. */
  rules: RuleSettings = {};
  workspaceFolders: string[] = [];
  private readonly lintResults = new Map<string, { version: number; result: LintResult }>();
  /** Why each version is not analysed (undefined: it is), checked once per version. */
  private readonly budgetChecks = new Map<string, { version: number; reason?: string }>();
  private readonly recentIssuesSeen = new Map<string, { date?: string; checkedAt: number; issues: RelatedIssue[] }>();

  /** `notify` sends a notification to the main thread (`MainNotifications`). */
  constructor(readonly notify: (method: string, params: unknown) => void) {}

  setDocument(uri: string, version: number, text: string): void {
    this.documents.set(uri, TextDocument.create(uri, 'markdown', version, text));
  }

  /** Closing a document frees everything kept for it. */
  closeDocument(uri: string): void {
    const document = this.documents.get(uri);
    this.documents.delete(uri);
    this.models.delete(uri);
    this.lintResults.delete(uri);
    this.budgetChecks.delete(uri);
    if (document) this.recentIssuesSeen.delete(this.documentPath(document));
  }

  /** The path the service knows a document by: a file's path, another URI's path. */
  documentPath(document: { uri: string }): string {
    const uri = URI.parse(document.uri);
    return uri.scheme === 'file' ? uri.fsPath : uri.path;
  }

  isIssue(document: TextDocument): boolean {
    const firstLine = document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } });
    return isIssueFile(this.documentPath(document), firstLine, this.files);
  }

  /** The model of the document's current version, or undefined when it is not a TWiR issue. */
  modelOf(document: TextDocument): IssueModel | undefined {
    if (!this.isIssue(document) || !this.withinBudget(document)) return undefined;
    const path = this.documentPath(document);
    return this.models.get(document.uri, document.version, document.getText(), { fileName: baseName(path), folder: folderName(path) });
  }

  /** The open document and its model, when it is an issue the worker analyses. */
  issueOf(uri: string): { document: TextDocument; model: IssueModel } | undefined {
    const document = this.documents.get(uri);
    const model = document && this.modelOf(document);
    return document && model ? { document, model } : undefined;
  }

  /** Whether the document may be analysed (see service/guard.ts); tells the main thread why not. */
  private withinBudget(document: TextDocument): boolean {
    let check = this.budgetChecks.get(document.uri);
    if (check?.version !== document.version) {
      check = { version: document.version, reason: overBudget(document.getText()) };
      this.budgetChecks.set(document.uri, check);
      if (check.reason) this.notify(MainNotifications.skipped, { uri: document.uri, why: `${check.reason}, so it is not analysed: no TWiR diagnostics, outline or fixes.` });
    }
    return check.reason === undefined;
  }

  /**
   * The issues before this one in its repository once they are read; until then none: the main
   * thread has them read one at a time when nothing else waits, and asks for diagnostics again.
   */
  recentIssues(document: TextDocument, model: IssueModel): RelatedIssue[] {
    if (!servesScheme(URI.parse(document.uri).scheme)) return [];
    const path = this.documentPath(document);
    // Typing must not stat 30 files a keystroke: the list is checked against the disk now and then.
    const date = model.header?.date?.value;
    const known = this.recentIssuesSeen.get(path);
    if (known && known.date === date && Date.now() - known.checkedAt < RECENT_ISSUES_RECHECK_MS) return known.issues;
    const unread = unreadRecentIssues(path, model);
    if (unread.length > 0) {
      this.notify(MainNotifications.unreadIssueFiles, { paths: unread });
      return [];
    }
    const issues = loadRecentIssues(path, model);
    this.recentIssuesSeen.set(path, { date, checkedAt: Date.now(), issues });
    return issues;
  }

  /** A recent issue was read: the lists and lint results that lacked it are stale. */
  recentIssueRead(): void {
    this.recentIssuesSeen.clear();
    this.lintResults.clear();
  }

  /** The settings and, for files, the issues before this one in its repository (for links/duplicate). */
  lintOptions(document: TextDocument, model: IssueModel): LintOptions {
    return { rules: this.rules, recentIssues: this.recentIssues(document, model) };
  }

  /** The diagnostics of the document's current version, linted once per version. */
  lintOf(document: TextDocument): LintResult | undefined {
    const model = this.modelOf(document);
    if (!model) return undefined;
    const cached = this.lintResults.get(document.uri);
    if (cached?.version === document.version) return cached.result;
    const result = lint(model, this.lintOptions(document, model));
    for (const failure of result.failures) this.notify(MainNotifications.log, { message: `rule ${failure.rule} failed: ${failure.error}` });
    this.lintResults.set(document.uri, { version: document.version, result });
    return result;
  }

  /** Takes the client's settings and reads `.twir-lint.json` again: every cached lint result is stale. */
  setSettings({ twir, workspaceFolders }: Settings): void {
    const configs = workspaceFolders.map((folder) => readConfigFile(configFileIn(folder)));
    const { settings, problems } = validateRuleSettings(twir?.rules);
    this.workspaceFolders = workspaceFolders;
    this.files = Array.isArray(twir?.files) ? twir.files.filter((item): item is string => typeof item === 'string') : DEFAULT_FILE_GLOBS;
    this.rules = { ...Object.assign({}, ...configs.map((config) => config.rules)), ...settings };
    const effective = JSON.stringify({ files: this.files, rules: this.rules, workspaceFolders });
    this.notify(MainNotifications.settingsRead, { problems: [...configs.flatMap((config) => config.problems), ...problems.map((problem) => `twir.rules: ${problem}`)], effective });
    this.lintResults.clear();
  }
}
