/**
 * The segmented, incremental parse (with its parser-free summary of simple segments and the
 * segments shared between documents) must give the model a single parse of the whole body gives:
 * on the fixtures, after random edits of the fixtures (each version built from the previous one,
 * as the server does), and on random documents made of the lines that make CommonMark's block
 * state hard to follow (fences, HTML blocks, comments, definitions, setext underlines, lists).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/service/model/build';
import { segmentBounds, SegmentStore } from '../../server/src/service/model/parse';
import type { IssueModel, Section } from '../../server/src/service/model/types';
import { LineIndex } from '../../server/src/service/util/text';
import { applyEdit, edit } from './edits';
import { allFixtures, recentFixtures } from './fixtures';

/** Everything the features read, as plain data: sections become their heading lines (no cycles). */
function snapshot(model: IssueModel): unknown {
  const isSection = (value: unknown): value is Section => typeof value === 'object' && value !== null && 'heading' in value && 'kind' in value;
  return JSON.parse(
    JSON.stringify(model, (key, value: unknown) => {
      // A whole parse has one segment: the model is compared, not how it was parsed.
      if (value instanceof LineIndex || key === 'segments') return undefined;
      if (key === 'section' || key === 'parent') return isSection(value) ? value.heading.line : value;
      if (key === 'children' && Array.isArray(value)) return value.map((child) => (isSection(child) ? child.heading.line : child));
      return value;
    }),
  );
}

function expectSameAsWholeParse(model: IssueModel): void {
  const whole = buildModel(model.text, { fileName: model.fileName, singleSegment: true });
  expect(snapshot(model)).toEqual(snapshot(whole));
}

const fixtures = allFixtures();

/** A text and the versions the edits make of it, each modelled from the one before: the same as a whole parse. */
function expectEditsSameAsWholeParse(text: string, edits: readonly { at: number; length: number; insert: string }[]): void {
  let model = buildModel(text);
  expectSameAsWholeParse(model);
  for (const change of edits) {
    model = buildModel(applyEdit(model.text, change), { previous: model });
    expectSameAsWholeParse(model);
  }
}

