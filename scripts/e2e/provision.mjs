/**
 * Provisions what the real-VS-Code runs need: Debian's chromium (and, to build code-server, libkrb5-dev
 * and ripgrep), and code-server itself, installed once into a git-ignored cache folder. See
 * /work/shared/E2E.md for why each step is the way it is.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** code-server 4.100.3 is VS Code 1.100.3 and runs on Node 20; engines.vscode is ^1.100.0. */
export const CODE_SERVER_VERSION = '4.100.3';
export const VSCODE_VERSION = '1.100.3';
export const CHROMIUM = '/usr/bin/chromium';

const CACHE = join(REPO_ROOT, '.cache', 'code-server');
const INSTALL_DIR = join(CACHE, CODE_SERVER_VERSION);
/** Written last, so that an interrupted install is never mistaken for a finished one. */
const DONE_MARKER = join(INSTALL_DIR, '.installed');
export const CODE_SERVER_ENTRY = join(INSTALL_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** The prebuilt ripgrep that @vscode/ripgrep@1.15.11 would download from GitHub; Debian's rg is the same 13.0.0. */
const RIPGREP_CACHE_DIR = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_TARGETS = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };

const isRoot = () => process.getuid?.() === 0;

function run(command, args, options = {}) {
  execFileSync(command, args, { stdio: 'inherit', ...options });
}

/** Installs the Debian packages whose files are missing (as root), or says which command to run. */
function ensureDebianPackages(needed, log) {
  const missing = needed.filter(({ file }) => !existsSync(file)).map(({ name }) => name);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (!isRoot()) throw new Error(`missing Debian packages ${missing.join(', ')}: run \`sudo sh -c '${command}'\``);
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', ...missing], { env });
}

/** Puts Debian's rg where @vscode/ripgrep's postinstall looks before it downloads; returns that TMPDIR. */
function seedRipgrepCache() {
  const target = RIPGREP_TARGETS[process.arch];
  if (!target) throw new Error(`no ripgrep target known for ${process.arch}`);
  const tmpdir = join(CACHE, 'tmp');
  const dir = join(tmpdir, RIPGREP_CACHE_DIR);
  mkdirSync(dir, { recursive: true });
  const tarball = join(dir, `ripgrep-v13.0.0-10-${target}.tar.gz`);
  if (!existsSync(tarball)) run('tar', ['-czf', tarball, '-C', '/usr/bin', 'rg']);
  return tmpdir;
}

/**
 * Makes sure chromium and code-server are there; fast when they already are. Returns the path of
 * code-server's entry script (run it with this Node).
 */
export function provision({ log = (message) => console.error(`[provision] ${message}`) } = {}) {
  const chromium = { name: 'chromium', file: CHROMIUM };
  if (existsSync(DONE_MARKER)) {
    ensureDebianPackages([chromium], log);
    return CODE_SERVER_ENTRY;
  }
  ensureDebianPackages([chromium, { name: 'libkrb5-dev', file: '/usr/include/gssapi/gssapi.h' }, { name: 'ripgrep', file: '/usr/bin/rg' }], log);

  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${INSTALL_DIR} (about a minute, once)`);
  rmSync(INSTALL_DIR, { recursive: true, force: true });
  mkdirSync(INSTALL_DIR, { recursive: true });
  // Its own package, so that npm installs here and not into the extension's node_modules. Its
  // install scripts (and argon2's native module) are reviewed: npm is to start blocking unreviewed ones.
  const manifest = { name: 'twir-author-code-server', private: true, allowScripts: { 'code-server': true, argon2: true } };
  writeFileSync(join(INSTALL_DIR, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const env = {
    ...process.env,
    TMPDIR: seedRipgrepCache(),
    // node-pty's postinstall runs `npx node-gyp`; this machine's npm answers npx's prompt with "no".
    npm_config_yes: 'true',
  };
  // npm 11 no longer knows --unsafe-perm (it warns), but code-server's postinstall refuses root without it.
  run('npm', ['install', '--unsafe-perm', '--no-audit', '--no-fund', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], { cwd: INSTALL_DIR, env });
  if (!existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server installed, but ${CODE_SERVER_ENTRY} is missing`);
  writeFileSync(DONE_MARKER, `${new Date().toISOString()}\n`);
  log(`code-server installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return CODE_SERVER_ENTRY;
}
