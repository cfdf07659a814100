import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const VSCE = join(ROOT, 'node_modules/.bin/vsce');
const out = mkdtempSync(join(tmpdir(), 'twir-vsix-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('packages a .vsix under 1 MB with the bundles and no sources, tests or node_modules', () => {
  const listed = execFileSync(VSCE, ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').sort();
  expect(listed).toContain('dist/client.js');
  expect(listed).toContain('dist/server.js');
  expect(listed).toContain('dist/analysis-worker.js');
  for (const web of ['client', 'server', 'analysis-worker']) expect(listed).toContain(`dist/browser/${web}.js`);
  expect(listed).toContain('package.json');
  expect(listed.filter((file) => /\.ts$|^node_modules\/|^test\/|^server\/|^client\/|\.map$/.test(file))).toEqual([]);
  const vsix = join(out, 'twir-author.vsix');
  execFileSync(VSCE, ['package', '--no-dependencies', '--out', vsix], { cwd: ROOT, stdio: 'pipe' });
  expect(statSync(vsix).size).toBeLessThan(1024 * 1024);
}, 60_000);
