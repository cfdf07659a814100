/**
 * `twir-lint-<version>.tgz`, the CLI artefact of `npm run package`: installed with npm from the
 * file alone — globally into an empty prefix and into an empty folder — with no registry (an
 * address where nothing listens, `--offline`, an empty cache), then run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCli } from './cli-process';

const ROOT = resolve(__dirname, '../..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

let dir: string;
let tgz: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'twir-lint-artefact-'));
  const bundle = await buildCli();
  try {
    tgz = execFileSync(process.execPath, [join(ROOT, 'scripts/package-cli.mjs'), '--dist', join(bundle.cli, '..'), '--out', dir], { encoding: 'utf8' }).trim();
  } finally {
    bundle.dispose();
  }
  cpSync(join(ROOT, 'test/fixtures/draft'), join(dir, 'draft'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function npmOffline(args: string[], cwd: string): void {
  const env = { ...process.env, npm_config_registry: 'http://127.0.0.1:9/', npm_config_cache: join(dir, 'empty-cache'), npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  execFileSync('npm', [...args, '--offline'], { cwd, env, stdio: 'pipe' });
}


it(`packs twir-lint-${version}.tgz with the bundle, a manifest without dependencies, a README and the license`, () => {
  expect(tgz).toBe(join(dir, `twir-lint-${version}.tgz`));
  const listed = execFileSync('tar', ['tzf', tgz], { encoding: 'utf8' }).trim().split('\n').sort();
  expect(listed).toEqual(['package/LICENSE', 'package/README.md', 'package/cli-worker.js', 'package/cli.js', 'package/package.json']);
  const manifest = JSON.parse(execFileSync('tar', ['xzf', tgz, '-O', 'package/package.json'], { encoding: 'utf8' }));
  expect(manifest).toMatchObject({ name: 'twir-lint', version, bin: { 'twir-lint': 'cli.js' } });
  expect(manifest.dependencies).toBeUndefined();
});

it('installs globally into an empty prefix with no registry, and runs', () => {
  const prefix = join(dir, 'prefix');
  npmOffline(['install', '--global', '--prefix', prefix, tgz], dir);
  const bin = join(prefix, 'bin/twir-lint');
  expect(execFileSync(bin, ['--version'], { encoding: 'utf8' })).toBe(`${version}\n`);
  // Two files on two threads: the worker loads from the installed package too. Checked as being published: the draft's publishing tasks are errors.
  const linted = spawnSync(bin, ['--format', 'json', '--concurrency', '2', '--preset', 'publish', 'draft/'], { cwd: dir, encoding: 'utf8' });
  expect(linted.stderr).toBe('');
  expect(JSON.parse(linted.stdout).map((report: { file: string }) => report.file)).toEqual(['draft/2026-08-26-this-week-in-rust.md', 'draft/DRAFT_TEMPLATE']);
  expect(linted.status).toBe(1);
});

it('installs into an empty folder with no registry, and runs from node_modules/.bin', () => {
  const project = join(dir, 'empty');
  mkdirSync(project);
  npmOffline(['install', '--no-package-lock', tgz], project);
  const linted = spawnSync(join(project, 'node_modules/.bin/twir-lint'), ['--format', 'github', '--preset', 'publish', 'draft/'], { cwd: dir, encoding: 'utf8' });
  expect(linted.stdout).toMatch(/\ntwir-lint: \d+ problems \(\d+ errors.*\) in 2 files\.\n$/);
  expect(linted.status).toBe(1);
});
