import { CodeAction, DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../service/actions';
import type { LintDiagnostic } from '../service/lint';
import { ruleDocsUrl } from '../service/rules/docs';
import type { ServerContext } from './context';

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

/** Publishes diagnostics for the latest version of each document, and serves their code actions. */
export function registerDiagnostics(context: ServerContext): { revalidateAll(): void } {
  const { connection, documents } = context;
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  const publish = (uri: string) => {
    const document = documents.get(uri);
    if (!document) return;
    const result = context.lintOf(document);
    const diagnostics = result ? result.diagnostics.map(toLspDiagnostic) : [];
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  };

  const schedule = (document: TextDocument) => {
    clearTimeout(pending.get(document.uri));
    pending.set(
      document.uri,
      setTimeout(() => {
        pending.delete(document.uri);
        publish(document.uri);
      }, 0),
    );
  };

  documents.onDidOpen((event) => schedule(event.document));
  documents.onDidChangeContent((event) => schedule(event.document));
  documents.onDidClose((event) => {
    clearTimeout(pending.get(event.document.uri));
    pending.delete(event.document.uri);
    context.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    const model = document && context.modelOf(document);
    if (!document || !model) return null;
    // Quick fixes come from the diagnostics' data; "fix all" reads this version's lint result.
    const all = context.lintOf(document)?.diagnostics ?? [];
    const inRange = params.context.diagnostics.map(fromLspDiagnostic).filter((diagnostic) => diagnostic !== undefined);
    return codeActions(all, inRange, (line) => model.lines.lineText(line), model.eol, params.context.only).map((action) => {
      const codeAction = CodeAction.create(action.title, { changes: { [document.uri]: action.edits } }, action.kind);
      codeAction.isPreferred = action.isPreferred;
      codeAction.diagnostics = action.diagnostics.map(toLspDiagnostic);
      return codeAction;
    });
  });

  return { revalidateAll: () => documents.all().forEach(schedule) };
}
