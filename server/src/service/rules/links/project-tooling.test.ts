import { describe, expect, it } from 'vitest';
import { lint } from '../../lint';
import { buildModel } from '../../model/build';
import { communityIssue, testRule } from '../testing';
import rule from './project-tooling';

testRule(rule, {
  valid: [
    communityIssue('* [A post about a crate](https://example.com/a)'),
    { name: 'in another community category', code: communityIssue('* [Release notes](https://example.com/a)', 'Observations/Thoughts') },
  ],
  invalid: [
    {
      name: 'a link under Project/Tooling Updates, with the policy and where to post instead',
      code: communityIssue('* [My crate 1.0](https://example.com/my-crate)', 'Project/Tooling Updates'),
      errors: [{ line: 9, message: 'r/rust' }],
    },
  ],
});

describe('links/project-tooling is off by default', () => {
  const code = communityIssue('* [My crate 1.0](https://example.com/my-crate)', 'Project/Tooling Updates');
  const reported = (rules = {}) => lint(buildModel(code), { rules }).diagnostics.filter((diagnostic) => diagnostic.rule === rule.id);

  it('reports nothing unless switched on', () => {
    expect(reported()).toEqual([]);
    expect(reported({ [rule.id]: 'error' })).toHaveLength(1);
  });
});
