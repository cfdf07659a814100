// What every measurement of the bench shares: paths, statistics, the machine's load, deterministic edits.
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const DRAFT = 'draft/2026-08-26-this-week-in-rust.md';
/** The analysis budget (server/src/service/guard.ts). */
export const BUDGET_MS = 4_000;
/** Interleaved runs of twir-lint and markdownlint-cli2 per figure: the machine is shared, so each pair runs back to back. */
export const PAIRS = 5;

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[sorted.length >> 1] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};
export const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
export const sleep = (ms) => new Promise((resolvePromise) => setTimeout(resolvePromise, ms));
export const time = (action) => {
  const start = performance.now();
  action();
  return performance.now() - start;
};

/** The machine's load average (1, 5, 15 minutes) and its cores: other work slows every number down. */
export function machine() {
  return { loadAverage: loadavg().map((load) => Math.round(load * 10) / 10), cores: cpus().length };
}

/** A deterministic stream of numbers in [0, 1), so that every run makes the same edits. */
export function random(seed) {
  let state = seed;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Where to type: a column inside a non-blank line below the header, as an editor would. */
export function editPositions(text, count, seed) {
  const lines = text.split('\n');
  const next = random(seed);
  const candidates = lines.map((line, index) => index).filter((index) => index > 8 && lines[index].trim() !== '');
  return Array.from({ length: count }, () => {
    const line = candidates[Math.floor(next() * candidates.length)];
    return { line, character: Math.floor(next() * lines[line].replace(/\r$/, '').length) };
  });
}

export function offsetOf(text, { line, character }) {
  let offset = 0;
  for (let current = 0; current < line; current++) offset = text.indexOf('\n', offset) + 1;
  return offset + character;
}
