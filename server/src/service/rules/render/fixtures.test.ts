/**
 * The render/*, text/mojibake, markdown/*, header/*, cfp/* and section/* rules on the real issues of
 * test/fixtures: every error and warning, each line checked by hand against the file.
 */
import { expect, it } from 'vitest';
import { allFixtures } from '../../../../../test/unit/fixtures';
import { buildModel } from '../../model/build';
import { lint } from '../../lint';

// section/empty, a publishing task (an error on these published files), is counted in test/unit/fixture-errors.test.ts.
const AREAS = /^(render\/(nested-indent|list-after-paragraph|unclosed-comment)|text\/mojibake|markdown\/|header\/|cfp\/|section\/(?!empty$))/;

/** A fixture's error and warning findings of these rules, as `rule` → 1-based lines. */
function findingsOf(fileName: string, text: string): Record<string, number[]> {
  const found: Record<string, number[]> = {};
  for (const diagnostic of lint(buildModel(text, { fileName })).diagnostics) {
    if (!AREAS.test(diagnostic.rule) || (diagnostic.severity !== 'error' && diagnostic.severity !== 'warning')) continue;
    (found[diagnostic.rule] ??= []).push(diagnostic.range.start.line + 1);
  }
  return found;
}

const EXPECTED: Record<string, Record<string, number[]>> = {
  'seeds/2024-01-24-this-week-in-rust.md': {
    // `<!-- Remove this section if empty>` twice: the FCP subsections up to line 128 are hidden.
    'render/unclosed-comment': [121, 124],
    // Wrocław, język, Nürnberg, –, działających, és, —, and the crab (twice).
    'text/mojibake': [151, 165, 165, 166, 189, 189, 190, 191, 191, 192, 192, 192, 192, 199, 221, 223],
  },
  'seeds/2026-01-14-this-week-in-rust.md': {
    // Sessió, codificació (three events), Nürnberg.
    'text/mojibake': [208, 208, 213, 214, 230, 230, 236, 236],
  },
  // Leftovers in published issues: "Testing steps" items nested by 2 spaces render as siblings.
  'published/2023-06-28-this-week-in-rust.md': { 'render/nested-indent': [227] },
  'published/2024-11-20-this-week-in-rust.md': { 'render/nested-indent': [145, 149, 153] },
};

it('reports exactly the known defects of every fixture at error and warning level', () => {
  for (const { name, fileName, text } of allFixtures()) {
    expect({ name, findings: findingsOf(fileName, text) }).toEqual({ name, findings: EXPECTED[name] ?? {} });
  }
});
