/**
 * The language server: a thin mapping from LSP to the editor-agnostic service in ./service. Each
 * feature registers its handlers from its own module in ./lsp; all of them read the one model of
 * a document version through the shared ServerContext.
 */
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { authoringCapabilities, registerAuthoring } from './lsp/authoring';
import { ServerContext } from './lsp/context';
import { registerDiagnostics } from './lsp/diagnostics';
import { registerOutline } from './lsp/outline';
import { warmUp } from './lsp/warm-up';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const context = new ServerContext(connection, documents);

connection.onInitialize((params) => {
  context.canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
  context.workspaceFolders = (params.workspaceFolders ?? []).map((folder) => URI.parse(folder.uri).fsPath);
  if (context.workspaceFolders.length === 0 && params.rootUri) context.workspaceFolders = [URI.parse(params.rootUri).fsPath];
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'TWiR' },
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, 'source.fixAll.twir'] },
      ...authoringCapabilities,
    },
    serverInfo: { name: 'twir-author' },
  };
});

registerOutline(context);
registerAuthoring(context);
const diagnostics = registerDiagnostics(context);
context.onRecentIssuesRead = () => diagnostics.revalidateAll();

connection.onInitialized(async () => {
  if (context.canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'twir' });
  context.loadWorkspaceConfig();
  await context.pullSettings();
  diagnostics.revalidateAll();
  void warmUp();
});

connection.onDidChangeConfiguration(async () => {
  await context.pullSettings();
  diagnostics.revalidateAll();
});

connection.onDidChangeWatchedFiles(() => {
  context.loadWorkspaceConfig();
  diagnostics.revalidateAll();
});

documents.listen(connection);
connection.listen();
