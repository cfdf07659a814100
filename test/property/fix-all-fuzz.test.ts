/**
 * The fix-all fuzz: real issues damaged the way a hurried editor damages them (`documents({ careless:
 * true })`, seeded like the other properties), counted rather than stopped at the first failure.
 * For every document with a fix, and for every fixture:
 * - no lost lines: no pass of fix-all, and no single fix, absorbs a heading, a link reference
 *   definition, an event line or a sentence (see `absorbedLines`);
 * - no loops: fix-all settles within 3 passes and holds nothing back, also after any one fix first;
 * - no crashes: no rule throws, nothing else does.
 * `npm test` runs FUZZ_DEFAULT documents (about a minute); `TWIR_FUZZ_RUNS=5000 npx vitest run
 * test/property/fix-all-fuzz.test.ts` runs the full corpus, `TWIR_PROPERTY_SEED=random` other cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedByFixAll } from '../../server/src/service/actions';
import { fixUntilStable } from '../../server/src/service/fix-all';
import { lint, type LintDiagnostic } from '../../server/src/service/lint';
import type { IssueModel } from '../../server/src/service/model/types';
import { applyEdits } from '../../server/src/service/rules/fixes';
import { absorbedLines, analyse, type Analysis } from './checks';
import { documents, seed, type GeneratedDocument } from './documents';
import { allFixtures, recentFixtures } from '../unit/fixtures';

const FUZZ_DEFAULT = 1500;
/** Fix-all must settle within this many passes (lints after a change). */
const MAX_PASSES = 3;
/** The single fixes tried per document, spread over its findings. */
const FIXES_PER_DOCUMENT = 6;

function fuzzRuns(): number {
  const setting = Number(process.env.TWIR_FUZZ_RUNS);
  return Number.isInteger(setting) && setting > 0 ? setting : FUZZ_DEFAULT;
}

interface Tally {
  documents: number;
  withFixes: number;
  fixesTried: number;
  lostLines: string[];
  loops: string[];
  crashes: string[];
}

/** Fix-all from an analysed text: the lines each pass lost, and whether it settled in time without holding back. */
function fixAllFrom(start: Analysis, what: string, tally: Tally): void {
  let previous = start;
  let passes = 0;
  const lintModel = (next: IssueModel) => {
    passes++;
    const lost = absorbedLines(previous, next.text, previous.result.diagnostics.filter(fixedByFixAll));
    tally.lostLines.push(...lost.map((line) => `${what}, fix-all pass ${passes}: ${line}`));
    const result = lint(next);
    if (result.failures.length > 0) throw new Error(`rules threw: ${result.failures.map((failure) => `${failure.rule}: ${failure.error}`).join('; ')}`);
    previous = { model: next, result };
    return result;
  };
  const fixed = fixUntilStable(start.model, start.result, {}, lintModel);
  if (fixed.unsettled || fixed.heldBack) tally.loops.push(`${what}: ${fixed.unsettled ?? fixed.heldBack}`);
  else if (passes > MAX_PASSES) tally.loops.push(`${what}: fix-all took ${passes} passes`);
}

/** Every check on one document, counted in the tally. */
function fuzzOne({ text, fileName }: GeneratedDocument, index: number, tally: Tally): void {
  tally.documents++;
  const what = `document ${index} (${fileName})`;
  try {
    const analysis = analyse(text, fileName);
    const fixable = analysis.result.diagnostics.filter((diagnostic) => diagnostic.fix);
    if (fixable.length === 0) return;
    tally.withFixes++;
    fixAllFrom(analysis, what, tally);
    const step = Math.max(1, Math.floor(fixable.length / FIXES_PER_DOCUMENT));
    for (let at = 0; at < fixable.length; at += step) tryOneFix(analysis, fixable[at], fileName, `${what}, the fix of ${fixable[at].rule} on line ${fixable[at].range.start.line + 1}`, tally);
  } catch (error) {
    tally.crashes.push(`${what}: ${(error as Error).stack ?? error}`);
  }
}

/** One quick fix: it absorbs no line it does not name, and fix-all after it settles. */
function tryOneFix(analysis: Analysis, diagnostic: LintDiagnostic, fileName: string, what: string, tally: Tally): void {
  tally.fixesTried++;
  const once = applyEdits(analysis.model.text, analysis.model.lines, diagnostic.fix!.edits);
  tally.lostLines.push(...absorbedLines(analysis, once, [diagnostic]).map((line) => `${what}: ${line}`));
  if (once !== analysis.model.text) fixAllFrom(analyse(once, fileName), what, tally);
}

function emptyTally(): Tally {
  return { documents: 0, withFixes: 0, fixesTried: 0, lostLines: [], loops: [], crashes: [] };
}

function expectClean(tally: Tally): void {
  const summary = `${tally.documents} documents, ${tally.withFixes} with fixes, ${tally.fixesTried} single fixes: ${tally.lostLines.length} lost lines, ${tally.loops.length} loops, ${tally.crashes.length} crashes`;
  console.log(`fix-all fuzz: ${summary}`);
  expect({ summary, lostLines: tally.lostLines.slice(0, 5), loops: tally.loops.slice(0, 5), crashes: tally.crashes.slice(0, 3) }).toEqual({ summary: expect.stringMatching(/: 0 lost lines, 0 loops, 0 crashes$/), lostLines: [], loops: [], crashes: [] });
}

describe('fix-all on the fixtures', () => {
  it('every fix of every fixture, and fix-all, loses no line', () => {
    const tally = emptyTally();
    for (const fixture of [...allFixtures(), ...recentFixtures()]) {
      const analysis = analyse(fixture.text, fixture.fileName);
      tally.documents++;
      const fixable = analysis.result.diagnostics.filter((diagnostic) => diagnostic.fix);
      if (fixable.length === 0) continue;
      tally.withFixes++;
      fixAllFrom(analysis, fixture.name, tally);
      for (const diagnostic of fixable) {
        tally.fixesTried++;
        const once = applyEdits(fixture.text, analysis.model.lines, diagnostic.fix!.edits);
        tally.lostLines.push(...absorbedLines(analysis, once, [diagnostic]).map((line) => `${fixture.name}, the fix of ${diagnostic.rule}: ${line}`));
      }
    }
    expectClean(tally);
  }, 600_000);
});

describe('fuzz: fix-all on damaged issues', () => {
  it('loses no line, settles within 3 passes, never crashes', () => {
    const corpus = fc.sample(
      fc.oneof({ arbitrary: documents({ maxLines: 30, maxMutations: 6, careless: true }), weight: 9 }, { arbitrary: documents({ maxLines: 200, maxMutations: 4, careless: true }), weight: 1 }),
      { numRuns: fuzzRuns(), seed: seed() ?? Date.now() },
    );
    const tally = emptyTally();
    corpus.forEach((document, index) => fuzzOne(document, index, tally));
    expectClean(tally);
  }, 900_000);
});
