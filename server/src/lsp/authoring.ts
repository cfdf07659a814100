import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  TextDocumentEdit,
  CreateFile,
  type CompletionItem,
  type CompletionParams,
  type DocumentLinkParams,
  type ExecuteCommandParams,
  type HoverParams,
  type Position,
} from 'vscode-languageserver';
import { basename } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { describeResolution, resolveAll } from '../service/commands/conflicts/actions';
import { applyRuleFixes, OUT_OF_WINDOW_RULE, SORT_EVENTS_RULE } from '../service/commands/events';
import { mergeEvents } from '../service/commands/merge-events/merge';
import { formatMergeReport, mergeOverview, mergeSummary } from '../service/commands/merge-events/report';
import { checkoutWithTemplate, defaultDraftDate, nextDraft, readTemplate, TEMPLATE_PATH } from '../service/commands/new-draft';
import { preparePublishing } from '../service/commands/prepare-publishing';
import { publishReadiness } from '../service/commands/readiness';
import { reviewItems, reviewWeek } from '../service/commands/review';
import { lint } from '../service/lint';
import { completions, type SuggestionKind } from '../service/providers/completion';
import { hover } from '../service/providers/hover';
import { pastedUrl } from '../service/titles';
import { documentLinks } from '../service/providers/links';
import type { IssueModel } from '../service/model/types';
import { dateFromDayNumber, formatIsoDate } from '../service/util/dates';
import { fileUri, readWorkspaceFile, servesScheme, statOf } from '../service/workspace/read';
import { issueModelOf, previousIssueFile, repositoryRootOf } from '../service/workspace/recent-issues';
import type { AnalysisContext } from './context';
import type { Handlers } from './handlers';
import { AuthoringCommands, type CommandResult } from './protocol';

const COMPLETION_KINDS: Record<SuggestionKind, CompletionItemKind> = {
  snippet: CompletionItemKind.Snippet,
  value: CompletionItemKind.Value,
  reference: CompletionItemKind.Reference,
  heading: CompletionItemKind.Module,
};

