// `npm run bench`: measures the speed targets of twir-author in one run and prints a table with
// PASS/FAIL per target; the numbers also go to bench/results/latest.json. It times the service
// in-process (bundled by esbuild as the server is), the real server over stdio (with its analysis
// worker's heap over 2,000 keystrokes and its answers while a pathological document is analysed), and twir-lint
// against markdownlint-cli2 over a folder of issues.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { typingHeap } from './worker-heap.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'test/fixtures');
const SUBJECTS = ['seeds/2024-01-24-this-week-in-rust.md', 'seeds/2026-01-14-this-week-in-rust.md', 'published/2024-11-20-this-week-in-rust.md'];
const LARGEST = SUBJECTS[2];
const DRAFT = 'draft/2026-08-26-this-week-in-rust.md';
const TARGETS = { reanalysisMs: 1, keystrokeMs: 100, firstDiagnosticsMs: 300, serverRssMb: 150, cliWall: 0.5, cliCpu: 0.6, cliMemory: 1, cacheWall: 0.1, draftMs: 300, perKbGrowth: 1.5, heapGrowthMb: 4, stallP95Ms: 100, stallMaxMs: 500 };
const REANALYSIS_RUNS = 300;
const KEYSTROKES = 40;
/** A/B pairs per CLI comparison: the machine is shared, so each pair runs back to back and the ratio is the pairs' median. */
const CLI_PAIRS = 3;
const HEAP_KEYSTROKES = 2_000;
/** The analysis budget (server/src/service/guard.ts). */
const BUDGET_MS = 4_000;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[sorted.length >> 1] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
const sleep = (ms) => new Promise((resolvePromise) => setTimeout(resolvePromise, ms));
const time = (action) => {
  const start = performance.now();
  action();
  return performance.now() - start;
};

