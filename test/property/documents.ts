/**
 * Arbitrary TWiR documents for property tests: a window of a real fixture issue (with or without
 * its header), damaged the way half-typed and badly pasted text is — lines deleted, duplicated,
 * swapped, joined, re-indented, truncated mid-token, a hurried editor's separators, places, half
 * links and notes; emoji, CJK, RTL, combining marks, lone surrogates, tabs,
 * U+FFFD — and written with LF, CRLF or mixed line breaks, with or without a BOM.
 */
import fc from 'fast-check';
import { allFixtures, recentFixtures } from '../unit/fixtures';

const FIXTURES = allFixtures();
/** The careless documents also come from every issue of 2026: today's events section, today's conventions. */
const CARELESS_FIXTURES = [...FIXTURES, ...recentFixtures()];

/** The first blank line ends the Pelican header of a fixture. */
function headerLineCount(lines: readonly string[]): number {
  const blank = lines.findIndex((line) => line.trim() === '');
  return blank < 0 ? 0 : blank + 1;
}

const linesOf = (fixtures: typeof FIXTURES) =>
  fixtures.map((fixture) => {
    const lines = fixture.text.replace(/^\uFEFF/, '').split(/\r?\n/);
    return { fileName: fixture.fileName, lines, headerLines: headerLineCount(lines) };
  });
const FIXTURE_LINES = linesOf(FIXTURES);
const CARELESS_FIXTURE_LINES = linesOf(CARELESS_FIXTURES);

/** Text that trips up parsers, position maths and UTF-16 code: one snippet per kind. */
const HOSTILE_SNIPPETS = [
  '🦀', '👩🏽‍💻', '🇫🇷', // astral, ZWJ sequence, flag
  '東京', 'ラスト', '러스트', // CJK
  'مرحبا', 'שלום', '\u202Eevil\u202C', '\u200F', // RTL and bidi controls
  'e\u0301', 'a\u0308\u0323', '\u0301', // combining marks, also with nothing to combine with
  '\uD800', '\uDC00', '\uDBFF', '\uDFFF', // lone surrogates
  '\uFFFD', '\uFFFD\uFFFD', // what an editor shows for invalid UTF-8
  '\t', '\t\t', '\u00A0', '\u200B', '\uFEFF', '\u0000', '\r',
  '[', ']', '](', '[x]:', '<!--', '-->', '`', '```', '*', '**', '_', '|', '>', '#', '## ', '* ', '    * ', '\\',
  'https://', '<https://example.com>', '[a](https://example.com)', '2026-13-45', ' - ', ' | ',
];

/** What a hurried editor types into a TWiR line: separators, half links, places, emphasis, notes and definitions. */
const CARELESS_SNIPPETS = [
  ', ', ',', ' ,', '  ', ' ', '| ', ' |', '||', ' + ', '+', '(', ')', '- ', ': ', '.', '***', '__',
  'Oslo, ', 'Oslo,', ', NO', 'Virtual (', 'Hybrid (', ' + Virtual', 'TBD', '2026-01-', '2026-1-7', ' - 2026-01-30',
  '* [x](https://', '[x](https://', '](https://example.com/', '[**', '**]', '](', '<https://', 'http://',
  'Some notes about these events.', 'Triage done by @someone.', '[calendar]: https://www.google.com/calendar/embed?src=x',
  '#### Notes', '  * 2026-01-16 | Virtual (Berlin, DE) | [Rust Berlin](https://www.meetup.com/rust-berlin/)',
];

const hostileText = fc.oneof(
  fc.constantFrom(...HOSTILE_SNIPPETS),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
);

type Mutation =
  | { kind: 'delete' | 'duplicate' | 'tabs'; at: number }
  | { kind: 'indent'; at: number; spaces: number }
  | { kind: 'careless'; at: number; edit: number; which: number; with: number }
  | { kind: 'after-item'; at: number; what: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'join'; at: number }
  | { kind: 'truncate' | 'split'; at: number; column: number }
  | { kind: 'insert'; at: number; column: number; text: string }
  | { kind: 'insert-line'; at: number; text: string };

// Positions are fractions of the current length, so a mutation stays meaningful while shrinking.
const where = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