/** Completion, hover, document links and the authoring commands. */
export function authoringHandlers(context: AnalysisContext): Handlers {
  return {
    'textDocument/completion': (params: CompletionParams): CompletionItem[] | null => {
      const issue = context.issueOf(params.textDocument.uri);
      if (!issue) return null;
      const position = clampPosition(issue.model, params.position);
      return completions(issue.model, position, context.recentIssues(issue.document, issue.model)).map((suggestion) => ({
        label: suggestion.label,
        kind: COMPLETION_KINDS[suggestion.kind],
        detail: suggestion.detail,
        documentation: suggestion.documentation ? { kind: MarkupKind.Markdown, value: suggestion.documentation } : undefined,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range: suggestion.range, newText: suggestion.insertText },
        filterText: suggestion.filterText,
        sortText: suggestion.sortText,
      }));
    },

    'textDocument/hover': (params: HoverParams) => {
      const issue = context.issueOf(params.textDocument.uri);
      if (!issue) return null;
      const diagnostics = context.lintOf(issue.document)?.diagnostics ?? [];
      const info = hover(issue.model, clampPosition(issue.model, params.position), diagnostics, context.recentIssues(issue.document, issue.model));
      return info ? { contents: { kind: MarkupKind.Markdown, value: info.markdown }, range: info.range } : null;
    },

    'textDocument/documentLink': (params: DocumentLinkParams) => {
      const issue = context.issueOf(params.textDocument.uri);
      return issue ? documentLinks(issue.model).map((link) => ({ range: link.range, target: link.target, tooltip: link.tooltip })) : null;
    },

    'workspace/executeCommand': (params: ExecuteCommandParams): CommandResult | null => {
      const uri = typeof params.arguments?.[0] === 'string' ? params.arguments[0] : undefined;
      if (params.command === AuthoringCommands.newDraft) return newDraftCommand(context, uri, typeof params.arguments?.[1] === 'string' ? params.arguments[1] : undefined);
      const issue = uri ? context.issueOf(uri) : undefined;
      if (!issue) return { message: 'Open a This Week in Rust issue first.' };
      switch (params.command) {
        case AuthoringCommands.sortEvents:
        case AuthoringCommands.removeOutOfWindowEvents: {
          const sorting = params.command === AuthoringCommands.sortEvents;
          const result = applyRuleFixes(issue.model, sorting ? SORT_EVENTS_RULE : OUT_OF_WINDOW_RULE);
          if ('error' in result) return { message: result.error };
          if (result.edits.length === 0) return { message: sorting ? 'The events are in order already: nothing to sort.' : 'Every event is inside the window already: nothing to remove.' };
          const edit = { documentChanges: [TextDocumentEdit.create({ uri: issue.document.uri, version: issue.document.version }, result.edits)] };
          const { events, perRegion } = result.changed;
          const message = sorting ? `Sorted the events: ${events} moved (${perRegion}).` : `Removed ${events} events outside the window (${perRegion}).`;
          if (result.doubt) return { edit, confirm: `Remove ${result.fixed} events outside the window? Not routine: ${result.doubt}.`, confirmAction: 'Remove', message };
          return { edit, message };
        }
        case AuthoringCommands.mergeEvents:
          return mergeEventsCommand(issue.document, issue.model, params.arguments?.[1], params.arguments?.[2]);
        case AuthoringCommands.pasteEvents: {
          const section = issue.model.events?.section;
          const line = (params.arguments?.[2] as Position | undefined)?.line;
          if (!section || typeof line !== 'number' || line <= section.heading.line || line >= section.endLine) return null;
          const merge = mergeEventsCommand(issue.document, issue.model, params.arguments?.[1], 'the pasted lines', true);
          return merge.edit ? merge : null;
        }
        case AuthoringCommands.resolveConflicts:
          return resolveConflictsCommand(issue.document, issue.model);
        case AuthoringCommands.preparePublishing: {
          const options = context.lintOptions(issue.document, issue.model);
          const prepared = preparePublishing(issue.model, (model) => lint(model, options).diagnostics);
          const left = prepared.left.length > 0 ? `Left for you: ${prepared.left.join('; ')}.` : 'Nothing is left for you: ready to publish.';
          if (prepared.edits.length === 0) return { message: `No publishing task a fix can do. ${left}` };
          const done = prepared.done.join(', ');
          return {
            edit: { documentChanges: [TextDocumentEdit.create({ uri: issue.document.uri, version: issue.document.version }, prepared.edits)] },
            confirm: `Prepare for publishing: ${done}?`,
            detail: [prepared.doubt && `Not routine: ${prepared.doubt}.`, left].filter(Boolean).join('\n\n'),
            confirmAction: 'Prepare',
            message: `Prepared for publishing: ${done}. ${left}`,
          };
        }
        case AuthoringCommands.checkPublishReadiness: {
          return { readiness: publishReadiness(issue.model, context.lintOf(issue.document)?.diagnostics ?? []) };
        }
        case AuthoringCommands.pasteUrl: {
          const text = params.arguments?.[1];
          const position = params.arguments?.[2] as Position | undefined;
          if (typeof text !== 'string' || typeof position?.line !== 'number') return null;
          const url = pastedUrl(issue.model, clampPosition(issue.model, position), text);
          return url ? { url } : null;
        }
        case AuthoringCommands.reviewWeek:
          return reviewWeekCommand(context, issue.document, issue.model);
        default:
          return null;
      }
    },
  };
}

/**
 * The merge of a week's events as one edit of the document's version, with the full report beside
 * it; the person may look at the result side by side before anything changes (every change applies:
 * VS Code's refactor preview starts changes marked for confirmation unticked, so none are marked).
 */
function mergeEventsCommand(document: { uri: string; version: number }, model: IssueModel, batch: unknown, name: unknown, pasted = false): CommandResult {
  if (typeof batch !== 'string') return { error: 'No events to merge were given.' };
  const batchName = typeof name === 'string' && name !== '' ? name : 'the batch';
  const result = mergeEvents(model, batch);
  if ('error' in result) return { error: `${result.error} Nothing was changed.` };
  const { report, edits } = result;
  const log = formatMergeReport(report, batchName);
  const summary = mergeSummary(report);
  if (edits.length === 0) return { log, message: `Merge of ${batchName}: ${summary}.` };
  const edit = { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, edits)] };
  const message = `Merged ${batchName}: ${summary}.`;
  // The paste widget offers it beside plain text, and one undo reverts it: no question, the report once it is applied.
  if (pasted) return { edit, title: `Merge into Upcoming Events, each in its region (${summary})`, log, message };
  return {
    edit,
    confirm: `Merge the events of ${batchName}? ${summary[0].toUpperCase()}${summary.slice(1)}.`,
    detail: `${mergeOverview(report)}\n\nThe whole report is in the TWiR output.`,
    confirmAction: 'Merge',
    preview: `Merge of ${batchName}: ${summary}`,
    log,
    message,
  };
}

/**
 * Every conflict the sections' rules resolve, as one edit of the document's version: asked first,
 * with what becomes of each conflict, and offered as a preview side by side (as the merge of events).
 */