/** A deterministic stream of numbers in [0, 1), so that every run makes the same edits. */
function random(seed) {
  let state = seed;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Where to type: a column inside a non-blank line below the header, as an editor would. */
function editPositions(text, count, seed) {
  const lines = text.split('\n');
  const next = random(seed);
  const candidates = lines.map((line, index) => index).filter((index) => index > 8 && lines[index].trim() !== '');
  return Array.from({ length: count }, () => {
    const line = candidates[Math.floor(next() * candidates.length)];
    return { line, character: Math.floor(next() * lines[line].replace(/\r$/, '').length) };
  });
}

function offsetOf(text, { line, character }) {
  let offset = 0;
  for (let current = 0; current < line; current++) offset = text.indexOf('\n', offset) + 1;
  return offset + character;
}

async function loadEngine(directory) {
  const outfile = join(directory, 'engine.cjs');
  // As scripts/build.mjs bundles the server, but not minified: profiles then name the functions.
  await esbuild.build({ entryPoints: [join(ROOT, 'bench/engine.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  return { ...createRequire(import.meta.url)(outfile), bundle: readFileSync(outfile, 'utf8') };
}

/** In-process: bare remark-parse, our full analysis, and the re-analysis after one-character edits. */
function measureEngine(engine, name) {
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  const fileName = basename(name);
  const analyse = () => engine.lint(engine.buildModel(text, { fileName }));
  for (let i = 0; i < 3; i++) analyse();
  return {
    bareParseMs: median(Array.from({ length: 10 }, () => time(() => engine.parseMarkdown(text)))),
    fullAnalysisMs: median(Array.from({ length: 10 }, () => time(analyse))),
    ...measureReanalysis(engine, text, fileName),
  };
}

/**
 * Types one character at a time at positions spread over the issue, each version built from the
 * last as the server does; every rule is also timed on its own, to say where the lint's time goes.
 */
function measureReanalysis(engine, text, fileName) {
  const model = [];
  const lintTimes = [];
  const total = [];
  const byRule = new Map(engine.RULES.map((rule) => [rule.id, 0]));
  const onlyRule = new Map(engine.RULES.map((rule) => [rule.id, Object.fromEntries(engine.RULES.map((other) => [other.id, other === rule ? rule.severity : 'off']))]));
  let base = engine.buildModel(text, { fileName });
  for (const position of editPositions(text, REANALYSIS_RUNS, 1)) {
    const offset = offsetOf(text, position);
    const edited = text.slice(0, offset) + 'x' + text.slice(offset);
    let next;
    const modelTime = time(() => (next = engine.buildModel(edited, { fileName, previous: base })));
    const lintTime = time(() => engine.lint(next));
    model.push(modelTime);
    lintTimes.push(lintTime);
    total.push(modelTime + lintTime);
    // Each rule as the lint runs it (local rules reuse their findings on unchanged segments).
    for (const rule of engine.RULES) byRule.set(rule.id, byRule.get(rule.id) + time(() => engine.lint(next, { rules: onlyRule.get(rule.id) })));
    base = engine.buildModel(text, { fileName, previous: next });
  }
  const slowestRules = [...byRule]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([rule, ms]) => ({ rule, meanMs: Math.round((ms / REANALYSIS_RUNS) * 1000) / 1000 }));
  return {
    reanalysisMs: median(total),
    reanalysisP90Ms: percentile(total, 0.9),
    reanalysisModelMs: median(model),
    reanalysisLintMs: median(lintTimes),
    rules: engine.RULES.length,
    slowestRules,
  };
}

/** Where the time of `work` goes: self time by function (with its source file), top 15. */
async function profile(engine, work) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  work();
  const { profile: result } = await session.post('Profiler.stop');
  session.disconnect();
  const self = new Map();
  for (const [node, micros] of selfTimes(engine, result)) {
    const key = `${node.functionName || '(anonymous)'}${node.file ? ` (${node.file})` : ''}`;
    self.set(key, (self.get(key) ?? 0) + micros);
  }
  return top(self, 15, 'function');
}

/** Self time per profile node, with the source file the node's function comes from. */
function selfTimes(engine, result) {
  // esbuild marks where each source file starts in the bundle (`// server/src/…/x.ts`): name the function's file.
  const starts = [];
  engine.bundle.split('\n').forEach((line, index) => {
    const source = /^\/\/ (\S+\.[cm]?[jt]s)$/.exec(line);
    if (source) starts.push({ line: index, file: source[1].replace(/^server\/src\/service\//, '').replace(/^.*node_modules\//, '') });
  });
  const fileAt = (line) => starts.findLast((start) => start.line <= line)?.file ?? '';
  const ticks = new Map();
  result.samples.forEach((id, index) => ticks.set(id, (ticks.get(id) ?? 0) + (result.timeDeltas[index] ?? 0)));
  return result.nodes
    .filter((node) => !['(idle)', '(program)'].includes(node.callFrame.functionName))
    .map((node) => {
      const frame = node.callFrame;
      const file = frame.url.endsWith('engine.cjs') ? fileAt(frame.lineNumber) : frame.url && basename(frame.url);
      return [{ functionName: frame.functionName, file }, ticks.get(node.id) ?? 0];
    });
}

function top(times, count, label) {
  const all = [...times.values()].reduce((sum, value) => sum + value, 0);
  return [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, micros]) => ({ [label]: key, selfPercent: Math.round((micros / all) * 1000) / 10 }));
}

/** The re-analysis after one-character edits, profiled. */
function profileReanalysis(engine) {
  return profile(engine, () => measureReanalysis(engine, readFileSync(join(FIXTURES, LARGEST), 'utf8'), basename(LARGEST)));
}

/**
 * What twir-lint does per file (one parse, the model, every rule), profiled over the folder and
 * grouped by package: how much is remark-parse (micromark, mdast-util-from-markdown) and how much ours.
 */
async function profileCliWork(engine, paths) {
  const texts = paths.map((path) => [basename(path), readFileSync(path, 'utf8')]);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  // As twir-lint lints: each file once, every rule on the whole file.
  for (const [fileName, text] of texts) engine.lint(engine.buildModel(text, { fileName }), { reuse: false });
  const { profile: result } = await session.post('Profiler.stop');
  session.disconnect();
  const byPackage = new Map();
  for (const [node, micros] of selfTimes(engine, result)) {
    const file = node.file ?? '';
    const group = node.functionName === '(garbage collector)' ? 'garbage collector' : /^(micromark|mdast-util|unified|remark|decode-named|character-entities)/.test(file) ? 'remark-parse (micromark + mdast)' : /^(model|rules|lint|util|providers)/.test(file) ? `twir-author ${file.split('/')[0]}` : file || 'node internals';
    byPackage.set(group, (byPackage.get(group) ?? 0) + micros);
  }
  return top(byPackage, 10, 'where');
}

/** The real server over stdio, as an editor speaks to it. */
async function startServer() {
  const child = spawn(process.execPath, [join(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const at = performance.now();
    for (const waiter of waiters.filter((candidate) => candidate.uri === params.uri && candidate.version === params.version)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(at);
    }
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/showMessage', () => undefined);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: { workspace: { configuration: true } } });
  await connection.sendNotification('initialized', {});
  return {
    pid: child.pid,
    /** Resolves with the time the diagnostics of that version arrived. */
    published: (uri, version) => new Promise((resolvePromise) => waiters.push({ uri, version, resolve: resolvePromise })),
    open: (uri, text) => connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } }),
    request: (method, params) => connection.sendRequest(method, params),
    change: (uri, version, position, insert) =>
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: position, end: position }, text: insert }] }),
    /** Resident memory in MB: from /proc on Linux, from ps elsewhere. */
    rssMb: () => {
      const status = `/proc/${child.pid}/status`;
      const kilobytes = existsSync(status) ? /VmRSS:\s+(\d+)/.exec(readFileSync(status, 'utf8'))[1] : execFileSync('ps', ['-o', 'rss=', '-p', String(child.pid)], { encoding: 'utf8' });
      return Number(kilobytes) / 1024;
    },
    /** The most resident memory so far in MB (Linux only). */
    peakRssMb: () => {
      const status = `/proc/${child.pid}/status`;
      return existsSync(status) ? Number(/VmHWM:\s+(\d+)/.exec(readFileSync(status, 'utf8'))[1]) / 1024 : undefined;
    },
    async stop() {
      await Promise.race([connection.sendRequest('shutdown'), sleep(2000)]);
      await connection.sendNotification('exit');
      connection.dispose();
      child.kill();
    },
  };
}

