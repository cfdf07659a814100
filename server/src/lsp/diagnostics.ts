import { CodeAction, DiagnosticSeverity, TextDocumentEdit, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, currentFindings, type RequestedFinding } from '../service/actions';
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
  };
}

/** What identifies a diagnostic the editor sends back: its rule, range and message as published. */
function requestedFinding(diagnostic: Diagnostic): RequestedFinding | undefined {
  if (diagnostic.source !== 'twir' || typeof diagnostic.code !== 'string') return undefined;
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  return { rule: diagnostic.code, range: diagnostic.range, message };
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
    // Every fix is computed from this version's lint: the editor's diagnostics only say which findings
    // are asked about, and one published for an older version that no longer matches gets no fix.
    // The edits carry the version, so an editor that moved on meanwhile refuses them.
    const all = context.lintOf(document)?.diagnostics ?? [];
    const inRange = currentFindings(all, params.context.diagnostics.map(requestedFinding).filter((finding) => finding !== undefined));
    const fixAll = () => {
      const { edits, unsettled } = fixAllToStable(model, context.lintOf(document)!, context.lintOptions(document, model));
      if (unsettled) connection.console.warn(`Fix all TWiR problems in ${document.uri} applied nothing: ${unsettled}.`);
      return edits;
    };
    return codeActions(all, inRange, { lineText: (line) => model.lines.lineText(line), eol: model.eol, only: params.context.only, fixAll }).map((action) => {
      const edit = { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, action.edits)] };
      const codeAction = CodeAction.create(action.title, edit, action.kind);
      codeAction.isPreferred = action.isPreferred;
      codeAction.diagnostics = action.diagnostics.map(toLspDiagnostic);
      return codeAction;
    });
  });

  return { revalidateAll: () => documents.all().forEach((document) => schedule(document, 0)) };
}
