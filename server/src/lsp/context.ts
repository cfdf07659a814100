import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { configFileIn, readConfigFile, type LintConfig } from '../service/config';
import { baseName, DEFAULT_FILE_GLOBS, isIssueFile } from '../service/files';
import { lint, validateRuleSettings, type LintResult, type RuleSettings } from '../service/lint';
import { ModelCache } from '../service/model/analyze';
import type { IssueModel } from '../service/model/types';
import { loadRecentIssues } from '../service/workspace/recent-issues';

export interface Settings {
  files: string[];
  rules: RuleSettings;
}

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
    if (!this.isIssue(document)) return undefined;
    return this.models.get(document.uri, document.version, document.getText(), { fileName: baseName(this.documentPath(document)) });
  }

  /** The diagnostics of the document's current version, linted once per version. */
  lintOf(document: TextDocument): LintResult | undefined {
    const model = this.modelOf(document);
    if (!model) return undefined;
    const cached = this.lintResults.get(document.uri);
    if (cached?.version === document.version) return cached.result;
    const path = URI.parse(document.uri).scheme === 'file' ? this.documentPath(document) : undefined;
    const recentIssues = path ? loadRecentIssues(path, model) : [];
    const result = lint(model, { rules: { ...this.workspaceConfig.rules, ...this.settings.rules }, recentIssues });
    for (const failure of result.failures) this.connection.console.error(`rule ${failure.rule} failed: ${failure.error}`);
    this.lintResults.set(document.uri, { version: document.version, result });
    return result;
  }

  forget(uri: string): void {
    this.models.delete(uri);
    this.lintResults.delete(uri);
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
