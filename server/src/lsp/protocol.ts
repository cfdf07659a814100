import type { ServerCapabilities, WorkspaceEdit } from 'vscode-languageserver';
import type { Readiness } from '../service/commands/readiness';

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

/** The server's commands; the client's palette commands forward to them with the active document. */
export const AuthoringCommands = {
  newDraft: 'twir.server.newDraft',
  sortEvents: 'twir.server.sortEvents',
  removeOutOfWindowEvents: 'twir.server.removeOutOfWindowEvents',
  checkPublishReadiness: 'twir.server.checkPublishReadiness',
  /** `[uri, batch text, batch name]`: the edit that merges a week's events, annotated by region for a preview. */
  mergeEvents: 'twir.server.mergeEvents',
  /**
   * `[uri, pasted text, position]`: when the position is in Upcoming Events and the text is a batch of
   * events, the merge's edit (offered as a paste option); otherwise null.
   */
  pasteEvents: 'twir.server.pasteEvents',
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
  /** The same edit with each change annotated for review (VS Code's refactor preview), offered beside the confirm action. */
  review?: WorkspaceEdit;
  open?: string;
  report?: string;
  /** Plain text the client shows in its TWiR output (a merge report), beside the edit's preview. */
  log?: string;
  /** Save the opened file at once (a new draft: on disk whole, never left empty). */
  save?: boolean;
  /** A value to ask the person for, offered prefilled: the command then runs again with it as its second argument. */
  input?: { prompt: string; value: string };
  readiness?: Readiness;
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
