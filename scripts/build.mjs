// Bundles the client, the language server (main thread and analysis worker) and the CLI with esbuild
// (one file each, with source maps; `--package`: without, as the .vsix ships no map to refer to), into
// dist/ (`--outdir=DIR`: elsewhere); and the web build of the client and the server (dist/browser/, for
// github.dev and vscode.dev). `--action`: only the GitHub Action's bundle, into action/dist/ (committed:
// GitHub runs the action from its checkout without building it), the CLI beside its entry, no source maps.
import { chmodSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const action = process.argv.includes('--action');
const outdir = process.argv.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length) ?? (action ? 'action/dist' : 'dist');
const common = {
  bundle: true,
  platform: 'node',
  // The action runs on Node 24 (runs.using: node24), the CLI and the extension on Node 20 and later.
  target: 'node20',
  format: 'cjs',
  sourcemap: !process.argv.includes('--package') && !action,
  minify: true,
  keepNames: true,
  logLevel: 'warning',
};

const cli = { cli: 'server/src/cli/twir-lint.ts', 'cli-worker': 'server/src/cli/worker.ts' };
const builds = action
  ? [{ entryPoints: { index: 'action/src/main.ts', ...cli } }]
  : [
      { entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'] },
      { entryPoints: { server: 'server/src/server.ts', 'analysis-worker': 'server/src/analysis-worker.ts', ...cli } },
    ];

/**
 * The web build runs the same service in web workers: the one module that reaches Node's file
 * system is replaced by the files the client reads for the worker, and `node:path` by URI paths.
 */
const webReplacements = {
  name: 'web-replacements',
  setup(build) {
    build.onResolve({ filter: /^node:path$/ }, () => ({ path: resolve('server/src/browser/path.ts') }));
    const nodeFiles = resolve('server/src/service/workspace/read');
    build.onResolve({ filter: /\/read$/ }, (args) => (resolve(args.resolveDir, args.path) === nodeFiles ? { path: resolve('server/src/browser/workspace-files.ts') } : undefined));
  },
};
// `worker`: packages that have a DOM build for browsers (micromark's character references) take their worker build.
const web = { platform: 'browser', conditions: ['worker'], target: 'es2022', outdir: `${outdir}/browser`, plugins: [webReplacements] };
if (!action) builds.push(
  // VS Code loads a web extension's `browser` entry as CommonJS in its extension host worker.
  { ...web, entryPoints: { client: 'client/src/browser.ts' }, external: ['vscode'], format: 'cjs' },
  { ...web, entryPoints: { server: 'server/src/browser/server.ts', 'analysis-worker': 'server/src/browser/analysis-worker.ts' }, format: 'iife' },
);

for (const options of builds) {
  const config = { ...common, outdir, ...options };
  if (watch) {
    const context = await esbuild.context(config);
    await context.watch();
  } else {
    await esbuild.build(config);
  }
}

// The CLI runs as a program too (`./dist/cli.js`, the package's bin), with the flags of its `#!` line.
if (!watch) chmodSync(`${outdir}/cli.js`, 0o755);

// The sizes the README refers to: each bundle as written, minified and gzipped.
if (!watch) {
  const kb = (bytes) => `${Math.round(bytes / 1024)} KB`;
  const bundles = readdirSync(outdir, { recursive: true }).filter((file) => file.endsWith('.js')).sort();
  for (const file of bundles) {
    const bytes = readFileSync(join(outdir, file));
    console.log(`${join(outdir, file).padEnd(36)} ${kb(bytes.length).padStart(8)} (${kb(gzipSync(bytes).length)} gzipped)`);
  }
}
