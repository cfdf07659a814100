import type { ServerCapabilities, WorkspaceEdit } from 'vscode-languageserver';
import type { Readiness } from '../service/commands/readiness';
import type { ReviewItem, WeekReview } from '../service/commands/review';

/**
 * The one protocol between the LSP main thread and the analysis worker: a method name with plain
 * JSON params, and a plain JSON result. Requests carry an id and get one answer; messages without
 * an id are notifications either way.
 */

/** Main thread → worker. */
export type ToWorker = { id?: number; method: string; params: unknown };

/** Worker → main thread: an answer, or a notification (`WorkerNotifications`). */
export type FromWorker = { id: number; result: unknown } | { id: number; error: string } | { method: string; params: unknown };

/** What the main thread tells the worker without waiting for an answer. */
export const WorkerNotifications = {
  /** `{ uri, version, text }`: a document was opened or changed (the whole text). */
  setDocument: 'document/set',
  /** `{ uri }` */
  closeDocument: 'document/close',
  /** `Settings`: the client's `twir` settings as they came, and the workspace folders; read `.twir-lint.json` again. */
  settings: 'settings',
  /** `{ path }`: a recent issue that took longer than the budget once: not read again. */
  refuseIssueFile: 'recentIssues/refuse',
  /**
   * `{ files, roots }` (web build): workspace files the client read for the worker, by path (null:
   * changed, read again when needed), and the URIs of the workspace folders and open documents.
   */
  files: 'files',
} as const;

/** Requests of the worker's own (the others are LSP methods with LSP params and results). */
export const WorkerRequests = {
  /** `{ uri, version }` → the LSP diagnostics of that version, or null when the document moved on. */
  diagnostics: 'diagnostics',
  /** `{ path }` → null: models one recent issue into the cache. */
  readIssueFile: 'recentIssues/read',
} as const;

/** What the worker tells the main thread on its own. */
export const MainNotifications = {
  /** `{}`: loaded, ready for requests. */
  ready: 'ready',
  /** `{ uri, why }`: the document is not analysed (the main thread tells the user once). */
  skipped: 'skipped',
  /**
   * `{ problems, effective }` after each `settings`: what is wrong with `.twir-lint.json` or
   * `twir.rules`, one line each (the main thread shows each once), and the settings in effect as a
   * string (when it changes, every document is diagnosed again).
   */
  settingsRead: 'settings/read',
  /** `{ message }`: for the server's log. */
  log: 'log',
  /** `{ paths }`: recent issues to read, one request each, when nothing else waits. */
  unreadIssueFiles: 'recentIssues/unread',
  /** `{ paths }` (web build): files the worker needed and has not got; sent before the answer that needed them. */
  filesWanted: 'files/wanted',
} as const;

/**
 * Server → client, in the web build: `{ uris, maxBytes }` → a `FileEntry` per URI, in order. The
 * client reads them with `vscode.workspace.fs` (as VS Code's Markdown server has its client read).
 */
export const ReadFilesRequest = 'twir/readFiles';

/** Client → server: `{ uris }`, the documents the editor shows, whenever that changes: they are analysed first. */
export const VisibleDocumentsNotification = 'twir/visibleDocuments';

/** A file or folder as the client read it; a file over `maxBytes` comes without its text. */
export type FileEntry =
  | { type: 'file'; mtime: number; size: number; text?: string; problem?: string }
  | { type: 'directory'; mtime: number; names: string[] }
  | { type: 'missing' };

export interface Settings {
  /** `twir.files` and `twir.rules` as the client sent them: validated by the worker. */
  twir: { files?: unknown; rules?: unknown } | null;
  workspaceFolders: string[];
}

/**
 * Client → server (main thread): `{ url }` → `{ link }` (`[Title](url)`, the URL cleaned) or
 * `{ error }` (why not). The only request that opens a network connection: the client sends it only
 * when the person picked the paste option or the code action, in a trusted workspace, with
 * `twir.titles.fetch` on. Cancellable.
 */
export const TitledLinkRequest = 'twir/titledLink';
export type TitledLinkResult = { link: string } | { error: string };

/** The client's command that a title code action runs: `[uri, range, url, version]`. */
export const FETCH_TITLE_COMMAND = 'twir.fetchTitle';

/** The server's commands; the client's palette commands forward to them with the active document. */
export const AuthoringCommands = {
  newDraft: 'twir.server.newDraft',
  sortEvents: 'twir.server.sortEvents',
  removeOutOfWindowEvents: 'twir.server.removeOutOfWindowEvents',
  checkPublishReadiness: 'twir.server.checkPublishReadiness',
  /** Every publishing task a fix can do (service/commands/prepare-publishing.ts), after the person confirms. */
  preparePublishing: 'twir.server.preparePublishing',
  /** `[uri, batch text, batch name]`: the edit that merges a week's events, annotated by region for a preview. */
  mergeEvents: 'twir.server.mergeEvents',
  /**
   * `[uri, pasted text, position]`: when the position is in Upcoming Events and the text is a batch of
   * events, the merge's edit (offered as a paste option, with its title, report and message); otherwise null.
   */
  pasteEvents: 'twir.server.pasteEvents',
  /** `[uri]`: the edit that resolves every conflict of the document that the sections' rules resolve, with its preview. */
  resolveConflicts: 'twir.server.resolveConflicts',
  /** `[uri, pasted text, position]`: the URL to write as a titled link when one URL is pasted into a link section (no fetch), or null. */
  pasteUrl: 'twir.server.pasteUrl',
  /** `[uri]`: the draft against the issue before it (`weekReview`), or a message saying why there is none. */
  reviewWeek: 'twir.server.reviewWeek',
} as const;

/**
 * What a command answers: an edit for the client to apply, a file to open, the publish readiness
 * to show, or a message. The server never edits on its own, so every editor can apply it its way.
 */
export interface CommandResult {
  edit?: WorkspaceEdit;
  /** A question the person answers before the edit is applied, with details, and the button that applies it. */
  confirm?: string;
  detail?: string;
  confirmAction?: string;
  /**
   * The title of a preview of the edit, offered beside the confirm action: the document and the
   * result side by side, and the whole edit applied when the person applies it.
   */
  preview?: string;
  /** What the edit is called where the person picks it (a paste option). */
  title?: string;
  open?: string;
  report?: string;
  /** Plain text the client shows in its TWiR output once the edit is applied (a merge report), and beside its preview. */
  log?: string;
  /** Save the opened file at once (a new draft: on disk whole, never left empty). */
  save?: boolean;
  /** A value to ask the person for, offered prefilled: the command then runs again with it as its second argument. */
  input?: { prompt: string; value: string };
  readiness?: Readiness;
  /** The URL a paste would title (`pasteUrl`). */
  url?: string;
  /** This week against last week, with the URI of the issue compared with (where dropped events are). */
  weekReview?: { review: WeekReview; previousUri: string; summary: string; items: ReviewItem[] };
  message?: string;
  /** Why the command did nothing: the client shows it as an error. */
  error?: string;
}

export const authoringCapabilities: ServerCapabilities = {
  completionProvider: { triggerCharacters: ['|', ' ', '#', ',', '['] },
  hoverProvider: true,
  documentLinkProvider: { resolveProvider: false },
  executeCommandProvider: { commands: Object.values(AuthoringCommands) },
};
