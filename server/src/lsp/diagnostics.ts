import { CodeAction, DiagnosticSeverity, TextDocumentEdit, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { codeActions, currentFindings, type RequestedFinding } from '../service/actions';
import { fixAllToStable } from '../service/fix-all';
import type { LintDiagnostic } from '../service/lint';
import { ruleDocsUrl } from '../service/rules/docs';
import type { AnalysisContext } from './context';
import type { Handlers } from './handlers';
import { MainNotifications, WorkerRequests } from './protocol';

const SEVERITY: Record<LintDiagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(diagnostic: LintDiagnostic): Diagnostic {
  return {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.rule,
    codeDescription: { href: ruleDocsUrl(diagnostic.rule) },
    source: 'twir',
    message: diagnostic.message,
  };
}

/** What identifies a diagnostic the editor sends back: its rule, range and message as published. */
function requestedFinding(diagnostic: Diagnostic): RequestedFinding | undefined {
  if (diagnostic.source !== 'twir' || typeof diagnostic.code !== 'string') return undefined;
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  return { rule: diagnostic.code, range: diagnostic.range, message };
}

/** The diagnostics of a document version, and its code actions. */
export function diagnosticsHandlers(context: AnalysisContext): Handlers {
  return {
    // Null when the document moved on: the main thread asks again for the newer version.
    [WorkerRequests.diagnostics]: (params: { uri: string; version: number }) => {
      const document = context.documents.get(params.uri);
      if (document?.version !== params.version) return null;
      const result = context.lintOf(document);
      return result ? result.diagnostics.map(toLspDiagnostic) : [];
    },

    'textDocument/codeAction': (params: CodeActionParams) => {
      const document = context.documents.get(params.textDocument.uri);
      const model = document && context.modelOf(document);
      if (!document || !model) return null;
      // Every fix is computed from this version's lint: the editor's diagnostics only say which findings
      // are asked about, and one published for an older version that no longer matches gets no fix.
      // The edits carry the version, so an editor that moved on meanwhile refuses them.
      const all = context.lintOf(document)?.diagnostics ?? [];
      const inRange = currentFindings(all, params.context.diagnostics.map(requestedFinding).filter((finding) => finding !== undefined));
      const fixAll = () => {
        const { edits, unsettled } = fixAllToStable(model, context.lintOf(document)!, context.lintOptions(document, model));
        if (unsettled) context.notify(MainNotifications.log, { message: `Fix all TWiR problems in ${document.uri}: ${unsettled}.` });
        return edits;
      };
      return codeActions(all, inRange, { lineText: (line) => model.lines.lineText(line), eol: model.eol, only: params.context.only, fixAll }).map((action) => {
        const edit = { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, action.edits)] };
        const codeAction = CodeAction.create(action.title, edit, action.kind);
        codeAction.isPreferred = action.isPreferred;
        codeAction.diagnostics = action.diagnostics.map(toLspDiagnostic);
        return codeAction;
      });
    },
  };
}