const damage: fc.Arbitrary<Mutation>[] = [
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'tabs' as const), at: where }),
  fc.record({ kind: fc.constant('swap' as const), at: where, with: where }),
  fc.record({ kind: fc.constant('join' as const), at: where }),
  fc.record({ kind: fc.constantFrom('truncate' as const, 'split' as const), at: where, column: where }),
  fc.record({ kind: fc.constant('insert' as const), at: where, column: where, text: hostileText }),
  fc.record({ kind: fc.constant('insert-line' as const), at: where, text: hostileText }),
];
const mutation: fc.Arbitrary<Mutation> = fc.oneof(...damage);
/** Damage, and more often what a hurried editor does: re-indent a line, mistype a token, type under an item. */
const carelessMutation: fc.Arbitrary<Mutation> = fc.oneof(
  ...damage,
  fc.record({ kind: fc.constant('indent' as const), at: where, spaces: fc.constantFrom(0, 1, 2, 3, 4, 6, 8) }),
  { arbitrary: fc.record({ kind: fc.constant('careless' as const), at: where, edit: fc.nat(), which: where, with: fc.nat() }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('after-item' as const), at: where, what: fc.nat() }), weight: 2 },
  fc.record({ kind: fc.constant('insert' as const), at: where, column: where, text: fc.constantFrom(...CARELESS_SNIPPETS) }),
  fc.record({ kind: fc.constant('insert-line' as const), at: where, text: fc.constantFrom(...CARELESS_SNIPPETS) }),
);

/**
 * Token edits of a hurried editor: a separator, a comma, a bracket, bold marks, a date or a URL
 * written slightly wrong. Each replaces one occurrence of its pattern with one of its variants.
 */
const CARELESS_EDITS: readonly [RegExp, readonly string[]][] = [
  [/ \| /g, ['|', ' |', '| ', '  |  ', ', ', ' || ', ' | | ']],
  [/, /g, [',', ' ,', ',  ', ', , ', ' ', ', |']],
  [/\)|\]|\*\*/g, ['']],
  [/\[/g, ['[**', '[ ', '[[']],
  [/\d{4}-\d{2}-\d{2}/g, ['2026-1-7', '2026-01-07-09', '2026-01-07 & 2026-01-08', '2026-02-30', '2026-01-07 - 2026-01-05']],
  [/\]\([^)\s]*\)/g, ['](https://', '](https://)', '](http://example.com//a?)', '] (https://example.com)', ']](https://example.com)']],
  [/, [A-Z]{2}\b/g, ['', ',', ', ', ', usa', ', Germany']],
];

/** Makes a careless edit on the first line from `at` on (round the end) that has its pattern. */
function carelessEdit(lines: string[], at: number, change: Extract<Mutation, { kind: 'careless' }>): void {
  const [pattern, variants] = CARELESS_EDITS[change.edit % CARELESS_EDITS.length];
  for (let step = 0; step < lines.length; step++) {
    const index = (at + step) % lines.length;
    const found = [...lines[index].matchAll(pattern)];
    if (found.length === 0) continue;
    const match = found[Math.floor(change.which * found.length)];
    lines[index] = lines[index].slice(0, match.index) + variants[change.with % variants.length] + lines[index].slice(match.index! + match[0].length);
    return;
  }
}

/** What lands under a list item: the next event typed after Enter (VS Code indents it), a note, a definition, a heading. */
const AFTER_ITEM = ['Some notes about these events.', 'Triage done by @someone.', '[calendar]: https://www.google.com/calendar/embed?src=x', '#### Notes'];
const EVENT_OVERVIEW = /^[*+-]\s*\d{4}-\d{2}-\d{2}\b.*\|/;

/** Inserts a line right after the first list item from `at` on (round the end): an event line indented by 2, or one of AFTER_ITEM. */
function afterItem(lines: string[], at: number, what: number): void {
  const event = lines.find((line) => EVENT_OVERVIEW.test(line)) ?? '* 2026-01-16 | Virtual (Berlin, DE) | [Rust Berlin](https://www.meetup.com/rust-berlin/)';
  const choices = [`  ${event}`, ...AFTER_ITEM];
  for (let step = 0; step < lines.length; step++) {
    const index = (at + step) % lines.length;
    if (!/^\s*[*+-]\s/.test(lines[index])) continue;
    lines.splice(index + 1, 0, choices[what % choices.length]);
    return;
  }
}

function mutate(lines: string[], change: Mutation): void {
  if (lines.length === 0) return;
  const at = Math.floor(change.at * lines.length);
  const line = lines[at];
  const column = 'column' in change ? Math.floor(change.column * (line.length + 1)) : 0;
  switch (change.kind) {
    case 'delete':
      lines.splice(at, 1);
      break;
    case 'duplicate':
      lines.splice(at, 0, line);
      break;
    case 'tabs':
      lines[at] = line.replace(/ {2,4}/g, '\t');
      break;
    case 'after-item':
      afterItem(lines, at, change.what);
      break;
    case 'careless':
      carelessEdit(lines, at, change);
      break;
    case 'indent':
      // VS Code's auto-indent, a paste, a stray Tab: the line's own indent replaced.
      lines[at] = ' '.repeat(change.spaces) + line.trimStart();
      break;
    case 'swap': {
      const other = Math.floor(change.with * lines.length);
      [lines[at], lines[other]] = [lines[other], line];
      break;
    }
    case 'join':
      if (at + 1 < lines.length) lines.splice(at, 2, line + lines[at + 1]);
      break;
    case 'truncate':
      lines[at] = line.slice(0, column);
      break;
    case 'split':
      lines.splice(at, 1, line.slice(0, column), line.slice(column));
      break;
    case 'insert':
      lines[at] = line.slice(0, column) + change.text + line.slice(column);
      break;
    case 'insert-line':
      lines.splice(at, 0, change.text);
      break;
  }
}

