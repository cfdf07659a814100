import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/service/model/build';
import { foldingRanges } from '../../server/src/service/providers/folding';
import { outline, type OutlineSymbol } from '../../server/src/service/providers/outline';
import { allFixtures, readFixture } from './fixtures';

function outlineOf(name: string): OutlineSymbol[] {
  const { fileName, text } = readFixture(name);
  return outline(buildModel(text, { fileName }));
}

const find = (symbols: OutlineSymbol[], name: string) => symbols.find((symbol) => symbol.name === name)!;
const details = (symbols: OutlineSymbol[]) => symbols.map((symbol) => `${symbol.name}: ${symbol.detail}`);

describe('outline', () => {
  it('shows the issue, its sections with what they hold, regions and events (seed 634)', () => {
    const [root] = outlineOf('seeds/2026-01-14-this-week-in-rust.md');
    expect(root.name).toBe('This Week in Rust 634');
    expect(root.detail).toBe('2026-01-14');
    expect(details(root.children)).toEqual([
      'Updates from Rust Community: 1 entry',
      'Crate of the Week: no crate yet',
      'Calls for Testing: ',
      'Call for Participation; projects and speakers: ',
      'Updates from the Rust Project: ',
      'Upcoming Events: 52 events · 2026-01-14 - 2026-02-11',
      'Jobs: thread link missing',
      'Quote of the Week: no quote yet',
    ]);
    expect(details(find(root.children, 'Updates from Rust Community').children)).toContain('Project/Tooling Updates: 1 entry');
    expect(details(find(root.children, 'Updates from Rust Community').children)).toContain('Official: empty');
    const events = find(root.children, 'Upcoming Events');
    expect(details(events.children)).toEqual(['Virtual: 19 events', 'Asia: 3 events', 'Europe: 11 events', 'North America: 19 events']);
    const asia = find(events.children, 'Asia');
    expect(asia.children.map((symbol) => symbol.name)).toEqual(['2026-01-07 · Rust  TLV', '2026-01-08 · Seoul Rust (Programming Language) Meetup', '2026-01-17 · Rust Delhi']);
    expect(asia.children[2].detail).toBe('Delhi, IN — Rust Delhi Meetup #12');
  });

  it('shows a published issue with a none-this-week section, the crate and the quote (574)', () => {
    const [root] = outlineOf('published/2024-11-20-this-week-in-rust.md');
    expect(find(root.children, 'Crate of the Week').detail).toBe('crate: fixed-slice-vec');
    expect(find(root.children, 'Quote of the Week').detail).toBe('quote by Simon Buchan on rust-users');
    const fcp = find(find(root.children, 'Updates from the Rust Project').children, 'Final Comment Period');
    expect(details(fcp.children)).toEqual(['RFCs: none this week', 'Tracking Issues & PRs: 7 entries', 'New and Updated RFCs: 1 entry']);
    // An H2 category invented for one issue sits beside the community section, as the file has it.
    expect(find(root.children, 'EuroRust 2024').detail).toBe('16 entries');
    expect(details(find(root.children, 'Upcoming Events').children)).toEqual([
      'Virtual: 18 events',
      'Africa: 2 events',
      'Asia: 3 events',
      'Europe: 23 events',
      'North America: 11 events',
      'Oceania: 2 events',
    ]);
  });

  it('lists no event children for a legacy issue, and names the template', () => {
    const [root] = outlineOf('published/2018-06-12-this-week-in-rust.md');
    const events = find(root.children, 'Upcoming Events');
    expect(events.children.every((region) => region.children.length === 0)).toBe(true);
    const [template] = outlineOf('draft/DRAFT_TEMPLATE');
    expect(template.name).toBe('This Week in Rust draft template');
    expect(template.children.map((symbol) => symbol.name)).toContain('Upcoming Events');
  });

  for (const fixture of allFixtures()) {
    it(`nests every symbol inside its parent in ${fixture.name}`, () => {
      const model = buildModel(fixture.text, { fileName: fixture.fileName });
      const check = (symbol: OutlineSymbol, parent?: OutlineSymbol) => {
        if (parent) {
          expect(symbol.range.start.line).toBeGreaterThanOrEqual(parent.range.start.line);
          expect(symbol.range.end.line).toBeLessThanOrEqual(parent.range.end.line);
        }
        expect(symbol.selectionRange.start.line).toBeGreaterThanOrEqual(symbol.range.start.line);
        expect(symbol.selectionRange.end.line).toBeLessThanOrEqual(symbol.range.end.line);
        symbol.children.forEach((child) => check(child, symbol));
      };
      outline(model).forEach((symbol) => check(symbol));
      for (const fold of foldingRanges(model)) expect(fold.endLine).toBeGreaterThan(fold.startLine);
    });
  }
});