/** Opening each subject on a started server, then typing into the largest one. */
async function measureServer() {
  const server = await startServer();
  // A started server: up, initialised and settled (it warms up right after initialisation).
  await sleep(1500);
  const result = { firstDiagnosticsMs: {}, keystrokeMs: 0, keystrokeMaxMs: 0 };
  for (const name of SUBJECTS) {
    const uri = pathToFileURL(join(FIXTURES, name)).href;
    const arrived = server.published(uri, 1);
    const sent = performance.now();
    await server.open(uri, readFileSync(join(FIXTURES, name), 'utf8'));
    result.firstDiagnosticsMs[name] = (await arrived) - sent;
  }
  // Typing: a few characters at one place, then at another, at a brisk typist's pace.
  const uri = pathToFileURL(join(FIXTURES, LARGEST)).href;
  const latencies = [];
  let version = 1;
  for (const position of editPositions(readFileSync(join(FIXTURES, LARGEST), 'utf8'), KEYSTROKES / 5, 2)) {
    for (let typed = 0; typed < 5; typed++) {
      version++;
      const arrived = server.published(uri, version);
      const sent = performance.now();
      await server.change(uri, version, { line: position.line, character: position.character + typed }, 'x');
      latencies.push((await arrived) - sent);
      await sleep(80);
    }
  }
  result.keystrokeMs = median(latencies);
  result.keystrokeMaxMs = Math.max(...latencies);

  await server.stop();
  return result;
}

