/**
 * The manifest's trust declarations match what the code does. Untrusted workspaces: supported,
 * because nothing from the workspace runs (config.test.ts) and nothing reaches the network
 * (no-network.test.ts). Virtual workspaces: limited to the schemes the client hands the server.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  capabilities?: { untrustedWorkspaces?: { supported: boolean | 'limited' }; virtualWorkspaces?: boolean | { supported: boolean | 'limited'; description?: string } };
  main?: string;
  browser?: string;
};
const client = readFileSync(resolve(ROOT, 'client/src/extension.ts'), 'utf8');

describe('manifest capabilities', () => {
  it('supports untrusted workspaces', () => {
    expect(manifest.capabilities?.untrustedWorkspaces).toEqual({ supported: true });
  });

  it('declares virtual workspaces as limited to the schemes the client serves', () => {
    const selector = /documentSelector:\s*\[([\s\S]*?)\]/.exec(client)?.[1] ?? '';
    const schemes = [...selector.matchAll(/scheme:\s*'([^']+)'/g)].map((match) => match[1]);
    // A selector entry without a scheme would take every scheme, virtual ones included.
    const entries = [...selector.matchAll(/\{[^}]*\}/g)].map((match) => match[0]);
    expect(entries.every((entry) => entry.includes('scheme:')), 'every selector entry names its scheme').toBe(true);
    expect(schemes.sort()).toEqual(['file', 'untitled']);
    const virtual = manifest.capabilities?.virtualWorkspaces;
    expect(virtual).toMatchObject({ supported: 'limited' });
    expect((virtual as { description: string }).description).toMatch(/untitled/);
    // A virtual workspace on the web has no Node: the extension has no browser entry point.
    expect(manifest.browser).toBeUndefined();
  });
});
