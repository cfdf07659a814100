/**
 * Runs `twir-lint` as a real process. The CLI and its worker are bundled from the current sources
 * into a temporary folder, so that the tests neither need a prior build nor race with another
 * `npm run build` rewriting `dist/`.
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { RULES } from '../../server/src/service/rules/index';

const ROOT = resolve(__dirname, '../..');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface JsonReport {
  file: string;
  diagnostics: { rule: string; severity: string; line: number; column: number; endLine: number; endColumn: number; message: string; fixable: boolean }[];
}

/**
 * For a test file: the CLI bundled once (`cli`) and a fresh temporary folder per test (`dir`),
 * removed after it.
 */
export function cliSandbox(prefix: string): { readonly cli: string; readonly dir: string } {
  const sandbox = { cli: '', dir: '' };
  let dispose = () => {};
  beforeAll(async () => {
    ({ cli: sandbox.cli, dispose } = await buildCli());
  });
  afterAll(() => dispose());
  beforeEach(() => {
    sandbox.dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => rmSync(sandbox.dir, { recursive: true, force: true }));
  return sandbox;
}

/** Bundles `dist/cli.js` and `dist/cli-worker.js` into a temporary folder; returns the CLI's path. */
export async function buildCli(): Promise<{ cli: string; dispose(): void }> {
  const outdir = mkdtempSync(join(tmpdir(), 'twir-lint-build-'));
  await build({
    entryPoints: { cli: join(ROOT, 'server/src/cli/twir-lint.ts'), 'cli-worker': join(ROOT, 'server/src/cli/worker.ts') },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outdir,
    logLevel: 'error',
  });
  return { cli: join(outdir, 'cli.js'), dispose: () => rmSync(outdir, { recursive: true, force: true }) };
}

/**
 * Runs the CLI in `cwd`, without the caller's colour settings unless given in `env`. `stdout` is a
 * pipe read into `stdout`, or a file descriptor to write to, or `closed`: a pipe closed before the
 * CLI writes (as `twir-lint … | head` leaves it).
 */
export function runCli(cli: string, args: readonly string[], cwd: string, env: Record<string, string> = {}, stdout: 'pipe' | 'closed' | number = 'pipe'): Promise<CliRun> {
  const inherited = { ...process.env };
  delete inherited.FORCE_COLOR;
  delete inherited.NO_COLOR;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...inherited, ...env }, stdio: ['ignore', stdout === 'closed' ? 'pipe' : stdout, 'pipe'] });
    let output = '';
    let stderr = '';
    if (stdout === 'closed') child.stdout?.destroy();
    else child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout: output, stderr }));
  });
}

export function parseJson(run: CliRun): JsonReport[] {
  return JSON.parse(run.stdout) as JsonReport[];
}

/** A `.twir-lint.json` that turns off every rule but the given ones: tests that do not change as rules are added. */
export function onlyRules(rules: Record<string, string>): string {
  return JSON.stringify({ rules: Object.fromEntries(RULES.map((rule) => [rule.id, rules[rule.id] ?? 'off'])) });
}

/** A `--cache` file as stored: entries of a key, a value and the value's signature. */
export interface StoredCache<Entry> {
  twirLintCache: number;
  tool: string;
  entries: [string, Entry, string][];
}

/**
 * Rewrites the `--cache` file `file` through `edit`, then signs its entries with the cache's key
 * (`<file>.key`) as only the cache's owner can, unless `sign` is false (a forgery).
 */
export function editCacheFile<Entry>(file: string, edit: (cache: StoredCache<Entry>) => void, sign = true): void {
  const cache = JSON.parse(readFileSync(file, 'utf8')) as StoredCache<Entry>;
  edit(cache);
  const key = readFileSync(`${file}.key`, 'utf8').trim();
  if (sign) for (const entry of cache.entries) entry[2] = createHmac('sha256', key).update(`${entry[0]}\n${JSON.stringify(entry[1])}`).digest('hex');
  writeFileSync(file, JSON.stringify(cache));
}
