/**
 * The oracles that run Python (TWiR's CI scripts, Python-Markdown as the site renders) use Debian's
 * Python and its packages, installed as root when missing by the same helper that provisions chromium.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Debian's Python, which the packages install into (not a pyenv or venv one on PATH). */
export const PYTHON = '/usr/bin/python3';

export interface DebianPackage {
  name: string;
  /** A file the package installs: present, the package is there. */
  file: string;
}

export const PYTHON_MARKDOWN: readonly DebianPackage[] = [
  { name: 'python3', file: PYTHON },
  { name: 'python3-markdown', file: '/usr/lib/python3/dist-packages/markdown/__init__.py' },
];

/** Why the packages cannot be had here (installing the missing ones as root), or undefined. */
export async function unavailablePackages(packages: readonly DebianPackage[], oracle: string): Promise<string | undefined> {
  const provision = pathToFileURL(resolve(__dirname, '../../scripts/e2e/provision.mjs')).href;
  const { ensureDebianPackages } = (await import(provision)) as { ensureDebianPackages(needed: readonly DebianPackage[], log: (message: string) => void): void };
  try {
    ensureDebianPackages(packages, (message) => console.error(`[${oracle}] ${message}`));
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}
