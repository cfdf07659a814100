/**
 * The manifest's trust declarations match what the code does. Untrusted workspaces: supported,
 * because nothing from the workspace runs (config.test.ts) and nothing reaches the network
 * (no-network.test.ts). Virtual workspaces: everything on the web, where the browser client hands
 * the server the editor's file systems (vscode-vfs too) and reads files for it; on the desktop,
 * limited to the schemes the Node client hands the server.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  capabilities?: { untrustedWorkspaces?: { supported: boolean | 'limited'; description?: string }; virtualWorkspaces?: boolean | { supported: boolean | 'limited'; description?: string } };
  main?: string;
  browser?: string;
};
const client = readFileSync(resolve(ROOT, 'client/src/extension.ts'), 'utf8');
const browserClient = readFileSync(resolve(ROOT, 'client/src/browser.ts'), 'utf8');
/** The URI schemes a client hands the server: the list it gives `clientOptions` (client/src/common.ts), inline or as `SCHEMES`. */
function schemesOf(source: string): string[] {
  const list = /(?:SCHEMES = |clientOptions\(outputChannel, )\[([^\]]*)\]/.exec(source)?.[1] ?? '';
  return [...list.matchAll(/'([^']+)'/g)].map((match) => match[1]);
}

describe('manifest capabilities', () => {
  it('supports untrusted workspaces, limited: everything but fetching a page\'s title, which the client refuses there', () => {
    expect(manifest.capabilities?.untrustedWorkspaces).toMatchObject({ supported: 'limited' });
    expect(manifest.capabilities?.untrustedWorkspaces?.description).toMatch(/everything works except fetching a page's title/);
    const titles = readFileSync(resolve(ROOT, 'client/src/titles.ts'), 'utf8');
    expect(titles).toMatch(/function titlesAllowed\(\): boolean \{\n\s*return vscode\.workspace\.isTrusted &&/);
  });

  it('declares virtual workspaces as limited: every file system on the web, file and untitled on the desktop', () => {
    expect(schemesOf(client).sort()).toEqual(['file', 'untitled']);
    expect(schemesOf(browserClient)).toContain('vscode-vfs');
    expect(browserClient).toContain('serveWorkspaceFiles(client)');
    const virtual = manifest.capabilities?.virtualWorkspaces;
    expect(virtual).toMatchObject({ supported: 'limited' });
    expect((virtual as { description: string }).description).toMatch(/github\.dev.*untitled/s);
    expect(manifest.browser).toBe('./dist/browser/client.js');
  });
});
