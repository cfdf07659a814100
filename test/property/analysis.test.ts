/**
 * Property tests over damaged real issues: analysis never throws, every range it produces is
 * inside the document, and fix-all never loses text. `TWIR_PROPERTY_RUNS=20000 npx vitest run
 * test/property` runs about that many cases in all; `TWIR_PROPERTY_SEED=random` other ones than CI's.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { analyse, checkFixAll, checkRangesInside, checkRangesOnTheirText, rangesIn } from './checks';
import { documents, runs, seed } from './documents';

const windows = documents({ maxLines: 30, maxMutations: 6 });
const whole = documents({ maxMutations: 4 });

function checkAnalysis(text: string, fileName: string) {
  const analysis = analyse(text, fileName);
  const { model, result } = analysis;
  checkRangesInside(model.lines, rangesIn(model).map(({ path, range }) => ({ path: `model${path}`, range })));
  checkRangesInside(model.lines, rangesIn(result.diagnostics).map(({ path, range }) => ({ path: `diagnostics${path}`, range })));
  checkRangesOnTheirText(model);
  return analysis;
}

/** Every invariant on one document: analysis, ranges, and (with `fixAll`) the fix-all contract. */
function holds(documentsToTry: typeof windows, numRuns: number, fixAll: boolean): void {
  fc.assert(
    fc.property(documentsToTry, ({ text, fileName }) => {
      const analysis = checkAnalysis(text, fileName);
      if (fixAll) checkFixAll(text, fileName, analysis);
    }),
    { numRuns, seed: seed() },
  );
}

describe('property: damaged issues', () => {
  it('are analysed without a throw, every range inside the document', () => holds(windows, runs(1000), false), 600_000);
  it('are fixed by fix-all without losing a line, twice the same, and the fixed problems are gone', () => holds(windows, runs(900), true), 600_000);
  it('hold for whole issues too', () => holds(whole, runs(50), true), 600_000);
});
