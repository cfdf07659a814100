/**
 * Provisions what the real-VS-Code runs need: Debian's chromium (and, to build code-server, libkrb5-dev
 * and ripgrep), and code-server itself, installed once into a git-ignored cache folder. See
 * /work/shared/E2E.md for why each step is the way it is.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** code-server 4.100.3 is VS Code 1.100.3 and runs on Node 20; engines.vscode is ^1.100.0. */
export const CODE_SERVER_VERSION = '4.100.3';
export const VSCODE_VERSION = '1.100.3';
export const CHROMIUM = '/usr/bin/chromium';

const CACHE = join(REPO_ROOT, '.cache', 'code-server');
const INSTALL_DIR = join(CACHE, CODE_SERVER_VERSION);
/** Inside an install: its entry script, and a marker written when it is complete. */
const ENTRY = join('node_modules', 'code-server', 'out', 'node', 'entry.js');
const MARKER = '.installed';
export const CODE_SERVER_ENTRY = join(INSTALL_DIR, ENTRY);
const DONE_MARKER = join(INSTALL_DIR, MARKER);

/** The prebuilt ripgrep that @vscode/ripgrep@1.15.11 would download from GitHub; Debian's rg is the same 13.0.0. */
const RIPGREP_CACHE_DIR = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_TARGETS = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };

const STAGING_PREFIX = `${CODE_SERVER_VERSION}.installing-`;

const isRoot = () => process.getuid?.() === 0;

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Staging folders of installs whose process is gone (interrupted) take 250 MB each. */
function removeAbandonedStagingDirs() {
  if (!existsSync(CACHE)) return;
  for (const name of readdirSync(CACHE)) {
    if (name.startsWith(STAGING_PREFIX) && !processAlive(Number(name.slice(STAGING_PREFIX.length)))) rmSync(join(CACHE, name), { recursive: true, force: true });
  }
}

function run(command, args, options = {}) {
  execFileSync(command, args, { stdio: 'inherit', ...options });
}

/** Installs the Debian packages whose files are missing (as root), or says which command to run. */
export function ensureDebianPackages(needed, log) {
  const missing = needed.filter(({ file }) => !existsSync(file)).map(({ name }) => name);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (!isRoot()) throw new Error(`missing Debian packages ${missing.join(', ')}: run \`sudo sh -c '${command}'\``);
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Waits for dpkg's lock rather than failing when another install is running.
  const wait = ['-o', 'DPkg::Lock::Timeout=300'];
  run('apt-get', [...wait, 'update'], { env });
  run('apt-get', [...wait, 'install', '-y', ...missing], { env });
}

/** Puts Debian's rg where @vscode/ripgrep's postinstall looks before it downloads; returns that TMPDIR. */
function seedRipgrepCache() {
  const target = RIPGREP_TARGETS[process.arch];
  if (!target) throw new Error(`no ripgrep target known for ${process.arch}`);
  const tmpdir = join(CACHE, 'tmp');
  const dir = join(tmpdir, RIPGREP_CACHE_DIR);
  mkdirSync(dir, { recursive: true });
  const tarball = join(dir, `ripgrep-v13.0.0-10-${target}.tar.gz`);
  if (!existsSync(tarball)) {
    run('tar', ['-czf', `${tarball}.${process.pid}`, '-C', '/usr/bin', 'rg']);
    renameSync(`${tarball}.${process.pid}`, tarball);
  }
  return tmpdir;
}

/**
 * Makes sure chromium and code-server are there; fast when they already are. Returns the path of
 * code-server's entry script (run it with this Node).
 */
export function provision({ log = (message) => console.error(`[provision] ${message}`) } = {}) {
  const chromium = { name: 'chromium', file: CHROMIUM };
  // A CJK font, so that screenshots show text such as the seeds' mojibake (`N眉rnberg`) and not boxes.
  const cjkFont = { name: 'fonts-wqy-microhei', file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc' };
  if (existsSync(DONE_MARKER)) {
    ensureDebianPackages([chromium, cjkFont], log);
    return CODE_SERVER_ENTRY;
  }
  ensureDebianPackages([chromium, cjkFont, { name: 'libkrb5-dev', file: '/usr/include/gssapi/gssapi.h' }, { name: 'ripgrep', file: '/usr/bin/rg' }], log);

  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${INSTALL_DIR} (once)`);
  removeAbandonedStagingDirs();
  // Installed aside and renamed into place when complete, so that a run that starts meanwhile (or
  // after an interrupted install) never uses, or deletes, a half-installed tree.
  const staging = join(CACHE, `${STAGING_PREFIX}${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // Its own package, so that npm installs here and not into the extension's node_modules. Its
  // install scripts (and argon2's native module) are reviewed: npm is to start blocking unreviewed ones.
  const manifest = { name: 'twir-author-code-server', private: true, allowScripts: { 'code-server': true, argon2: true } };
  writeFileSync(join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const env = {
    ...process.env,
    TMPDIR: seedRipgrepCache(),
    // node-pty's postinstall runs `npx node-gyp`; this machine's npm answers npx's prompt with "no".
    npm_config_yes: 'true',
  };
  // code-server's postinstall refuses to run as root under npm unless npm_config_unsafe_perm is
  // true: as root only, the flag that sets it, which npm 11 no longer knows and warns about (README, Tests).
  const asRoot = isRoot() ? ['--unsafe-perm'] : [];
  run('npm', ['install', ...asRoot, '--no-audit', '--no-fund', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], { cwd: staging, env });
  if (!existsSync(join(staging, ENTRY))) throw new Error(`npm installed code-server into ${staging}, but without its entry script`);
  writeFileSync(join(staging, MARKER), `${new Date().toISOString()}\n`);
  if (existsSync(DONE_MARKER)) {
    rmSync(staging, { recursive: true, force: true }); // another run finished first
  } else {
    rmSync(INSTALL_DIR, { recursive: true, force: true });
    renameSync(staging, INSTALL_DIR);
  }
  log(`code-server installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return CODE_SERVER_ENTRY;
}
