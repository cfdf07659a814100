// Where the time goes: CPU profiles of the in-process service, by function or by package.
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { basename, join } from 'node:path';
import { FIXTURES } from '../lib/common.mjs';
import { LARGEST, measureReanalysis } from './engine.mjs';

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
export function profileReanalysis(engine) {
  return profile(engine, () => measureReanalysis(engine, readFileSync(join(FIXTURES, LARGEST), 'utf8'), basename(LARGEST)));
}

/**
 * What twir-lint does per file (one parse, the model, every rule), profiled over the folder and
 * grouped by package: how much is remark-parse (micromark, mdast-util-from-markdown) and how much ours.
 */
export async function profileCliWork(engine, paths) {
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

