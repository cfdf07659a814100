import { describe, expect, it } from 'vitest';
import { withDeadline, withinBudget } from './deadline';

describe('withDeadline', () => {
  it('returns what the task returns, for any limit: fractions and limits past 32 bits included', () => {
    for (const limit of [1000, 3564000.0000000005, 2 ** 40]) expect(withDeadline(limit, () => 42)).toEqual({ value: 42 });
  });

  it('stops a task that runs past its limit, wherever it is, and this thread goes on', () => {
    let iterations = 0;
    // The task never ends on its own: only the limit stops it.
    expect(withDeadline(50, () => { for (;;) iterations++; })).toBeUndefined();
    expect(iterations).toBeGreaterThan(0);
    expect(withDeadline(1000, () => 'next')).toEqual({ value: 'next' });
  });

  it('lets an error of the task through', () => {
    expect(() => withDeadline(1000, () => { throw new Error('rule failed'); })).toThrow('rule failed');
  });
});

describe('withinBudget', () => {
  it('stops a task once it has had its budget of CPU', () => {
    expect(withinBudget(100, () => { for (;;); })).toBeUndefined();
  });
});