function resolveConflictsCommand(document: { uri: string; version: number }, model: IssueModel): CommandResult {
  const { edits, resolved, left } = resolveAll(model);
  const total = resolved.length + left.length;
  if (total === 0) return { message: 'The document has no merge conflicts.' };
  const log = [...resolved, ...left].sort((a, b) => a.conflict.start - b.conflict.start).map(describeResolution).join('\n');
  const conflicts = (count: number) => `${count} conflict${count === 1 ? '' : 's'}`;
  if (edits.length === 0) return { log, message: `No conflict resolved: the sections' rules leave all ${conflicts(total)} to a person (why: in the TWiR output).` };
  const rest = left.length > 0 ? ` ${conflicts(left.length)} left for a person (why: in the TWiR output).` : '';
  return {
    edit: { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, edits)] },
    confirm: `Resolve ${resolved.length} of ${conflicts(total)} by the sections' rules?`,
    detail: log,
    confirmAction: 'Resolve',
    preview: `Resolution of ${resolved.length} of ${conflicts(total)}`,
    log,
    message: `Resolved ${conflicts(resolved.length)} by the sections' rules.${rest}`,
  };
}

/** The draft against the issue before it in its repository, read as the recent issues are (on the web: through the client). */
function reviewWeekCommand(context: AnalysisContext, document: TextDocument, model: IssueModel): CommandResult {
  if (!servesScheme(URI.parse(document.uri).scheme)) return { message: 'Save the issue in a This Week in Rust checkout to compare it with last week\'s.' };
  const path = context.documentPath(document);
  const previousPath = previousIssueFile(path, model);
  if (!previousPath) return { message: 'No earlier issue in content/ to compare this one with.' };
  const fileName = basename(previousPath);
  const previous = previousIssueModel(previousPath, fileName);
  if (!('model' in previous)) return { message: `${fileName} cannot be read${previous.problem ? `: ${previous.problem}` : ' yet'}.` };
  const review = reviewWeek(model, previous.model, fileName, context.recentIssues(document, model));
  return { weekReview: { review, previousUri: fileUri(previousPath), ...reviewItems(review) } };
}

/** Last week's issue, modelled once per modification: the view asks again at every version of the draft. */
let previousIssue: { path: string; mtimeMs: number; size: number; model: IssueModel } | undefined;

function previousIssueModel(path: string, fileName: string): { model: IssueModel } | { problem?: string } {
  const stat = statOf(path);
  if (previousIssue && stat && previousIssue.path === path && previousIssue.mtimeMs === stat.mtimeMs && previousIssue.size === stat.size) return previousIssue;
  const read = readWorkspaceFile(path);
  if (!('text' in read)) return { problem: 'problem' in read ? read.problem : undefined };
  const model = issueModelOf(read.text, fileName);
  if (!model) return { problem: 'it is over the analysis budget' };
  if (stat) previousIssue = { path, mtimeMs: stat.mtimeMs, size: stat.size, model };
  return { model };
}

/** A position inside the document: a client may ask past a line's end or past the last line. */
function clampPosition(model: IssueModel, position: Position): Position {
  const line = Math.min(Math.max(0, Math.floor(position.line) || 0), model.lines.lineCount - 1);
  return { line, character: Math.min(Math.max(0, Math.floor(position.character) || 0), model.lines.lineText(line).length) };
}

/**
 * The next draft beside the active issue (or in the first workspace folder holding `draft/`): without
 * a date, the person is asked for one, offered the date `create_draft.py` picks; the file is saved at once.
 */
function newDraftCommand(context: AnalysisContext, uri: string | undefined, date: string | undefined): CommandResult {
  const fromDocument = uri && servesScheme(URI.parse(uri).scheme) ? repositoryRootOf(context.documentPath({ uri })) : undefined;
  const candidates = [...(fromDocument ? [fromDocument] : []), ...context.workspaceFolders];
  const root = checkoutWithTemplate(candidates);
  if (!root) return { message: `Open a This Week in Rust checkout (with ${TEMPLATE_PATH}) first.` };
  if (date === undefined) {
    // Asked only when a draft can be made: a template that cannot be read is said at once.
    const template = readTemplate(root);
    if ('error' in template) return { message: template.error };
    const today = dateFromDayNumber(Math.floor(Date.now() / 86_400_000));
    return { input: { prompt: 'Date of the new issue (a Wednesday, YYYY-MM-DD)', value: formatIsoDate(defaultDraftDate(today)) } };
  }
  const draft = nextDraft(root, date);
  if ('error' in draft) return { message: draft.error };
  const target = draft.uri;
  return {
    edit: {
      documentChanges: [
        CreateFile.create(target, { overwrite: false, ignoreIfExists: false }),
        TextDocumentEdit.create({ uri: target, version: null }, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: draft.text }]),
      ],
    },
    open: target,
    save: true,
    message: `Created ${draft.path.slice(root.length).replace(/^[\\/]+/, '')}: ${draft.summary}.`,
  };
}
