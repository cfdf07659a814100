import { describe, expect, it } from 'vitest';
import { fixAllToStable, fixUntilStable } from './fix-all';
import { lint, type LintDiagnostic, type LintResult } from './lint';
import { buildModel } from './model/build';
import type { IssueModel } from './model/types';
import { issue } from './rules/testing';

/** A lint that reports one finding on the last line of the text, with the given fix of that line. */
function fakeLint(fixLine: (text: string) => string | undefined) {
  return (model: IssueModel): LintResult => {
    const line = model.lines.lineCount - 1;
    const text = model.lines.lineText(line);
    const fixed = fixLine(text);
    const diagnostics: LintDiagnostic[] =
      fixed === undefined
        ? []
        : [{ rule: fixed.length > text.length ? 'fake/adds' : 'fake/removes', severity: 'warning', range: model.lines.lineRange(line), message: 'fake', fix: { title: 'fake', edits: [{ range: model.lines.lineRange(line), newText: fixed }] } }];
    return { diagnostics, failures: [] };
  };
}

function fixWith(text: string, lintModel: (model: IssueModel) => LintResult) {
  const model = buildModel(text);
  return fixUntilStable(model, lintModel(model), {}, lintModel);
}

describe('fix-all settles by construction', () => {
  it('holds back fixes that undo each other, naming both rules, and applies the others', () => {
    // One rule adds a space that another removes (as cfp/project-format and text/trailing-space once did),
    // on the last line; a third fix on the first line settles.
    const toggle = fakeLint((line) => (line === '*' ? '* ' : '*'));
    const lintModel = (model: IssueModel): LintResult => {
      const first = model.lines.lineText(0);
      const settling: LintDiagnostic[] = first === 'teh' ? [{ rule: 'fake/typo', severity: 'warning', range: model.lines.lineRange(0), message: 'typo', fix: { title: 'the', edits: [{ range: model.lines.lineRange(0), newText: 'the' }] } }] : [];
      return { diagnostics: [...settling, ...toggle(model).diagnostics], failures: [] };
    };
    const fixed = fixWith('teh\n*', lintModel);
    expect(fixed.unsettled).toBeUndefined();
    expect(fixed.heldBack).toBe('the fixes of fake/adds and fake/removes undo each other on line 2: held back, the other fixes applied');
    expect(fixed.model.text).toBe('the\n*');
    const held = fixed.result.diagnostics.find((diagnostic) => diagnostic.rule === 'fake/adds')!;
    expect(held.message).toBe('fake Not fixed unasked: the fixes of fake/adds and fake/removes undo each other.');
    expect(held.fix).toMatchObject({ safe: false });
  });

  it('holds back a fix that grows the text on every pass', () => {
    // A bold fix that never sees its own `**` (as a wrapped CFP name once did).
    const fixed = fixWith('[name](u)', fakeLint((line) => line.replace('[', '[**').replace(']', '**]')));
    expect(fixed.heldBack).toBe('the fixes of fake/adds still change the text after 10 passes on line 1: held back, the other fixes applied');
    expect(fixed.model.text).toBe('[name](u)');
  });

  it.each([
    ['a link being typed: links/malformed closes it, links/simplify and links/malformed no longer trade `https:///` and `https://`', '## Updates from Rust Community\n\n### Official\n* [x](https://\n', '* [x](https://)'],
    ['a location with an empty part: events/location no longer adds a space that the field trims', `## Upcoming Events\n\nRusty Events between 2026-01-14 - 2026-02-11 🦀\n\n### Europe\n* 2026-01-15 | Oslo,  | [Rust Oslo](https://www.meetup.com/rust-oslo/)\n    * [**Talk**](https://www.meetup.com/rust-oslo/events/1/)\n`, '* 2026-01-15 | Oslo, | [Rust Oslo](https://www.meetup.com/rust-oslo/)'],
  ])('settles within 3 passes, holding nothing back, on %s', (_, body, line) => {
    let passes = 0;
    const model = buildModel(issue(body), { fileName: '2026-01-14-this-week-in-rust.md' });
    const fixed = fixUntilStable(model, lint(model), {}, (next) => {
      passes++;
      return lint(next);
    });
    expect(fixed.heldBack).toBeUndefined();
    expect(fixed.unsettled).toBeUndefined();
    expect(passes).toBeLessThanOrEqual(3);
    expect(fixed.model.text.split('\n')).toContain(line);
  });

  it('settles on the real cases that once looped or grew', () => {
    const cases = [
      // An empty CFP - Projects item: no space after its bullet that text/trailing-space would take away.
      issue('## Call for Participation; projects and speakers\n\n### CFP - Projects\n\n* [a - b](https://example.com/1)\n*  \n'),
      // A CFP - Events name whose link text wraps: made bold once.
      issue('## Call for Participation; projects and speakers\n\n### CFP - Events\n\n* [RustConf\n2026](https://example.com/cfp) | CFP closes 2026-02-16 | Montreal, QC, CA | 2026-09-08\n'),
    ];
    for (const text of cases) {
      const model = buildModel(text, { fileName: '2026-01-14-this-week-in-rust.md' });
      const options = { rules: { 'text/trailing-space': 'warning' as const } };
      const { edits, unsettled } = fixAllToStable(model, lint(model, options), options);
      expect(unsettled).toBeUndefined();
      expect(edits.length).toBeGreaterThan(0);
    }
  });

  it("leaves a hint's fix to a person", () => {
    const model = buildModel(issue('## Updates from Rust Community\n\n### Official\n* [a](https://example.com/a)   \n'));
    const result = lint(model);
    expect(result.diagnostics.map((diagnostic) => [diagnostic.rule, diagnostic.severity])).toEqual([['text/trailing-space', 'hint']]);
    expect(fixAllToStable(model, result, {}).edits).toEqual([]);
  });
});
