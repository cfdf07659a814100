/**
 * Bundles the extension tests (test/e2e/suite: index.ts and every *.test.ts) into a fresh temporary
 * folder per run (runs may overlap); its index.js is the `extensionTestsPath` both runners hand to
 * VS Code. `vscode` comes from the extension host; mocha is bundled in, because mocha 12 is an ES
 * module that the Node of some VS Code builds cannot require().
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { REPO_ROOT, freshDir } from '../../scripts/e2e/code-server.mjs';

const SUITE = join(REPO_ROOT, 'test', 'e2e', 'suite');

/** Returns the path of the bundled suite's index.js. */
export async function buildSuite() {
  const entryPoints = readdirSync(SUITE)
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => join(SUITE, name));
  const outdir = freshDir('twir-e2e-suite-');
  await esbuild.build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // Mocha's parallel mode (unused here) resolves worker files by path.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return join(outdir, 'index.js');
}
