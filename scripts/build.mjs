// Bundles the client, the language server (main thread and analysis worker) and the CLI with esbuild
// (one file each, with source maps; `--package`: without, as the .vsix ships no map to refer to), into
// dist/ (`--outdir=DIR`: elsewhere).
import { chmodSync } from 'node:fs';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const outdir = process.argv.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !process.argv.includes('--package'),
  minify: true,
  keepNames: true,
  logLevel: 'warning',
};

const builds = [
  { entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'] },
  { entryPoints: { server: 'server/src/server.ts', 'analysis-worker': 'server/src/analysis-worker.ts', cli: 'server/src/cli/twir-lint.ts', 'cli-worker': 'server/src/cli/worker.ts' } },
];

for (const options of builds) {
  const config = { ...common, ...options, outdir };
  if (watch) {
    const context = await esbuild.context(config);
    await context.watch();
  } else {
    await esbuild.build(config);
  }
}

// The CLI runs as a program too (`./dist/cli.js`, the package's bin), with the flags of its `#!` line.
if (!watch) chmodSync(`${outdir}/cli.js`, 0o755);
