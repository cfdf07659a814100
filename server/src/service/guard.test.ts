import { describe, expect, it } from 'vitest';
import { ANALYSIS_BUDGET, overBudget } from './guard';

const budget = { ...ANALYSIS_BUDGET, maxBytes: 1000, maxLineLength: 20, maxContainerPrefix: 6 };

describe('overBudget', () => {
  it('lets an ordinary issue through', () => {
    expect(overBudget('Title: This Week in Rust 1\n\n* [a](https://example.com)\n    * nested\n', { ...budget, maxLineLength: 40 })).toBeUndefined();
  });

  it('names the size, NUL characters, a long line and deep nesting, with the line counted as the LSP does', () => {
    expect(overBudget('x'.repeat(1001), budget)).toMatch(/^is 1 KB, more than/);
    expect(overBudget('a\u0000b', budget)).toBe('looks binary (it holds NUL characters)');
    expect(overBudget(`a\r\nb\rc\n${'y'.repeat(21)}\nd`, budget)).toBe('has a line of 21 characters (line 4; TWiR analyses lines up to 20)');
    expect(overBudget('a\n\n> > > > x\n', budget)).toBe('nests lists or quotes too deeply (line 3)');
    expect(overBudget('a\n* * * x', budget)).toBeUndefined();
    expect(overBudget(`a\n${'y'.repeat(21)}`, budget)).toMatch(/line 2;/);
  });
});
