import { fork } from 'node:child_process';
import { expect, it } from 'vitest';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { SERVER } from './server-process';

it('runs over --node-ipc too, as vscode-languageclient starts it in the editor', async () => {
  const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  connection.listen();
  try {
    const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as InitializeResult;
    expect(result.serverInfo?.name).toBe('twir-author');
    expect(result.capabilities.documentSymbolProvider).toBeTruthy();
    expect(result.capabilities.foldingRangeProvider).toBe(true);
  } finally {
    connection.dispose();
    child.kill();
  }
});
