// Commands run as users run them, timed by GNU time: CPU (user + sys) and peak resident memory.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { median, PAIRS, ROOT } from './common.mjs';

/** One run of a command: wall ms, and with GNU time (Linux) CPU ms and peak resident memory in MB. */
export async function runOnce(command, args, cwd) {
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

/** markdownlint-cli2 with default settings, on these globs. */
export const markdownlint = (...globs) => [process.execPath, [join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), ...globs]];
export const twirLint = (...args) => [process.execPath, [join(ROOT, 'dist/cli.js'), ...args]];

/**
 * `PAIRS` runs of A then B, back to back (after one unpaired run of A, which warms the disk cache
 * and fills a cache A keeps): the medians of each measure and of the pairs' ratios.
 */
export async function compare(a, b, cwd) {
  const pairs = [];
  await runOnce(...a, cwd);
  for (let i = 0; i < PAIRS; i++) pairs.push([await runOnce(...a, cwd), await runOnce(...b, cwd)]);
  const of = (key) => (pairs[0][0][key] === undefined ? {} : { [key]: median(pairs.map(([x]) => x[key])), [`${key}Ratio`]: median(pairs.map(([x, y]) => x[key] / y[key])) });
  return { ...of('wallMs'), ...of('cpuMs'), ...of('peakMb'), other: { wallMs: median(pairs.map(([, y]) => y.wallMs)), cpuMs: median(pairs.map(([, y]) => y.cpuMs)), peakMb: median(pairs.map(([, y]) => y.peakMb)) }, pairs: pairs.length };
}

/** Resident memory of a process in MB (Linux: /proc; elsewhere ps), and its peak (Linux only). */
export function residentMb(pid) {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return { rssMb: Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' })) / 1024 };
  const text = readFileSync(status, 'utf8');
  return { rssMb: Number(/VmRSS:\s+(\d+)/.exec(text)[1]) / 1024, peakRssMb: Number(/VmHWM:\s+(\d+)/.exec(text)[1]) / 1024 };
}
