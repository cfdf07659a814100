// `npm run bench`: measures the speed targets of twir-author on a TWiR checkout built from the
// fixtures and prints a table with PASS/FAIL per target and the machine's load; the numbers also go
// to bench/results/latest.json. One module per measurement (measure/): the service in-process,
// the real server over stdio with the checkout as its workspace (latency, memory, requests during a
// pathological analysis), and twir-lint against markdownlint-cli2 in interleaved pairs (CPU time
// and peak memory: on a shared machine wall time is mostly the others' work).
// `--only engine|server|cli` runs one group.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { machine, PAIRS, ROOT } from './lib/common.mjs';
import { makeCheckout } from './lib/checkout.mjs';
import { measureCli } from './measure/cli.mjs';
import { LARGEST, loadEngine, measureEngine, measurePerKb, SUBJECTS } from './measure/engine.mjs';
import { profileCliWork, profileReanalysis } from './measure/profile.mjs';
import { measureServer } from './measure/server-latency.mjs';
import { HEAP_KEYSTROKES, measureHeap, measureMemory } from './measure/server-memory.mjs';
import { measureStall } from './measure/stall.mjs';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const runs = (group) => only === undefined || only === group;
const fmt = (value, digits = 1) => (value === undefined ? '—' : value.toFixed(digits));

const directory = mkdtempSync(join(tmpdir(), 'twir-bench-'));
try {
  const atStart = machine();
  const checkout = makeCheckout(directory);
  const results = { date: new Date().toISOString(), node: process.version, atStart };
  const checks = [];
  const check = (target, value, limit, unit) => checks.push({ target, value, limit, unit, pass: value === undefined ? undefined : value <= limit });

  let engine;
  if (runs('engine')) {
    engine = await loadEngine(directory);
    results.files = Object.fromEntries(SUBJECTS.map((name) => [name, measureEngine(engine, name)]));
    results.perKb = measurePerKb(engine);
    check(`re-analysis after a 1-char edit, median, ${basename(LARGEST)}`, results.files[LARGEST].reanalysisMs, 1, 'ms');
    check('parse ms/KB at 1 MB / at 100 KB (segments)', results.perKb.growth, 1.5, '×');
  }
  if (runs('server')) {
    const server = { ...(await measureServer(checkout)), ...(await measureMemory(checkout)), heap: await measureHeap(), stall: await measureStall(checkout) };
    results.server = server;
    check('diagnostics after a keystroke (debounce included), median', server.keystrokeMs, 100, 'ms');
    check('first diagnostics after opening, slowest subject', Math.max(...Object.values(server.firstDiagnosticsMs)), 300, 'ms');
    check('server RSS with the 10 largest issues of the checkout open', server.serverRssMb, 150, 'MB');
    check(`worker heap growth after GC over ${HEAP_KEYSTROKES} keystrokes`, server.heap.growthMb, 4, 'MB');
    check('longest wait of a request on another document: 200 KB pasted into the open draft', server.stall.paste.maxMs, 100, 'ms');
    check('… while a new pathological document is analysed', server.stall.newDocument.maxMs, 100, 'ms');
  }
  if (runs('cli')) {
    const cli = await measureCli(checkout);
    results.cli = cli;
    check(`twir-lint / markdownlint-cli2 CPU, checkout of ${cli.files} issues, default settings`, cli.checkout?.cpuMsRatio, 0.5, '×');
    check('… peak memory', cli.checkout?.peakMbRatio, 1, '×');
    check('… with a warm --cache, CPU', cli.warmCache?.cpuMsRatio, 0.1, '×');
    check('twir-lint on the draft of the checkout, cold, no cache: CPU (Node start included)', cli.draft?.cpuMs, 450, 'ms');
    check('… what the look-back adds to the same draft outside a checkout: CPU', cli.lookBack?.addedCpuMs, 50, 'ms');
  }
  results.atEnd = machine();
  results.checks = checks;

  console.log(`\ntwir-author benchmark — Node ${process.version}, ${atStart.cores} cores, load average ${atStart.loadAverage.join(' ')} at the start, ${results.atEnd.loadAverage.join(' ')} at the end\n`);
  if (results.files) {
    console.table(Object.fromEntries(SUBJECTS.map((name) => [basename(name), { 'remark-parse ms': fmt(results.files[name].bareParseMs), 'full analysis ms': fmt(results.files[name].fullAnalysisMs), 're-analysis ms (median)': fmt(results.files[name].reanalysisMs, 2), 'model / lint ms': `${fmt(results.files[name].reanalysisModelMs, 2)} / ${fmt(results.files[name].reanalysisLintMs, 2)}` }])));
  }
  if (results.server) {
    const { stall } = results.server;
    console.log(`server: first diagnostics ${Object.values(results.server.firstDiagnosticsMs).map((ms) => fmt(ms, 0)).join(', ')} ms; keystroke → diagnostics median ${fmt(results.server.keystrokeMs)} ms; RSS with the 10 largest issues open ${fmt(results.server.serverRssMb)} MB`);
    console.log(`requests on another document: during a 200 KB paste ${stall.paste.requests} requests, p95 ${fmt(stall.paste.p95Ms)} ms, max ${fmt(stall.paste.maxMs)} ms; during a new pathological document ${stall.newDocument.requests}, p95 ${fmt(stall.newDocument.p95Ms)} ms, max ${fmt(stall.newDocument.maxMs)} ms`);
  }
  if (results.cli) {
    const { cli } = results;
    for (const [what, run] of [[`checkout of ${cli.files} issues`, cli.checkout], ['the same, warm --cache', cli.warmCache], ['the draft alone (look-back into content/)', cli.draft]]) {
      console.log(`${what}, twir-lint vs markdownlint-cli2 (median of ${PAIRS} interleaved pairs): CPU ${fmt(run.cpuMs, 0)} vs ${fmt(run.other.cpuMs, 0)} ms (${fmt(run.cpuMsRatio, 2)}×), peak ${fmt(run.peakMb, 0)} vs ${fmt(run.other.peakMb, 0)} MB (${fmt(run.peakMbRatio, 2)}×), wall ${fmt(run.wallMs, 0)} vs ${fmt(run.other.wallMs, 0)} ms`);
    }
    console.log(`the draft in the checkout vs outside one: CPU ${fmt(cli.lookBack.cpuMs, 0)} vs ${fmt(cli.lookBack.other.cpuMs, 0)} ms (the look-back: ${fmt(cli.lookBack.addedCpuMs, 0)} ms); edited by one character with a warm --cache: ${fmt(cli.editedDraftCached.cpuMs, 0)} ms; \`node -e 0\` ${fmt(cli.nodeCpuMs, 0)} ms, \`twir-lint --version\` ${fmt(cli.versionCpuMs, 0)} ms of CPU`);
  }
  console.table(checks.map((item) => ({ target: item.target, value: `${fmt(item.value, 2)} ${item.unit}`, limit: `≤ ${item.limit} ${item.unit}`, result: item.pass === undefined ? 'not built' : item.pass ? 'PASS' : 'FAIL' })));
  // Where the time goes, when a target of the service fails.
  if (engine && checks.some((item) => item.pass === false)) {
    results.reanalysisProfile = await profileReanalysis(engine);
    results.cliProfile = await profileCliWork(engine, checkout.files);
    console.log(`twir-lint's work per file over the ${checkout.files.length} issues, by package:`);
    console.table(results.cliProfile);
  }
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('written: bench/results/latest.json');
} finally {
  rmSync(directory, { recursive: true, force: true });
}
