import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  TextDocumentEdit,
  CreateFile,
  type CompletionItem,
  type ServerCapabilities,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { applyRuleFixes, OUT_OF_WINDOW_RULE, SORT_EVENTS_RULE } from '../service/commands/events';
import { nextDraft, TEMPLATE_PATH } from '../service/commands/new-draft';
import { publishReadiness } from '../service/commands/readiness';
import { completions, type SuggestionKind } from '../service/providers/completion';
import { hover } from '../service/providers/hover';
import { documentLinks } from '../service/providers/links';
import type { IssueModel } from '../service/model/types';
import type { RelatedIssue } from '../service/rules/types';
import { dateFromDayNumber } from '../service/util/dates';
import { repositoryRootOf } from '../service/workspace/recent-issues';
import type { ServerContext } from './context';

/** The server's commands; the client's palette commands forward to them with the active document. */
export const AuthoringCommands = {
  newDraft: 'twir.server.newDraft',
  sortEvents: 'twir.server.sortEvents',
  removeOutOfWindowEvents: 'twir.server.removeOutOfWindowEvents',
  checkPublishReadiness: 'twir.server.checkPublishReadiness',
} as const;

/**
 * What a command answers: an edit for the client to apply, a file to open, a Markdown report to
 * show, or a message. The server never edits on its own, so every editor can apply it its way.
 */
export interface CommandResult {
  edit?: WorkspaceEdit;
  /** A question the person answers before the edit is applied, and the button that applies it. */
  confirm?: string;
  confirmAction?: string;
  open?: string;
  report?: string;
  message?: string;
}

export const authoringCapabilities: ServerCapabilities = {
  completionProvider: { triggerCharacters: ['|', ' ', '#', ',', '['] },
  hoverProvider: true,
  documentLinkProvider: { resolveProvider: false },
  executeCommandProvider: { commands: Object.values(AuthoringCommands) },
};

const COMPLETION_KINDS: Record<SuggestionKind, CompletionItemKind> = {
  snippet: CompletionItemKind.Snippet,
  value: CompletionItemKind.Value,
  reference: CompletionItemKind.Reference,
  heading: CompletionItemKind.Module,
};

/** Registers completion, hover, document links and the authoring commands. */
export function registerAuthoring(context: ServerContext): void {
  const { connection, documents } = context;

  /** The recent issues beside a file on disk, once read: what completions and hovers compare with. */
  const related = (document: TextDocument, model: IssueModel): RelatedIssue[] =>
    URI.parse(document.uri).scheme === 'file' ? context.recentIssues(context.documentPath(document), model) : [];

  const issueOf = (uri: string) => {
    const document = documents.get(uri);
    const model = document && context.modelOf(document);
    return document && model ? { document, model } : undefined;
  };

  connection.onCompletion((params): CompletionItem[] | null => {
    const issue = issueOf(params.textDocument.uri);
    if (!issue) return null;
    return completions(issue.model, params.position, related(issue.document, issue.model)).map((suggestion) => ({
      label: suggestion.label,
      kind: COMPLETION_KINDS[suggestion.kind],
      detail: suggestion.detail,
      documentation: suggestion.documentation ? { kind: MarkupKind.Markdown, value: suggestion.documentation } : undefined,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: suggestion.range, newText: suggestion.insertText },
      filterText: suggestion.filterText,
      sortText: suggestion.sortText,
    }));
  });

  connection.onHover((params) => {
    const issue = issueOf(params.textDocument.uri);
    if (!issue) return null;
    const diagnostics = context.lintOf(issue.document)?.diagnostics ?? [];
    const info = hover(issue.model, params.position, diagnostics, related(issue.document, issue.model));
    return info ? { contents: { kind: MarkupKind.Markdown, value: info.markdown }, range: info.range } : null;
  });

  connection.onDocumentLinks((params) => {
    const issue = issueOf(params.textDocument.uri);
    return issue ? documentLinks(issue.model).map((link) => ({ range: link.range, target: link.target, tooltip: link.tooltip })) : null;
  });

  connection.onExecuteCommand((params): CommandResult | null => {
    const uri = typeof params.arguments?.[0] === 'string' ? params.arguments[0] : undefined;
    if (params.command === AuthoringCommands.newDraft) return newDraftCommand(context, uri);
    const issue = uri ? issueOf(uri) : undefined;
    if (!issue) return { message: 'Open a This Week in Rust issue first.' };
    switch (params.command) {
      case AuthoringCommands.sortEvents:
      case AuthoringCommands.removeOutOfWindowEvents: {
        const sorting = params.command === AuthoringCommands.sortEvents;
        const result = applyRuleFixes(issue.model, sorting ? SORT_EVENTS_RULE : OUT_OF_WINDOW_RULE);
        if ('error' in result) return { message: result.error };
        if (result.edits.length === 0) return { message: sorting ? 'The events are in order.' : 'Every event is inside the window.' };
        const edit = { documentChanges: [TextDocumentEdit.create({ uri: issue.document.uri, version: issue.document.version }, result.edits)] };
        if (result.doubt) return { edit, confirm: `Remove ${result.fixed} events outside the window? Not routine: ${result.doubt}.`, confirmAction: 'Remove' };
        return { edit };
      }
      case AuthoringCommands.checkPublishReadiness: {
        const readiness = publishReadiness(issue.model, context.lintOf(issue.document)?.diagnostics ?? [], issue.document.uri);
        return { report: readiness.markdown, message: readiness.ready ? 'Ready to publish.' : undefined };
      }
      default:
        return null;
    }
  });
}

/** The next draft beside the active issue (or in the first workspace folder holding `draft/`). */
function newDraftCommand(context: ServerContext, uri: string | undefined): CommandResult {
  const fromDocument = uri && URI.parse(uri).scheme === 'file' ? repositoryRootOf(URI.parse(uri).fsPath) : undefined;
  const candidates = [...(fromDocument ? [fromDocument] : []), ...context.workspaceFolders];
  const today = dateFromDayNumber(Math.floor(Date.now() / 86_400_000));
  const root = candidates.find((candidate) => existsSync(join(candidate, TEMPLATE_PATH)));
  if (!root) return { message: `Open a This Week in Rust checkout (with ${TEMPLATE_PATH}) first.` };
  const draft = nextDraft(root, today);
  if ('error' in draft) return { message: draft.error };
  const target = pathToFileURL(draft.path).href;
  return {
    edit: {
      documentChanges: [
        CreateFile.create(target, { overwrite: false, ignoreIfExists: false }),
        TextDocumentEdit.create({ uri: target, version: null }, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: draft.text }]),
      ],
    },
    open: target,
    message: `Draft of issue ${draft.number} (${draft.date}) created.`,
  };
}
