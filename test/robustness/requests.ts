/** A request of every kind a server announces in its capabilities, for tests that must reach them all. */
import type { ServerCapabilities } from 'vscode-languageserver-protocol';
import type { ServerSession } from '../lsp/server-process';

export type Request = { method: string; params: object };

/** One request for each capability that the server serves by request. */
const REQUESTS_BY_CAPABILITY: Record<string, (uri: string, capabilities: ServerCapabilities, position: { line: number; character: number }) => Request[]> = {
  documentSymbolProvider: (uri) => [{ method: 'textDocument/documentSymbol', params: { textDocument: { uri } } }],
  foldingRangeProvider: (uri) => [{ method: 'textDocument/foldingRange', params: { textDocument: { uri } } }],
  documentLinkProvider: (uri) => [{ method: 'textDocument/documentLink', params: { textDocument: { uri } } }],
  hoverProvider: (uri, _, position) => [{ method: 'textDocument/hover', params: { textDocument: { uri }, position } }],
  completionProvider: (uri, _, position) => [{ method: 'textDocument/completion', params: { textDocument: { uri }, position } }],
  codeActionProvider: (uri) => [
    {
      method: 'textDocument/codeAction',
      params: { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } }, context: { diagnostics: [] } },
    },
  ],
  executeCommandProvider: (uri, capabilities) =>
    (capabilities.executeCommandProvider?.commands ?? []).map((command) => ({ method: 'workspace/executeCommand', params: { command, arguments: [uri] } })),
};
/** Capabilities that are not requests (document sync is exercised by the edit tests). */
const NOT_REQUESTS = new Set(['textDocumentSync', 'positionEncoding', 'workspace']);

/** One request per announced capability (per command for executeCommand), about `uri`, at `position`. */
export function requestsFor(server: ServerSession, uri: string, position = { line: 8, character: 3 }): Request[] {
  const { capabilities } = server.initializeResult;
  return Object.keys(capabilities)
    .filter((capability) => !NOT_REQUESTS.has(capability))
    .flatMap((capability) => {
      const build = REQUESTS_BY_CAPABILITY[capability];
      if (!build) throw new Error(`the server announces ${capability}: add a request for it to REQUESTS_BY_CAPABILITY`);
      return build(uri, capabilities, position);
    });
}
