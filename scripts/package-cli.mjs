// Makes `twir-lint-<version>.tgz`: the bundled CLI (dist/cli.js and its worker) with a manifest of
// its own that has no dependencies, so that `npm install -g ./twir-lint-<version>.tgz` needs no
// registry. `npm run package` runs it after the build; the tests run it on a bundle of their own:
//   node scripts/package-cli.mjs [--dist DIR] [--out DIR]   → prints the path of the .tgz
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { dist: { type: 'string', default: join(ROOT, 'dist') }, out: { type: 'string', default: ROOT } } });
const project = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

const manifest = {
  name: 'twir-lint',
  version: project.version,
  description: 'The checks of This Week in Rust issues, for CI and the command line (the CLI of TWiR Author, bundled: no dependencies).',
  license: project.license,
  // The project's repository, once package.json names it (not before: no guessed URL).
  ...(project.repository && { repository: project.repository }),
  bin: { 'twir-lint': 'cli.js' },
  files: ['cli.js', 'cli-worker.js'],
  engines: { node: project.engines.node },
};

const README = `# twir-lint ${project.version}

The checks of *This Week in Rust* issues for CI and the command line: the CLI of TWiR Author,
bundled into \`cli.js\` and its worker \`cli-worker.js\`, with no dependencies.

    npm install -g ./twir-lint-${project.version}.tgz
    twir-lint --help
    twir-lint --explain links/tracking   (each rule's documentation)
`;

const staging = mkdtempSync(join(tmpdir(), 'twir-lint-package-'));
try {
  for (const file of manifest.files) copyFileSync(join(values.dist, file), join(staging, file));
  copyFileSync(join(ROOT, 'LICENSE'), join(staging, 'LICENSE'));
  writeFileSync(join(staging, 'README.md'), README);
  writeFileSync(join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', resolve(values.out)], { cwd: staging, encoding: 'utf8' }));
  process.stdout.write(`${join(resolve(values.out), packed.filename)}\n`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
