import { CodeAction, CodeActionKind, Command, DiagnosticSeverity, TextDocumentEdit, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { codeActions, currentFindings, type RequestedFinding } from '../service/actions';
import { conflictActions } from '../service/commands/conflicts/actions';
import { fixAllToStable } from '../service/fix-all';
import type { LintDiagnostic } from '../service/lint';
import type { TextEdit } from '../service/rules/types';
import { MERGE_CONFLICT_RULE } from '../service/rules/text/merge-conflict';
import type { AnalysisContext } from './context';
import type { Handlers } from './handlers';
import type { IssueModel } from '../service/model/types';
import { titleTargetAt } from '../service/titles';
import { FETCH_TITLE_COMMAND, MainNotifications, WorkerRequests } from './protocol';

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
    // No URL: the VS Code client links the code to the rule's documentation, which it ships.
    code: diagnostic.rule,
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

/**
 * "Fetch the page's title" on a bare URL or an untitled link: a command for the client, which
 * fetches only when the person picks it (never while the editor lists the actions).
 */
function titleActions(model: IssueModel, params: CodeActionParams, version: number): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((kind) => CodeActionKind.RefactorRewrite.startsWith(kind))) return [];
  const target = titleTargetAt(model, params.range.start);
  if (!target) return [];
  const title = 'Fetch the page\'s title: [Title](url)';
  return [CodeAction.create(title, Command.create(title, FETCH_TITLE_COMMAND, params.textDocument.uri, target.range, target.url, version), CodeActionKind.RefactorRewrite)];
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
      const versioned = (edits: TextEdit[]) => ({ documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, edits)] });
      const actions = codeActions(all, inRange, { lineText: (line) => model.lines.lineText(line), eol: model.eol, only: params.context.only, fixAll }).map((action) => {
        const codeAction = CodeAction.create(action.title, versioned(action.edits), action.kind);
        codeAction.isPreferred = action.isPreferred;
        codeAction.diagnostics = action.diagnostics.map(toLspDiagnostic);
        return codeAction;
      });
      // A conflict under the cursor: its resolution by the section's rules, or why it is left for a person.
      const conflicts = all.filter((diagnostic) => diagnostic.rule === MERGE_CONFLICT_RULE && diagnostic.range.start.line <= params.range.end.line && diagnostic.range.end.line >= params.range.start.line);
      if (conflicts.length > 0 && (!params.context.only || params.context.only.includes(CodeActionKind.QuickFix))) {
        for (const action of conflictActions(model, params.range.start.line, params.range.end.line)) {
          const codeAction = action.edit ? CodeAction.create(action.title, versioned([action.edit]), CodeActionKind.QuickFix) : CodeAction.create(action.title, CodeActionKind.QuickFix);
          if (action.disabled) codeAction.disabled = { reason: action.disabled };
          else codeAction.isPreferred = true;
          codeAction.diagnostics = conflicts.filter((diagnostic) => diagnostic.range.start.line === action.line).map(toLspDiagnostic);
          actions.unshift(codeAction);
        }
      }
      return [...actions, ...titleActions(model, params, document.version)];
    },
  };
}
