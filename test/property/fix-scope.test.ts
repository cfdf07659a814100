/**
 * Property: random sequences of single quick fixes and fix-alls on damaged real issues change
 * nothing outside each fix's declared scope — the lines of the finding's entry (or of the finding
 * itself), or the wider `scope` a fix declares (a moved event: its old and its new place).
 */
import { diffArrays } from 'diff';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { fixedByFixAll } from '../../server/src/service/actions';
import type { LintDiagnostic } from '../../server/src/service/lint';
import type { IssueModel } from '../../server/src/service/model/types';
import { applyEdits, nonOverlapping } from '../../server/src/service/rules/fixes';
import { analyse } from './checks';
import { documents, runs, seed } from './documents';

/** Lines first … last (inclusive) a fix may change; an insertion may also go right after `last`. */
interface LineSpan {
  first: number;
  last: number;
}

/** The scope a fix declares, or by default the lines of the entry the finding is in (else its own lines). */
function scopeOf(model: IssueModel, diagnostic: LintDiagnostic): LineSpan[] {
  if (diagnostic.fix?.scope) return diagnostic.fix.scope.map((range) => ({ first: range.start.line, last: range.end.line }));
  const line = diagnostic.range.start.line;
  const entry = model.entries.find((candidate) => candidate.line <= line && line <= candidate.endLine);
  return [entry ? { first: entry.line, last: entry.endLine } : { first: line, last: diagnostic.range.end.line }];
}

/** Throws when the change from `before` to `after` reaches a line outside the spans. */
function checkWithin(before: string, after: string, spans: readonly LineSpan[], what: string): void {
  const inside = (line: number, insertion: boolean) => spans.some((span) => line >= span.first && line <= span.last + (insertion ? 1 : 0));
  let line = 0;
  // Lines as the model counts them (`\n`, `\r\n` and a lone `\r` end one), without their breaks:
  // removing the last line takes the break before it, and the line before stays as it was.
  const lines = (text: string) => text.split(/\r\n|\n|\r/);
  for (const part of diffArrays(lines(before), lines(after))) {
    if (part.added) {
      if (!inside(line, true)) throw new Error(`${what} inserted at line ${line + 1}, outside its scope ${JSON.stringify(spans)}`);
      continue;
    }
    if (part.removed) {
      for (let offset = 0; offset < part.count!; offset++) {
        if (!inside(line + offset, false)) throw new Error(`${what} changed line ${line + offset + 1}, outside its scope ${JSON.stringify(spans)}`);
      }
    }
    line += part.count!;
  }
}

const steps = fc.array(fc.oneof(fc.record({ kind: fc.constant('quick-fix' as const), pick: fc.nat() }), fc.constant({ kind: 'fix-all' as const })), { minLength: 1, maxLength: 6 });

describe('property: fixes stay in their scope', () => {
  it('random quick fixes and fix-alls on damaged issues change nothing outside the fixed findings', () => {
    fc.assert(
      fc.property(documents({ maxLines: 200, maxMutations: 4 }), steps, ({ text, fileName }, plan) => {
        let current = text;
        for (const step of plan) {
          const { model, result } = analyse(current, fileName);
          const fixable = result.diagnostics.filter((diagnostic) => diagnostic.fix);
          const chosen = step.kind === 'fix-all' ? result.diagnostics.filter(fixedByFixAll) : fixable.length > 0 ? [fixable[step.pick % fixable.length]] : [];
          if (chosen.length === 0) continue;
          const edits = step.kind === 'fix-all' ? nonOverlapping(chosen.flatMap((diagnostic) => diagnostic.fix!.edits)) : chosen[0].fix!.edits;
          const next = applyEdits(current, model.lines, edits);
          const what = step.kind === 'fix-all' ? `a fix-all pass (${chosen.map((diagnostic) => `${diagnostic.rule}@${diagnostic.range.start.line + 1}`).join(', ')})` : `the fix of ${chosen[0].rule} ("${chosen[0].fix!.title}")`;
          checkWithin(current, next, chosen.flatMap((diagnostic) => scopeOf(model, diagnostic)), what);
          current = next;
        }
      }),
      { numRuns: runs(150), seed: seed() },
    );
  }, 600_000);
});
