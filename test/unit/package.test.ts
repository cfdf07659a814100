import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
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
  expect(listed).toContain('schemas/twir-lint.schema.json');
  expect(listed).toContain('images/icon.png');
  expect(listed).toContain('CHANGELOG.md');
  expect(listed.filter((file) => /\.ts$|^node_modules\/|^test\/|^server\/|^client\/|\.map$/.test(file))).toEqual([]);
});

it('packages as `npm run package` does: the user README, bundles that refer to no source map it lacks', () => {
  // A copy of what the package is made of, built for packaging (dist/ of the checkout stays as it is).
  const copy = join(out, 'extension');
  for (const entry of ['package.json', '.vscodeignore', 'LICENSE', 'CHANGELOG.md', 'MARKETPLACE.md', 'images', 'syntaxes']) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--package', `--outdir=${join(copy, 'dist')}`], { cwd: ROOT, stdio: 'pipe' });
  const vsix = join(out, 'twir-author.vsix');
  execFileSync(VSCE, ['package', '--out', vsix], { cwd: copy, stdio: 'pipe' });
  expect(statSync(vsix).size).toBeLessThan(1024 * 1024);
  const files = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).trim().split('\n');
  const read = (file: string) => execFileSync('unzip', ['-p', vsix, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(read('extension/readme.md')).toMatch(/^# TWiR Author\n/);
  for (const bundle of files.filter((file) => file.endsWith('.js'))) {
    for (const [, map] of read(bundle).matchAll(/\/\/# sourceMappingURL=(\S+)/g)) expect(files, `${bundle} refers to ${map}`).toContain(`extension/dist/${map}`);
  }
});
