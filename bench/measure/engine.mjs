// In-process: bare remark-parse, the full analysis, the re-analysis after one-character edits, and
// the parse cost per KB, on the service bundled by esbuild as the server is (not minified: profiles
// name the functions).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import * as esbuild from 'esbuild';
import { editPositions, FIXTURES, median, offsetOf, percentile, ROOT, time } from '../lib/common.mjs';
import { listIssues } from '../lib/checkout.mjs';

export const SUBJECTS = ['seeds/2024-01-24-this-week-in-rust.md', 'seeds/2026-01-14-this-week-in-rust.md', 'published/2024-11-20-this-week-in-rust.md'];
export const LARGEST = SUBJECTS[2];
const REANALYSIS_RUNS = 300;

export async function loadEngine(directory) {
  const outfile = join(directory, 'engine.cjs');
  // As scripts/build.mjs bundles the server, but not minified: profiles then name the functions.
  await esbuild.build({ entryPoints: [join(ROOT, 'bench/engine.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  return { ...createRequire(import.meta.url)(outfile), bundle: readFileSync(outfile, 'utf8') };
}

/** In-process: bare remark-parse, our full analysis, and the re-analysis after one-character edits. */
export function measureEngine(engine, name) {
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
export function measureReanalysis(engine, text, fileName) {
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

/**
 * The cost per KB of parsing a large document (1 MB) and a small one (100 KB), made of the fixtures' bodies: as
 * the model parses (in segments, without the cache shared between documents, which would answer
 * for the repeated text) and remark-parse on the whole text. A cost that grows with the text
 * shows in the ratio of the two.
 */
export function measurePerKb(engine) {
  const all = ['archive', 'recent', 'published', 'seeds', 'draft'].flatMap((folder) => listIssues(join(FIXTURES, folder)))
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