export interface GeneratedDocument {
  fileName: string;
  text: string;
}

type LineBreaks = 'lf' | 'crlf' | 'mixed';

function joinLines(lines: readonly string[], breaks: LineBreaks, mixed: readonly boolean[]): string {
  if (breaks !== 'mixed') return lines.join(breaks === 'crlf' ? '\r\n' : '\n');
  return lines.reduce((text, line, index) => (index === 0 ? line : text + (mixed[index % mixed.length] ? '\r\n' : '\n') + line), '');
}

/**
 * A document: a window of `maxLines` lines or fewer from a fixture (its header kept or not), or
 * the whole fixture when `maxLines` is not given, with up to `maxMutations` mutations, line breaks
 * and BOM chosen at random. `careless`: also from the 2026 issues, windows often from a section's
 * heading, and the careless editor's mutations too (the fix-all fuzz).
 */
export function documents(options: { maxLines?: number; maxMutations: number; careless?: boolean }): fc.Arbitrary<GeneratedDocument> {
  const fixtures = options.careless ? CARELESS_FIXTURE_LINES : FIXTURE_LINES;
  return fc
    .record({
      fixture: fc.integer({ min: 0, max: fixtures.length - 1 }),
      start: options.maxLines ? where : fc.constant(0),
      length: fc.integer({ min: 1, max: options.maxLines ?? 1 }).map((length) => (options.maxLines ? length : Infinity)),
      keepHeader: fc.boolean(),
      mutations: fc.array(options.careless ? carelessMutation : mutation, { maxLength: options.maxMutations }),
      breaks: fc.constantFrom<LineBreaks>('lf', 'crlf', 'mixed'),
      mixed: fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
      bom: fc.boolean(),
      finalBreak: fc.boolean(),
      ...(options.careless ? { from: fc.constantFrom('anywhere' as const, 'section' as const, 'events' as const) } : {}),
    })
    .map((choice) => {
      const { fileName, lines: all, headerLines } = fixtures[choice.fixture];
      let bodyStart = headerLines + Math.floor(choice.start * (all.length - headerLines));
      // Careless windows start a third of the time at the heading of the section they fall in, so that
      // its rules apply (the events rules need it), a third at Upcoming Events, where most fixes are.
      const from = 'from' in choice ? choice.from : 'anywhere';
      const events = all.findIndex((line) => /^## Upcoming Events/.test(line));
      if (from === 'events' && events >= 0 && options.maxLines) bodyStart = events;
      else if (from === 'section' && options.maxLines) while (bodyStart > headerLines && !/^## /.test(all[bodyStart])) bodyStart--;
      const body = all.slice(bodyStart, bodyStart + choice.length);
      const lines = choice.keepHeader ? [...all.slice(0, headerLines), ...body] : body;
      for (const change of choice.mutations) mutate(lines, change);
      if (choice.finalBreak) lines.push('');
      return { fileName, text: (choice.bom ? '\uFEFF' : '') + joinLines(lines, choice.breaks, choice.mixed) };
    });
}

/** How many cases a property runs: `TWIR_PROPERTY_RUNS` scales every property (1 = the default). */
export function runs(defaultRuns: number): number {
  const setting = Number(process.env.TWIR_PROPERTY_RUNS);
  return Number.isFinite(setting) && setting > 0 ? Math.max(1, Math.round((defaultRuns * setting) / DEFAULT_TOTAL)) : defaultRuns;
}

/** The total of the default runs of every property, so `TWIR_PROPERTY_RUNS=20000` means ~20 000 cases. */
const DEFAULT_TOTAL = 1990;

/**
 * The seed of the random cases: fixed by default so that `npm test` checks the same cases every
 * run; `TWIR_PROPERTY_SEED=random` (or a number) explores others, and a failure prints its seed.
 */
export function seed(): number | undefined {
  const setting = process.env.TWIR_PROPERTY_SEED;
  if (setting === 'random') return undefined;
  return setting !== undefined && Number.isInteger(Number(setting)) ? Number(setting) : 20261121;
}
