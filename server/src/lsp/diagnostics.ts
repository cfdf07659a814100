import { CodeAction, DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../service/actions';
import { fixAllToStable } from '../service/fix-all';
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
  const opened = new Set<string>();
  /** A version is stale once the document moved on or a newer analysis is scheduled. */
  const isLatest = (uri: string, version: number) => documents.get(uri)?.version === version && !pending.has(uri);

  // The model and the lint run in separate turns of the event loop: a change that arrives between
  // them makes the rest of the work stale, and it is dropped.
  const publish = async (uri: string, version: number) => {
    const document = documents.get(uri);
    if (!document || !isLatest(uri, version)) return;
    context.modelOf(document);
    await new Promise((resolve) => setImmediate(resolve));
    if (!isLatest(uri, version)) return;
    const result = context.lintOf(document);
    const diagnostics = result ? result.diagnostics.map(toLspDiagnostic) : [];
    void connection.sendDiagnostics({ uri, version, diagnostics });
  };

  /**
   * A newly opened document is analysed at once; edits wait for typing to pause this long, so that a
   * burst of changes is analysed once while a keystroke still shows its diagnostics within ~100 ms.
   */
  const EDIT_DEBOUNCE_MS = 25;

  const schedule = (document: TextDocument, delay: number) => {
    const { uri, version } = document;
    clearTimeout(pending.get(uri));
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        void publish(uri, version);
      }, delay),
    );
  };

  // An open fires onDidChangeContent too: the first analysis of a document is not debounced.
  documents.onDidChangeContent((event) => {
    const first = !opened.has(event.document.uri);
    opened.add(event.document.uri);
    schedule(event.document, first ? 0 : EDIT_DEBOUNCE_MS);
  });
  documents.onDidClose((event) => {
    clearTimeout(pending.get(event.document.uri));
    pending.delete(event.document.uri);
    opened.delete(event.document.uri);
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
    const fixAll = () => fixAllToStable(model, context.lintOf(document)!, context.lintOptions(document, model));
    return codeActions(all, inRange, { lineText: (line) => model.lines.lineText(line), eol: model.eol, only: params.context.only, fixAll }).map((action) => {
      const codeAction = CodeAction.create(action.title, { changes: { [document.uri]: action.edits } }, action.kind);
      codeAction.isPreferred = action.isPreferred;
      codeAction.diagnostics = action.diagnostics.map(toLspDiagnostic);
      return codeAction;
    });
  });

  return { revalidateAll: () => documents.all().forEach((document) => schedule(document, 0)) };
}
