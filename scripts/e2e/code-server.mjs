/**
 * Runs the extension in a real VS Code: code-server on 127.0.0.1 with a fresh state folder, and its web
 * workbench in Debian's chromium through playwright-core. Shared by the e2e test runner, `npm start`
 * and the screenshot script. The recipe and its reasons: /work/shared/E2E.md.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM, REPO_ROOT, provision } from './provision.mjs';

export { REPO_ROOT };
export const SEED_DRAFT = '2026-01-14-this-week-in-rust.md';

const PLAIN_MARKDOWN = `# Notes

A plain Markdown file, not an issue: TWiR Author leaves it to VS Code's own Markdown support.

## Upcoming Events

* 2026-01-07 | Virtual (Girona, ES) | [Rust Girona](https://lu.ma/rust-girona)
`;

/** Fails with a clear message when the extension's bundles are not built. */
export function assertBuilt() {
  for (const bundle of ['client.js', 'server.js']) {
    if (!existsSync(join(REPO_ROOT, 'dist', bundle))) throw new Error(`dist/${bundle} is missing: run \`npm run build\` first (npm test and npm start do).`);
  }
}

/** What to undo when the process ends, however it ends (normal exit, error, Ctrl-C, timeout). */
const cleanups = new Set();

function onCleanup(cleanup) {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

process.on('exit', () => {
  for (const cleanup of [...cleanups].reverse()) cleanup();
});
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(signal, () => process.exit(code));
}

/** A new temporary folder, removed when the process ends. */
export function freshDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A temporary workspace shaped like the TWiR repository: the seed draft under draft/, plus a plain notes/README.md. */
export function createWorkspace() {
  const folder = freshDir('twir-workspace-');
  const files = {
    draft: join(folder, 'draft', SEED_DRAFT),
    notes: join(folder, 'notes', 'README.md'),
  };
  mkdirSync(dirname(files.draft), { recursive: true });
  mkdirSync(dirname(files.notes), { recursive: true });
  copyFileSync(join(REPO_ROOT, 'test', 'fixtures', 'seeds', SEED_DRAFT), files.draft);
  writeFileSync(files.notes, PLAIN_MARKDOWN);
  return { folder, files };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Starts code-server (provisioning it first if needed) in its own process group and waits until it
 * answers /healthz. `settings` are added to the fresh user settings. Returns its port and origin, its
 * output so far, `exit` (resolves when it ends) and `stop()` (ends its whole process group).
 */
export async function startCodeServer({ port, settings = {}, log = () => {} } = {}) {
  const entry = provision();
  const state = freshDir('twir-code-server-');
  const dirs = Object.fromEntries(['user-data', 'extensions', 'tmp', 'data', 'config', 'cache'].map((name) => [name, join(state, name)]));
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  port ??= await freePort();
  const configFile = join(state, 'config.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  mkdirSync(join(dirs['user-data'], 'User'), { recursive: true });
  // The welcome page would take the focus from the editors the tests and the screenshot open.
  writeFileSync(join(dirs['user-data'], 'User', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none', 'files.autoSave': 'off', ...settings }, null, 2));

  const env = {
    ...process.env,
    EXTENSIONS_GALLERY: '{"serviceUrl":""}',
    TMPDIR: dirs.tmp,
    XDG_DATA_HOME: dirs.data,
    XDG_CONFIG_HOME: dirs.config,
    XDG_CACHE_HOME: dirs.cache,
  };
  delete env.PORT; // code-server would let it override bind-addr.
  const args = [
    entry,
    '--config', configFile,
    '--user-data-dir', dirs['user-data'],
    '--extensions-dir', dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
  ];
  // detached: its own process group (setsid), so that stopping it also stops the processes it started.
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    log(String(chunk));
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = false;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  void exit.then(() => (exited = true));
  const forget = onCleanup(() => killGroup(child.pid, 'SIGKILL'));

  const stop = async () => {
    killGroup(child.pid, 'SIGTERM');
    for (let waited = 0; waited < 5000 && groupAlive(child.pid); waited += 100) await sleep(100);
    killGroup(child.pid, 'SIGKILL');
    forget();
  };

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited before it was ready:\n${output}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${origin}/healthz within 120 s:\n${output}`);
    }
    await sleep(100);
  }
  return { port, origin, output: () => output, exit, stop };
}

/**
 * The workbench URL for a folder (and a file to open in it, at a line), with this repository loaded as the
 * extension under development. code-server has no --extensionDevelopmentPath: the workbench reads it,
 * like the file to open and the tests to run, from the URL's payload.
 */
export function workbenchUrl(server, { folder, openFile, line, extensionTestsPath }) {
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [['extensionDevelopmentPath', remote(REPO_ROOT)]];
  if (openFile && line) payload.push(['openFile', remote(`${openFile}:${line}:1`)], ['gotoLineMode', 'true']);
  else if (openFile) payload.push(['openFile', remote(openFile)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return `${server.origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Opens a workbench URL in headless chromium. `onLog(type, args)` and `onExit(code)` receive the
 * extension tests' output and exit code (the workbench calls them when it runs extension tests).
 */
export async function openWorkbench(url, { onLog, onExit, viewport = { width: 1400, height: 900 } } = {}) {
  const context = await chromium.launchPersistentContext(freshDir('twir-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    // Without the networking flags chromium keeps trying to reach Google's hosts on this closed network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // The paste tests put a URL on the clipboard and paste it, as a person does.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = context.pages()[0] ?? (await context.newPage());
  if (onLog) await page.exposeFunction('codeAutomationLog', onLog);
  if (onExit) await page.exposeFunction('codeAutomationExit', onExit);
  // A loaded machine (2 cores, 8 jobs) takes more than the default 30 s to load the workbench.
  await page.goto(url, { timeout: 180_000 });
  return { page, close: () => context.close() };
}

/** Drags the side bar's edge to the right, so that long labels show whole. */
export async function widenSideBar(page, pixels) {
  const sideBar = await page.locator('.part.sidebar').boundingBox();
  const edge = { x: sideBar.x + sideBar.width, y: sideBar.y + sideBar.height / 2 };
  await page.mouse.move(edge.x, edge.y);
  await page.mouse.down();
  await page.mouse.move(edge.x + pixels, edge.y, { steps: 5 });
  await page.mouse.up();
}

/**
 * Opens the Outline view in the side bar (folding the folders view) and unfolds our tree along
 * `path`, from its provider group (`TWiR`) down. A symbol's accessible name is "<name> (<kind>)";
 * a provider group's is its extension's name.
 */
export async function openOutline(page, workspaceFolder, path) {
  await page.locator('.pane-header', { hasText: basename(workspaceFolder) }).click();
  await page.locator('.pane-header', { hasText: 'Outline' }).click();
  const outline = page.locator('.outline-pane');
  for (const name of path) {
    await outline.getByRole('treeitem', { name: new RegExp(`^${name}( \\(\\w+\\))?$`) }).locator('.monaco-tl-twistie').click();
  }
  return outline;
}

/**
 * Takes a screenshot once `steps` have brought the workbench to what a person should see — and
 * also when they failed, to show why; then closes the browser and code-server, and exits 1 on failure.
 */
export async function screenshotAfter({ page, close, server, output, what }, steps) {
  let failure;
  try {
    await steps();
  } catch (error) {
    failure = error;
  }
  mkdirSync(dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  await close();
  await server.stop();
  if (failure) {
    console.error(`screenshot: ${what} did not show as expected (${failure.message.split('\n')[0]}); see ${output}`);
    process.exit(1);
  }
  console.log(`screenshot: ${output}`);
}
