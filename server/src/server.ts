/**
 * The language server: a thin mapping from LSP requests to the editor-agnostic service. Every
 * feature reads the one model of a document version (ModelCache); nothing is computed here.
 */
import {
  CodeAction,
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DocumentSymbol,
  FoldingRange,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { codeActions } from './service/actions';
import { configFileIn, readConfigFile, type LintConfig } from './service/config';
import { baseName, DEFAULT_FILE_GLOBS, isIssueFile } from './service/files';
import { lint, type LintDiagnostic, type RuleSettings, validateRuleSettings } from './service/lint';
import { ModelCache } from './service/model/analyze';
import type { IssueModel } from './service/model/types';
import { foldingRanges } from './service/providers/folding';
import { outline, type OutlineSymbol } from './service/providers/outline';
import { ruleDocsUrl } from './service/rules/docs';

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const models = new ModelCache();

interface Settings {
  files: string[];
  rules: RuleSettings;
}

let settings: Settings = { files: DEFAULT_FILE_GLOBS, rules: {} };
let workspaceConfig: LintConfig = { rules: {}, problems: [] };
let workspaceFolders: string[] = [];
let canPullConfiguration = false;
const reportedProblems = new Set<string>();

/** Diagnostics of the last linted version of each document, for code actions (no re-analysis). */
const lintResults = new Map<string, { version: number; diagnostics: LintDiagnostic[] }>();

function documentPath(document: TextDocument): string {
  const uri = URI.parse(document.uri);
  return uri.scheme === 'file' ? uri.fsPath : uri.path;
}

function isIssue(document: TextDocument): boolean {
  return isIssueFile(documentPath(document), document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }), settings.files);
}

function modelOf(document: TextDocument): IssueModel | undefined {
  if (!isIssue(document)) return undefined;
  return models.get(document.uri, document.version, document.getText(), { fileName: baseName(documentPath(document)) });
}

function showProblemsOnce(problems: readonly string[]): void {
  for (const problem of problems) {
    if (reportedProblems.has(problem)) continue;
    reportedProblems.add(problem);
    connection.window.showWarningMessage(`TWiR: ${problem}`);
  }
}

function loadWorkspaceConfig(): void {
  const configs = workspaceFolders.map((folder) => readConfigFile(configFileIn(folder)));
  workspaceConfig = { rules: Object.assign({}, ...configs.map((config) => config.rules)), problems: configs.flatMap((config) => config.problems) };
  showProblemsOnce(workspaceConfig.problems);
}

async function pullSettings(): Promise<void> {
  if (!canPullConfiguration) return;
  const value = (await connection.workspace.getConfiguration('twir')) as { files?: unknown; rules?: unknown } | null;
  const files = Array.isArray(value?.files) ? value.files.filter((item): item is string => typeof item === 'string') : DEFAULT_FILE_GLOBS;
  const { settings: rules, problems } = validateRuleSettings(value?.rules);
  showProblemsOnce(problems.map((problem) => `twir.rules: ${problem}`));
  settings = { files, rules };
}

const SEVERITY: Record<LintDiagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function toLspDiagnostic(diagnostic: LintDiagnostic): Diagnostic {
  return {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.rule,
    codeDescription: { href: ruleDocsUrl(diagnostic.rule) },
    source: 'twir',
    message: diagnostic.message,
    data: diagnostic.fix ? { fix: diagnostic.fix } : undefined,
  };
}

/** Lints the latest version of a document and publishes it; older pending runs are dropped. */
const pendingValidation = new Map<string, ReturnType<typeof setTimeout>>();

function scheduleValidation(document: TextDocument): void {
  clearTimeout(pendingValidation.get(document.uri));
  pendingValidation.set(
    document.uri,
    setTimeout(() => {
      pendingValidation.delete(document.uri);
      validate(document.uri);
    }, 0),
  );
}

