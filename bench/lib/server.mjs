// The real server over stdio, as an editor speaks to it, with a TWiR checkout as its workspace.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { ROOT, sleep } from './common.mjs';
import { residentMb } from './commands.mjs';

/** Starts `dist/server.js` with `workspace` (a folder) as its only workspace folder. */
export async function startServer(workspace) {
  const child = spawn(process.execPath, [join(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const at = performance.now();
    for (const waiter of waiters.filter((candidate) => candidate.uri === params.uri && candidate.version === params.version)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(at);
    }
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/showMessage', () => undefined);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  const folder = workspace ? { uri: pathToFileURL(workspace).href, name: 'this-week-in-rust' } : undefined;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: folder?.uri ?? null, workspaceFolders: folder ? [folder] : null, capabilities: { workspace: { configuration: true, workspaceFolders: true } } });
  await connection.sendNotification('initialized', {});
  return {
    pid: child.pid,
    /** Resolves with the time the diagnostics of that version arrived. */
    published: (uri, version) => new Promise((resolvePromise) => waiters.push({ uri, version, resolve: resolvePromise })),
    open: (uri, text) => connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } }),
    request: (method, params) => connection.sendRequest(method, params),
    change: (uri, version, position, insert) =>
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: position, end: position }, text: insert }] }),
    resident: () => residentMb(child.pid),
    async stop() {
      await Promise.race([connection.sendRequest('shutdown'), sleep(2000)]);
      await connection.sendNotification('exit');
      connection.dispose();
      child.kill();
    },
  };
}
