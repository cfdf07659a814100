/**
 * The real server publishes diagnostics for the latest version only: a burst of changes is
 * analysed once, and what it publishes is the lint of the final text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/service/model/build';
import { lint } from '../../server/src/service/lint';
import { fixture, startServer, type ServerSession } from './server-process';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('diagnostics of the latest version', () => {
  let session: ServerSession;
  beforeAll(async () => {
    session = await startServer();
  });
  afterAll(async () => {
    await session.stop();
  });

  it('analyses a burst of changes once, for its last version, with the lint of the final text', async () => {
    const { uri, text } = fixture('seeds/2026-01-14-this-week-in-rust.md');
    session.open(uri, text);
    await session.diagnostics(uri, 1);
    // Five keystrokes at the start of line 10, a few milliseconds apart: a burst, faster than
    // the debounce, where each version makes the one before it stale.
    const typed = 'abcde';
    for (const [index, character] of [...typed].entries()) {
      const position = { line: 10, character: index };
      await session.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: index + 2 },
        contentChanges: [{ range: { start: position, end: position }, text: character }],
      });
      await sleep(3);
    }
    const lines = text.split('\n');
    lines[10] = typed + lines[10];
    const finalText = lines.join('\n');

    const published = await session.diagnostics(uri, typed.length + 1);
    const staleVersions = [2, 3, 4, 5];
    const stale = await Promise.race([...staleVersions.map((version) => session.diagnostics(uri, version).then(() => version)), sleep(300).then(() => 'none')]);
    expect(stale).toBe('none');
    const expected = lint(buildModel(finalText, { fileName: '2026-01-14-this-week-in-rust.md' })).diagnostics;
    expect(published.map((diagnostic) => `${diagnostic.range.start.line}:${diagnostic.code}`)).toEqual(
      expected.map((diagnostic) => `${diagnostic.range.start.line}:${diagnostic.rule}`),
    );
  });
});