function validate(uri: string): void {
  const document = documents.get(uri);
  if (!document) return;
  const model = modelOf(document);
  if (!model) {
    lintResults.delete(uri);
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
    return;
  }
  const result = lint(model, { rules: { ...workspaceConfig.rules, ...settings.rules } });
  for (const failure of result.failures) connection.console.error(`rule ${failure.rule} failed: ${failure.error}`);
  lintResults.set(uri, { version: document.version, diagnostics: result.diagnostics });
  void connection.sendDiagnostics({ uri, version: document.version, diagnostics: result.diagnostics.map(toLspDiagnostic) });
}

function toDocumentSymbol(symbol: OutlineSymbol): DocumentSymbol {
  return DocumentSymbol.create(symbol.name, symbol.detail, symbol.kind as DocumentSymbol['kind'], symbol.range, symbol.selectionRange, symbol.children.map(toDocumentSymbol));
}

connection.onInitialize((params: InitializeParams) => {
  canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
  workspaceFolders = (params.workspaceFolders ?? []).map((folder) => URI.parse(folder.uri).fsPath);
  if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [URI.parse(params.rootUri).fsPath];
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'TWiR' },
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, 'source.fixAll.twir'] },
    },
    serverInfo: { name: 'twir-author' },
  };
});

connection.onInitialized(async () => {
  if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'twir' });
  loadWorkspaceConfig();
  await pullSettings();
  documents.all().forEach(scheduleValidation);
});

connection.onDidChangeConfiguration(async () => {
  await pullSettings();
  documents.all().forEach(scheduleValidation);
});

connection.onDidChangeWatchedFiles(() => {
  loadWorkspaceConfig();
  documents.all().forEach(scheduleValidation);
});

documents.onDidOpen((event) => scheduleValidation(event.document));
documents.onDidChangeContent((event) => scheduleValidation(event.document));
documents.onDidClose((event) => {
  clearTimeout(pendingValidation.get(event.document.uri));
  models.delete(event.document.uri);
  lintResults.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.onDocumentSymbol((params) => {
  const document = documents.get(params.textDocument.uri);
  const model = document && modelOf(document);
  return model ? outline(model).map(toDocumentSymbol) : null;
});

connection.onFoldingRanges((params) => {
  const document = documents.get(params.textDocument.uri);
  const model = document && modelOf(document);
  return model ? foldingRanges(model).map((fold) => FoldingRange.create(fold.startLine, fold.endLine, undefined, undefined, fold.kind)) : null;
});

/** A diagnostic sent by the editor back to its lint form; its fix travels in `data`. */
function fromLspDiagnostic(diagnostic: Diagnostic): LintDiagnostic | undefined {
  if (diagnostic.source !== 'twir' || typeof diagnostic.code !== 'string') return undefined;
  const severity = (Object.keys(SEVERITY) as LintDiagnostic['severity'][]).find((key) => SEVERITY[key] === diagnostic.severity) ?? 'warning';
  const fix = (diagnostic.data as { fix?: LintDiagnostic['fix'] } | undefined)?.fix;
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  return { rule: diagnostic.code, severity, range: diagnostic.range, message, fix };
}

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  const model = document && modelOf(document);
  if (!document || !model) return null;
  // Quick fixes come from the diagnostics' data; "fix all" needs the rest of this version's
  // diagnostics, which the last lint of the version holds (lint again only if it is stale).
  if (lintResults.get(document.uri)?.version !== document.version) validate(document.uri);
  const all = lintResults.get(document.uri)?.diagnostics ?? [];
  const inRange = params.context.diagnostics.map(fromLspDiagnostic).filter((diagnostic) => diagnostic !== undefined);
  return codeActions(all, inRange, (line) => model.lines.lineText(line), model.eol, params.context.only).map((action) => {
    const codeAction = CodeAction.create(action.title, { changes: { [document.uri]: action.edits } }, action.kind);
    codeAction.isPreferred = action.isPreferred;
    codeAction.diagnostics = action.diagnostics.map(toLspDiagnostic);
    return codeAction;
  });
});

documents.listen(connection);
connection.listen();