/** The server's resident memory with the ten largest issues of the checkout open (it reads the issues before each), each edited a little as in a working session. */
async function measureMemory(checkout) {
  const server = await startServer();
  const largest = [...checkout.files]
    .sort((a, b) => statSync(b).size - statSync(a).size)
    .slice(0, 10);
  for (const path of largest) {
    const uri = pathToFileURL(path).href;
    const text = readFileSync(path, 'utf8');
    const opened = server.published(uri, 1);
    await server.open(uri, text);
    await opened;
    let version = 1;
    for (const position of editPositions(text, 10, 3)) {
      version++;
      const arrived = server.published(uri, version);
      await server.change(uri, version, position, 'x');
      await arrived;
    }
  }
  await sleep(500);
  const rssMb = server.rssMb();
  const peakRssMb = server.peakRssMb();
  await server.stop();
  return { serverRssMb: rssMb, serverPeakRssMb: peakRssMb, openIssues: largest.map((path) => basename(path)) };
}

/**
 * How long requests about a normal issue wait while the same server analyses a 124 KB paragraph of
 * emphasis openers (quadratic for remark-parse: minutes) until the time budget stops it: hovers
 * and outlines one after the other, 50 ms apart, from the open through the budget and the restart.
 */
async function measureStall() {
  const server = await startServer();
  await sleep(1500);
  const normal = pathToFileURL(join(FIXTURES, SUBJECTS[1])).href;
  const opened = server.published(normal, 1);
  await server.open(normal, readFileSync(join(FIXTURES, SUBJECTS[1]), 'utf8'));
  await opened;
  const header = 'Title: This Week in Rust 700\nNumber: 700\nDate: 2027-04-07\nCategory: This Week in Rust\n\n';
  const slow = 'file:///tmp/twir-bench/2027-04-07-this-week-in-rust.md';
  const stopped = server.published(slow, 1);
  const start = performance.now();
  await server.open(slow, header + Array.from({ length: Math.round((124 * 1024) / 125) }, () => '*a'.repeat(62)).join('\n'));
  const waits = [];
  for (let i = 0; performance.now() - start < BUDGET_MS + 3000; i++) {
    const sent = performance.now();
    await (i % 2
      ? server.request('textDocument/documentSymbol', { textDocument: { uri: normal } })
      : server.request('textDocument/hover', { textDocument: { uri: normal }, position: { line: 20 + (i % 40), character: 4 } }));
    waits.push(performance.now() - sent);
    await sleep(50);
  }
  const stoppedAfterMs = (await stopped) - start;
  await server.stop();
  return { stallRequests: waits.length, stallP95Ms: percentile(waits, 0.95), stallMaxMs: Math.max(...waits), slowDocumentStoppedAfterMs: stoppedAfterMs };
}

