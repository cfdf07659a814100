import { CodeAction, DiagnosticSeverity, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { codeActions } from '../service/actions';
import { fixAllToStable } from '../service/fix-all';
import type { LintDiagnostic } from '../service/lint';
import { ruleDocsUrl } from '../service/rules/docs';
import type { AnalysisContext } from './context';
import type { Handlers } from './handlers';
import { WorkerRequests } from './protocol';

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
    data: diagnostic.fix ? { fix: diagnostic.fix } : undefined,
  };
}

/** A diagnostic sent by the editor back to its lint form; its fix travels in `data`. */
function fromLspDiagnostic(diagnostic: Diagnostic): LintDiagnostic | undefined {
  if (diagnostic.source !== 'twir' || typeof diagnostic.code !== 'string') return undefined;
  const severity = (Object.keys(SEVERITY) as LintDiagnostic['severity'][]).find((key) => SEVERITY[key] === diagnostic.severity) ?? 'warning';
  const fix = (diagnostic.data as { fix?: LintDiagnostic['fix'] } | undefined)?.fix;
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  return { rule: diagnostic.code, severity, range: diagnostic.range, message, fix };
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
      // Quick fixes come from the diagnostics' data; "fix all" reads this version's lint result.
      const all = context.lintOf(document)?.diagnostics ?? [];
      const inRange = params.context.diagnostics.map(fromLspDiagnostic).filter((diagnostic) => diagnostic !== undefined);
      const fixAll = () => fixAllToStable(model, context.lintOf(document)!, context.lintOptions(document, model));
      return codeActions(all, inRange, { lineText: (line) => model.lines.lineText(line), eol: model.eol, only: params.context.only, fixAll }).map((action) => {
        const codeAction = CodeAction.create(action.title, { changes: { [document.uri]: action.edits } }, action.kind);
        codeAction.isPreferred = action.isPreferred;
        codeAction.diagnostics = action.diagnostics.map(toLspDiagnostic);
        return codeAction;
      });
    },
  };
}