describe('incremental analysis', () => {
  for (const fixture of fixtures) {
    it(`gives the whole-parse model for ${fixture.name}`, () => {
      const model = buildModel(fixture.text, { fileName: fixture.fileName });
      expect(segmentBounds(fixture.text, 0).length).toBeGreaterThan(fixture.text.length > 5000 ? 10 : 1);
      expectSameAsWholeParse(model);
    });
  }

  for (const fixture of recentFixtures()) {
    it(`gives the whole-parse model for ${fixture.name}`, () => expectSameAsWholeParse(buildModel(fixture.text, { fileName: fixture.fileName })));
  }

  it('gives the whole-parse model from segments another document parsed (the store shared between documents)', () => {
    // Every fixture was built above: now their segments, and the boilerplate issues share, come from the store.
    for (const fixture of fixtures) expectSameAsWholeParse(buildModel(fixture.text, { fileName: fixture.fileName }));
  });

  it('keeps the store of shared segments within its size, dropping the least recently used', () => {
    const store = new SegmentStore<string>(30);
    const segment = (summary: string) => ({ summary, context: '', definitions: new Map(), openAtEnd: false });
    store.set('first segment', '', segment('1'));
    store.set('second segment', '', segment('2'));
    expect(store.get('first segment', '')?.summary).toBe('1');
    store.set('third segment', '', segment('3'));
    expect([store.get('first segment', '')?.summary, store.get('second segment', ''), store.get('third segment', '')?.summary]).toEqual(['1', undefined, '3']);
    expect(store.get('first segment', 'LABEL')).toBeUndefined();
  });

  it('gives the whole-parse model after random edits of the fixtures, each version built from the last', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.array(edit, { minLength: 1, maxLength: 4 }), (fixture, edits) => {
        let model = buildModel(fixture.text, { fileName: fixture.fileName });
        for (const change of edits) {
          model = buildModel(applyEdit(model.text, change), { fileName: fixture.fileName, previous: model });
          expectSameAsWholeParse(model);
        }
      }),
      { numRuns: 12 },
    );
  }, 300_000);

  /** Lines that open, close or continue blocks across what the segmenter takes for a clean place. */
  const trickyLine = fc.constantFrom(
    '# Heading',
    '## [Linked](https://example.com)',
    '#',
    '* [item](https://example.com/a) by [x][foo]',
    '- item with `code',
    '  nested line',
    '    indented',
    '* * *',
    'paragraph [foo] text',
    '---',
    '===',
    '',
    '',
    '```',
    '  ```',
    '```rust',
    '~~~',
    '<!-- comment -->',
    '<!-- open',
    'still open -->',
    '<!-->',
    '<pre>',
    '</pre>',
    '<div>',
    '<span>',
    '<?php',
    '?>',
    '<!DOCTYPE html',
    '[foo]: https://example.com/foo',
    '[foo]:',
    '[Bar]:  <https://example.com/bar> "title"',
    '* [foo]: https://example.com/in-a-list',
    '> [bar]: https://example.com/in-a-quote',
    '> quoted [bar]',
    '* > quoted in a list',
    '1. ordered',
  );

  /** Lines the parser-free summary takes (see `summariseSimpleSegment`), and lines just past what it takes. */
  const simpleLine = fc.constantFrom(
    '## Updates from Rust Community',
    '### Rust Walkthroughs',
    '# Heading',
    '* [One](https://example.com/one)',
    '* [**Event**](https://example.com/event)',
    '    * [**Event**](https://example.com/event)',
    '  * [Two (2)](https://example.com/two) and text!',
    '* 2026-01-15 | Virtual | [Group](https://example.com/group)',
    '- [Dash](https://example.com/dash)',
    'Plain text (with parens) and [a link](https://example.com/x) inside',
    '',
    '',
    '        * [Deep](https://example.com/deep)',
    '* [**not bold **](https://example.com/nb)',
    '* [a](https://example.com/b)(c)',
    '* ![image](https://example.com/i.png)',
    '* [x] [y](https://example.com/y)',
    'text &amp; entity',
    '* 1. ordered',
    '* 1) ordered',
    '* - nested dash',
    '- - -',
    '---',
    '===',
    'Title *emphasis',
    'closing emphasis*',
    'snake_case_name',
    '* [a](<https://example.com/angle>)',
    '* [a](https://example.com/a "title")',
    '* [trailing](https://example.com/t)  ',
    'backslash at the end\\',
    '## Heading ##',
    '##  Two spaces',
    '#NoSpace',
    '* [Ü](https://example.com/ü?q=1&r=2)',
    '* [a](https://example.com/[x])',
    '\t* [tab](https://example.com/tab)',
    '    indented text',
    '1. ordered',
    '* [`Vec::new`: faster](https://example.com/vec)',
    '* [video] [`impl_trait` and more](https://example.com/v)',
    '* [DE] [Ein Titel](https://example.com/de)',
    '* [foo] [defined token](https://example.com/t)',
    '[foo] : not a definition',
    '[Starts](https://example.com/s) with a link',
    '– [En dash](https://example.com/q) quote',
    'Ünïcode start and `code_span`',
    '`starts` with code',
    '* `code` item',
    '* ```fence',
    '```',
    'code with ``double`` ticks',
    'code ` with spaces `',
    'unclosed `code',
    '`<b>` html in code',
    '* [x `a](https://example.com/a)` b',
    '[token][ref] full reference',
    '[token]: https://example.com/token',
    '[foo]: https://example.com/foo',
    '* [a](https://example.com/`tick)',
    '`a``b`',
    '\u00a0nbsp start',
    '* [READ_ONCE(), WRITE_ONCE()](https://example.com/read_once)',
    '* [yt](https://example.com/watch?v=1&list=2)',
    '* [e](https://example.com/?a&amp;b)',
    'Q&A and &copy; and &#35; and &#x23;',
    '_leading underscore_ and __init__',
    'a_b_ end_',
    'x__y and 9_9',
    '<!--',
    '<!-- one line -->',
    '-->',
    'closes --> here',
    '<!-- a --> trailing',
    '<!-->',
    '<!--->',
    '<!---->',
    '<!-- submerge-pr=1 -->',
  );

  it('gives the whole-parse model on random documents of simple lines and near misses, and after editing them', () => {
    fc.assert(
      fc.property(fc.array(simpleLine, { minLength: 5, maxLength: 60 }), fc.constantFrom('\n', '\r\n'), fc.array(edit, { maxLength: 3 }), (lines, eol, edits) =>
        expectEditsSameAsWholeParse(lines.join(eol), edits),
      ),
      { numRuns: 400 },
    );
  });

  it('gives the whole-parse model on random documents of tricky lines, and after editing them', () => {
    fc.assert(
      fc.property(fc.array(trickyLine, { minLength: 10, maxLength: 80 }), fc.boolean(), fc.array(edit, { maxLength: 3 }), (lines, header, edits) =>
        expectEditsSameAsWholeParse((header ? 'Title: This Week in Rust 1\nNumber: 1\n\n' : '') + lines.join('\n'), edits),
      ),
      { numRuns: 400 },
    );
  });

  it('joins a segment whose list item leaves a fence open with the rest, as the whole parse reads it', () => {
    expectEditsSameAsWholeParse(['## Updates from Rust Community', '* [a](https://example.com/a)', '* ```fence', '', '## Updates from Rust Community'].join('\n'), []);
  });

  it('reads a bracketed word that a definition in another segment defines as a reference link, not as text', () => {
    const text = '[video]: https://example.com/video\n\nSome text.\nMore text.\nMore.\nMore.\n\n* [video] [Title](https://example.com/t)\n';
    const model = buildModel(text);
    expect(model.segments.length).toBeGreaterThan(1);
    expect(model.links.map((link) => link.kind)).toEqual(['reference', 'inline']);
    expectSameAsWholeParse(model);
  });

  it('reuses the segments an edit does not touch', () => {
    const fixture = fixtures.find((candidate) => candidate.name.endsWith('2024-11-20-this-week-in-rust.md'))!;
    const before = buildModel(fixture.text, { fileName: fixture.fileName });
    const at = fixture.text.indexOf('\n', fixture.text.length / 2) + 3;
    const after = buildModel(applyEdit(fixture.text, { at: at / fixture.text.length, length: 0, insert: 'x' }), { fileName: fixture.fileName, previous: before });
    // Inline links well before the edit are the very same objects (reference links are resolved
    // again every time); the model as a whole is still the whole parse's.
    const editedLine = before.lines.lineAt(at);
    const untouched = before.links.filter((link) => link.line < editedLine - 30 && link.kind !== 'reference');
    const reused = new Set(after.links);
    expect(untouched.length).toBeGreaterThan(50);
    expect(untouched.every((link) => reused.has(link))).toBe(true);
    expectSameAsWholeParse(after);
  });
});
