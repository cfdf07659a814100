import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ruleDocPath } from '../../server/src/service/rules/docs';
import { RULES } from '../../server/src/service/rules/index';

const ROOT = resolve(__dirname, '../..');
const VSCE = join(ROOT, 'node_modules/.bin/vsce');
const out = mkdtempSync(join(tmpdir(), 'twir-vsix-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('packages a .vsix under 1.5 MB with the bundles and no sources, tests or node_modules', () => {
  const listed = execFileSync(VSCE, ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').sort();
  expect(listed).toContain('dist/client.js');
  expect(listed).toContain('dist/server.js');
  expect(listed).toContain('dist/analysis-worker.js');
  for (const web of ['client', 'server', 'analysis-worker']) expect(listed).toContain(`dist/browser/${web}.js`);
  expect(listed).toContain('package.json');
  expect(listed).toContain('schemas/twir-lint.schema.json');
  expect(listed).toContain('images/icon.png');
  expect(listed).toContain('CHANGELOG.md');
  // Each rule's documentation, which a diagnostic's code opens.
  for (const rule of RULES) expect(listed).toContain(ruleDocPath(rule.id));
  expect(listed.filter((file) => /\.ts$|^node_modules\/|^test\/|^server\/|^client\/|\.map$/.test(file))).toEqual([]);
});

it('packages as `npm run package` does: the user README, bundles that refer to no source map it lacks, no URL of a home the project does not have', () => {
  // A copy of what the package is made of, built for packaging (dist/ of the checkout stays as it is).
  const copy = join(out, 'extension');
  for (const entry of ['package.json', '.vscodeignore', 'LICENSE', 'CHANGELOG.md', 'MARKETPLACE.md', 'images', 'syntaxes', 'schemas', 'snippets', 'docs']) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--package', `--outdir=${join(copy, 'dist')}`], { cwd: ROOT, stdio: 'pipe' });
  const vsix = join(out, 'twir-author.vsix');
  // As `npm run package`: package.json names no repository until the real one is known.
  const packageScript: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.package;
  expect(packageScript).toContain('vsce package --allow-missing-repository');
  execFileSync(VSCE, ['package', '--allow-missing-repository', '--out', vsix], { cwd: copy, stdio: 'pipe' });
  // Two builds (desktop and web) of the client, the server and the analysis worker, with the rule docs: 1.07 MB on 2026-12-04.
  expect(statSync(vsix).size).toBeLessThan(1.5 * 1024 * 1024);
  const files = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).trim().split('\n');
  const read = (file: string) => execFileSync('unzip', ['-p', vsix, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(read('extension/readme.md')).toMatch(/^# TWiR Author\n/);
  for (const bundle of files.filter((file) => file.endsWith('.js'))) {
    for (const [, map] of read(bundle).matchAll(/\/\/# sourceMappingURL=(\S+)/g)) expect(files, `${bundle} refers to ${map}`).toContain(`extension/dist/${map}`);
  }
  // What ships (the .vsix, the action's committed bundle) points at no home of the project: it has
  // none yet, and a guessed one (twir-author/twir-author) is a 404 in every docs link.
  const shipped = [
    ...files.filter((file) => file.startsWith('extension/') && !file.endsWith('.png')).map((file) => [file, read(file)]),
    ...['action.yml', 'action/dist/index.js', 'action/dist/cli.js', 'action/dist/cli-worker.js'].map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]),
  ];
  for (const [file, text] of shipped) {
    expect(text, file).not.toMatch(/twir-author\/twir-author|https?:\/\/[^\s"'`)]*twir-author/i);
  }
});