/** The analysis worker's heap after GC, before and after typing into the largest issue. */
function measureHeap() {
  const path = join(FIXTURES, LARGEST);
  return typingHeap(join(ROOT, 'dist/analysis-worker.js'), { uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8'), keystrokes: HEAP_KEYSTROKES });
}

function listIssues(folder) {
  return readdirSync(folder, { recursive: true })
    .map((path) => join(folder, path))
    .filter((path) => /-this-week-in-rust\.(md|markdown)$/.test(path));
}

/**
 * A TWiR checkout built from the fixtures, every file once (copies of a file would flatter a
 * cache): `content/` with the recent and the published issues, `draft/` with the draft.
 */
function makeCheckout(directory) {
  const root = join(directory, 'checkout');
  mkdirSync(join(root, 'content'), { recursive: true });
  mkdirSync(join(root, 'draft'));
  for (const folder of ['recent', 'published']) {
    for (const name of readdirSync(join(FIXTURES, folder))) if (!existsSync(join(root, 'content', name))) copyFileSync(join(FIXTURES, folder, name), join(root, 'content', name));
  }
  copyFileSync(join(FIXTURES, DRAFT), join(root, 'draft', basename(DRAFT)));
  return { root, files: listIssues(root) };
}

/** One run of a command: wall ms, and with GNU time (Linux) CPU ms and peak resident memory in MB. */
async function runOnce(command, args, cwd) {
  const timed = existsSync('/usr/bin/time');
  const [program, programArgs] = timed ? ['/usr/bin/time', ['-f', '%U %S %M', command, ...args]] : [command, args];
  const start = performance.now();
  let stderr = '';
  const code = await new Promise((resolvePromise) => {
    const child = spawn(program, programArgs, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', resolvePromise);
  });
  const wallMs = performance.now() - start;
  if (code !== 0 && code !== 1) throw new Error(`${basename(command === process.execPath ? args[0] : command)} exited with ${code}: ${stderr.slice(0, 500)}`);
  if (!timed) return { wallMs };
  const [user, system, kilobytes] = stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wallMs, cpuMs: (user + system) * 1000, peakMb: kilobytes / 1024 };
}

/** Paired runs, A then B, `CLI_PAIRS` times: the medians of each measure and of the pairs' ratios. */
async function compare(a, b, cwd) {
  const pairs = [];
  await runOnce(...a, cwd); // warm the disk cache for both
  for (let i = 0; i < CLI_PAIRS; i++) pairs.push([await runOnce(...a, cwd), await runOnce(...b, cwd)]);
  const of = (key) => (pairs[0][0][key] === undefined ? {} : { [key]: median(pairs.map(([x]) => x[key])), [`${key}Ratio`]: median(pairs.map(([x, y]) => x[key] / y[key])) });
  return { ...of('wallMs'), ...of('cpuMs'), ...of('peakMb'), other: { wallMs: median(pairs.map(([, y]) => y.wallMs)), cpuMs: median(pairs.map(([, y]) => y.cpuMs)), peakMb: median(pairs.map(([, y]) => y.peakMb)) } };
}

/**
 * twir-lint (default settings, as `node dist/cli.js` and as its bin) against markdownlint-cli2
 * (default settings) on the same files of the checkout, also with a warm `--cache`; and twir-lint
 * on the draft alone, with the look-back into `content/` that it pays in a real checkout: cold,
 * and with the cache of a run over the checkout after a one-character edit of the draft (what CI
 * pays on a contributor's push: the draft is linted, its 25 neighbours come from the cache).
 */
async function measureCli(checkout) {
  const cli = join(ROOT, 'dist/cli.js');
  if (!existsSync(cli)) return {};
  const markdownlint = [process.execPath, [join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), 'content/*.{md,markdown}', 'draft/*.md']];
  const asNode = await compare([process.execPath, [cli, '--format', 'json', 'content', 'draft']], markdownlint, checkout.root);
  const asBin = await compare([cli, ['--format', 'json', 'content', 'draft']], markdownlint, checkout.root);
  // In the bench's folder, outside the checkout; compare's first run (unpaired) fills it.
  const cache = ['--cache', '--cache-location', join(dirname(checkout.root), 'twir-lint-cache')];
  const warmCache = await compare([process.execPath, [cli, ...cache, '--format', 'json', 'content', 'draft']], markdownlint, checkout.root);
  const draft = join('draft', basename(DRAFT));
  const draftRuns = [];
  for (let i = 0; i < 5; i++) draftRuns.push((await runOnce(process.execPath, [cli, '--format', 'json', draft], checkout.root)).wallMs);
  const original = readFileSync(join(checkout.root, draft), 'utf8');
  const editedDraftRuns = [];
  for (const position of editPositions(original, 5, 4)) {
    const offset = offsetOf(original, position);
    writeFileSync(join(checkout.root, draft), `${original.slice(0, offset)}x${original.slice(offset)}`);
    editedDraftRuns.push((await runOnce(process.execPath, [cli, ...cache, '--format', 'json', draft], checkout.root)).wallMs);
  }
  writeFileSync(join(checkout.root, draft), original);
  // What any run pays before it reads a file: starting Node and loading the linter.
  const startRuns = [];
  for (let i = 0; i < 5; i++) startRuns.push((await runOnce(process.execPath, [cli, '--version'], checkout.root)).wallMs);
  const nodeRuns = [];
  for (let i = 0; i < 5; i++) nodeRuns.push((await runOnce(process.execPath, ['-e', '0'], checkout.root)).wallMs);
  return { files: checkout.files.length, asNode, asBin, warmCache, draftMs: median(draftRuns), editedDraftCachedMs: median(editedDraftRuns), startMs: median(startRuns), nodeMs: median(nodeRuns) };
}

/**
 * The cost per KB of parsing a large document (1 MB) and a small one (100 KB), made of the fixtures' bodies: as
 * the model parses (in segments, without the cache shared between documents, which would answer
 * for the repeated text) and remark-parse on the whole text. A cost that grows with the text
 * shows in the ratio of the two.
 */
function measurePerKb(engine) {
  const all = listIssues(FIXTURES)
    .map((path) => readFileSync(path, 'utf8').replace(/^[\s\S]*?\n\n/, ''))
    .join('\n\n');
  const document = (kb) => {
    const text = all.repeat(Math.ceil((kb * 1024) / all.length)).slice(0, kb * 1024);
    return text.slice(0, text.lastIndexOf('\n') + 1);
  };
  const perKb = (kb, parse, runs) => {
    const text = document(kb);
    return median(Array.from({ length: runs }, () => time(() => parse(text)))) / kb;
  };
  const segmented = (text) => engine.parseSegments(text, 0, engine.summariseSegment, { simple: engine.summariseSimpleSegment });
  // The whole-text parse of the large document takes tens of seconds (it is what the segments avoid): once.
  const result = { segmentsSmall: perKb(100, segmented, 5), segmentsLarge: perKb(1000, segmented, 3), wholeSmall: perKb(100, engine.parseMarkdown, 3), wholeLarge: perKb(1000, engine.parseMarkdown, 1) };
  return { ...result, growth: result.segmentsLarge / result.segmentsSmall, wholeGrowth: result.wholeLarge / result.wholeSmall };
}

/** `--only server`: the server's targets alone (after `npm run build`), to measure a change to the server quickly. */
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const directory = mkdtempSync(join(tmpdir(), 'twir-bench-'));
if (only === 'server') {
  try {
    const server = { ...(await measureServer()), ...(await measureMemory(makeCheckout(directory))), heap: await measureHeap() };
    console.log(`load average ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
    console.log(`first diagnostics ${Object.values(server.firstDiagnosticsMs).map((ms) => ms.toFixed(0)).join(', ')} ms; keystroke → diagnostics median ${server.keystrokeMs.toFixed(1)} ms, max ${server.keystrokeMaxMs.toFixed(1)} ms`);
    console.log(`server RSS with the 10 largest issues open: ${server.serverRssMb.toFixed(1)} MB (peak ${server.serverPeakRssMb?.toFixed(1)} MB)`);
    console.log(`analysis worker heap after GC: ${server.heap.beforeMb.toFixed(1)} MB, ${server.heap.afterMb.toFixed(1)} MB after ${HEAP_KEYSTROKES} keystrokes`);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  process.exit(0);
}
try {
  const engine = await loadEngine(directory);
  const files = Object.fromEntries(SUBJECTS.map((name) => [name, measureEngine(engine, name)]));
  const perKb = measurePerKb(engine);
  const checkout = makeCheckout(directory);
  const server = { ...(await measureServer()), ...(await measureMemory(checkout)), heap: await measureHeap(), ...(await measureStall()) };
  const cli = await measureCli(checkout);

  const checks = [
    { target: `re-analysis after a 1-char edit, median, ${basename(LARGEST)}`, value: files[LARGEST].reanalysisMs, limit: TARGETS.reanalysisMs, unit: 'ms' },
    { target: 'diagnostics after a keystroke (debounce included), median', value: server.keystrokeMs, limit: TARGETS.keystrokeMs, unit: 'ms' },
    { target: 'first diagnostics after opening, slowest subject', value: Math.max(...Object.values(server.firstDiagnosticsMs)), limit: TARGETS.firstDiagnosticsMs, unit: 'ms' },
    { target: 'server RSS with the 10 largest issues of the checkout open', value: server.serverRssMb, limit: TARGETS.serverRssMb, unit: 'MB' },
    { target: `twir-lint / markdownlint-cli2 wall, ${cli.files} files, node dist/cli.js`, value: cli.asNode?.wallMsRatio, limit: TARGETS.cliWall, unit: '×' },
    { target: `twir-lint / markdownlint-cli2 wall, ${cli.files} files, as the bin`, value: cli.asBin?.wallMsRatio, limit: TARGETS.cliWall, unit: '×' },
    { target: 'twir-lint / markdownlint-cli2 CPU, node dist/cli.js', value: cli.asNode?.cpuMsRatio, limit: TARGETS.cliCpu, unit: '×' },
    { target: 'twir-lint / markdownlint-cli2 peak memory, node dist/cli.js', value: cli.asNode?.peakMbRatio, limit: TARGETS.cliMemory, unit: '×' },
    { target: 'twir-lint --cache, warm / markdownlint-cli2 wall, node dist/cli.js', value: cli.warmCache?.wallMsRatio, limit: TARGETS.cacheWall, unit: '×' },
    { target: 'twir-lint on the draft of the checkout (its look-back included)', value: cli.draftMs, limit: TARGETS.draftMs, unit: 'ms' },
    { target: 'the same, edited by one character, --cache warm from a run over the checkout', value: cli.editedDraftCachedMs, limit: TARGETS.draftMs, unit: 'ms' },
    { target: 'parse ms/KB at 1 MB / at 100 KB (segments)', value: perKb.growth, limit: TARGETS.perKbGrowth, unit: '×' },
    { target: `worker heap growth after GC over ${HEAP_KEYSTROKES} keystrokes, ${basename(LARGEST)}`, value: server.heap.growthMb, limit: TARGETS.heapGrowthMb, unit: 'MB' },
    { target: 'wait of requests for another document during a pathological analysis, p95', value: server.stallP95Ms, limit: TARGETS.stallP95Ms, unit: 'ms' },
    { target: 'wait of requests for another document during a pathological analysis, max', value: server.stallMaxMs, limit: TARGETS.stallMaxMs, unit: 'ms' },
  ].map((check) => ({ ...check, pass: check.value === undefined ? undefined : check.value <= check.limit }));

  const fmt = (value, digits = 1) => (value === undefined ? 'not built' : value.toFixed(digits));
  // Other work on the machine slows every number down: the load says how much to trust them.
  console.log(`\ntwir-author benchmark — Node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((load) => load.toFixed(1)).join(' ')}\n`);
  console.table(
    Object.fromEntries(
      SUBJECTS.map((name) => {
        const file = files[name];
        return [
          basename(name),
          {
            'remark-parse ms': fmt(file.bareParseMs),
            'full analysis ms': fmt(file.fullAnalysisMs),
            're-analysis ms (median)': fmt(file.reanalysisMs, 2),
            'p90 ms': fmt(file.reanalysisP90Ms, 2),
            'model / lint ms': `${fmt(file.reanalysisModelMs, 2)} / ${fmt(file.reanalysisLintMs, 2)}`,
            'first diagnostics ms (server)': fmt(server.firstDiagnosticsMs[name]),
          },
        ];
      }),
    ),
  );
  console.log(`keystroke → publishDiagnostics (server, ${KEYSTROKES} keystrokes into ${basename(LARGEST)}): median ${fmt(server.keystrokeMs)} ms, max ${fmt(server.keystrokeMaxMs)} ms`);
  console.log(`server RSS with the 10 largest issues open: ${fmt(server.serverRssMb)} MB (peak ${fmt(server.serverPeakRssMb)} MB)`);
  console.log(`analysis worker heap after GC: ${fmt(server.heap.beforeMb)} MB, ${fmt(server.heap.afterMb)} MB after ${HEAP_KEYSTROKES} keystrokes, ${fmt(server.heap.closedMb)} MB once closed`);
  console.log(`while a 124 KB pathological paragraph is analysed: ${server.stallRequests} requests for another document waited ${fmt(server.stallP95Ms)} ms at p95, ${fmt(server.stallMaxMs)} ms at most; the paragraph was stopped after ${fmt(server.slowDocumentStoppedAfterMs / 1000)} s`);
  console.log(`parse cost per KB, 100 KB → 1 MB: in segments ${fmt(perKb.segmentsSmall, 2)} → ${fmt(perKb.segmentsLarge, 2)} ms/KB; remark-parse on the whole text ${fmt(perKb.wholeSmall, 2)} → ${fmt(perKb.wholeLarge, 2)} ms/KB`);
  for (const [started, run] of [['node dist/cli.js', cli.asNode], ['the bin', cli.asBin], ['node dist/cli.js --cache (warm)', cli.warmCache]]) {
    if (!run) continue;
    console.log(
      `checkout of ${cli.files} issues, twir-lint as ${started} vs markdownlint-cli2 (median of ${CLI_PAIRS} back-to-back pairs): wall ${fmt(run.wallMs, 0)} vs ${fmt(run.other.wallMs, 0)} ms (${fmt(run.wallMsRatio, 2)}×), CPU ${fmt(run.cpuMs, 0)} vs ${fmt(run.other.cpuMs, 0)} ms (${fmt(run.cpuMsRatio, 2)}×), peak ${fmt(run.peakMb, 0)} vs ${fmt(run.other.peakMb, 0)} MB (${fmt(run.peakMbRatio, 2)}×)`,
    );
  }
  console.log(`twir-lint on ${basename(DRAFT)} in the checkout: ${fmt(cli.draftMs, 0)} ms; edited by one character, with --cache warm from a run over the checkout: ${fmt(cli.editedDraftCachedMs, 0)} ms, of which starting Node ${fmt(cli.nodeMs, 0)} ms and loading the linter ${fmt(cli.startMs - cli.nodeMs, 0)} ms (\`twir-lint --version\`)\n`);
  console.table(checks.map((check) => ({ target: check.target, value: `${fmt(check.value, 2)} ${check.unit}`, limit: `≤ ${check.limit} ${check.unit}`, result: check.pass === undefined ? 'not built' : check.pass ? 'PASS' : 'FAIL' })));

  const results = { date: new Date().toISOString(), node: process.version, cores: cpus().length, loadAverage: loadavg(), files, perKb, server, cli, checks };
  if (checks[0].pass === false) {
    console.log(`re-analysis of ${basename(LARGEST)}: ${fmt(files[LARGEST].reanalysisModelMs, 2)} ms model, ${fmt(files[LARGEST].reanalysisLintMs, 2)} ms lint (${files[LARGEST].rules} rules); the slowest rules (mean ms per run):`);
    console.table(files[LARGEST].slowestRules);
    results.reanalysisProfile = await profileReanalysis(engine);
    console.log(`re-analysis of ${basename(LARGEST)}: self time by function`);
    console.table(results.reanalysisProfile);
  }
  if (checks[4].pass === false || checks[6].pass === false) {
    results.cliProfile = await profileCliWork(engine, checkout.files);
    console.log(`twir-lint's work per file (parse, model, rules) over the ${cli.files} issues, by package:`);
    console.table(results.cliProfile);
  }
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('written: bench/results/latest.json');
} finally {
  rmSync(directory, { recursive: true, force: true });
}
