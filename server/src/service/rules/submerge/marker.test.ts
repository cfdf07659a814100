import { describe, expect, it } from 'vitest';
import { buildModel } from '../../model/build';
import { communityIssue, issue, testRule } from '../testing';
import rule from './marker';
import { markerOf, shaOf } from './testing';

const m = (pr: number, title?: string) => markerOf({ pr, title });

testRule(rule, {
  valid: [
    { name: 'items as submerge fetch writes them', code: communityIssue(`* [A post](https://example.com/a) ${m(1)}\n* [Another](https://example.com/b) ${m(2)}`) },
    { name: 'a marker without a title, one with `--` in it', code: communityIssue(`* [A](https://example.com/a) ${markerOf({ pr: 3 }).replace(/ title=[^]*? -->/, ' -->')}\n* [B](https://example.com/b) ${m(4, 'Add a -- > post')}`) },
    { name: 'a multi-line item, marked on its first line', code: communityIssue(`* [A](https://example.com/a) ${m(5)}\n    * [part 2](https://example.com/a2)`) },
    { name: 'an item without a link', code: communityIssue(`* Rustaceans announced a thing ${m(6)}`) },
    { name: 'any category under the community heading', code: issue(`## Updates from Rust Community\n\n### EuroRust 2026\n* [A](https://example.com/a) ${m(7)}\n`) },
    { name: 'a comment that only mentions submerge-pr', code: communityIssue('* [A](https://example.com/a) <!-- submerge-pr: see the README -->') },
  ],
  invalid: [
    {
      name: 'outside a list item',
      code: communityIssue(`* [A](https://example.com/a)\n\n${m(1)}`),
      errors: [{ line: 11, message: '"submerge marker appears outside a list item"' }],
    },
    {
      name: 'outside the community sections',
      code: issue(`## Updates from Rust Community\n\n* [A](https://example.com/a) ${m(1)}\n\n## Crate of the Week\n\n### Picks\n* [B](https://example.com/b) ${m(2)}\n`),
      errors: [
        { line: 8, message: '"submerge marker appears outside a community section"' },
        { line: 13, message: 'outside a community section' },
      ],
    },
    {
      name: 'two markers on one item',
      code: communityIssue(`* [A](https://example.com/a) ${m(1)} ${m(2)}`),
      errors: [{ line: 9, message: '"list item contains 2 submerge markers"' }],
    },
    {
      name: 'the same PR twice',
      code: communityIssue(`* [A](https://example.com/a) ${m(1)}\n* [A again](https://example.com/a2) ${m(1)}`),
      errors: [{ line: 10, message: '"duplicate marker for PR #1". The first is on line 9.' }],
    },
    {
      name: 'a marker edited by hand',
      code: communityIssue(
        [
          `* [A](https://example.com/a) ${m(1).replace(shaOf(1), 'abc123')}`,
          `* [B](https://example.com/b) ${m(2).replace('author=someone ', 'author=some one ')}`,
          `* [C](https://example.com/c) ${m(3).replace('<!-- url=', '<!-- ✅ url=')}`,
          `* [D](https://example.com/d) ${m(4).replace(' author=someone', '')}`,
        ].join('\n'),
      ),
      errors: [
        { line: 9, message: /"malformed submerge marker".*`sha=` must follow/ },
        { line: 10, message: /"malformed submerge marker"/ },
        { line: 11, message: /must start with `<!-- url=`/ },
        { line: 12, message: /`author=` must follow/ },
      ],
    },
    {
      name: 'a nested item: a warning, submerge skips it',
      code: communityIssue(`* [A](https://example.com/a)\n    * [part 2](https://example.com/a2) ${m(7)}`),
      errors: [{ line: 10, severity: 'warning', message: 'PR #7 stays open' }],
    },
    {
      name: 'an item that is no longer a single list item',
      code: communityIssue(`> * [A](https://example.com/a) ${m(8)}\n>   * [part 2](https://example.com/a2)`),
      errors: [{ line: 9, message: '"PR #8 marker is attached to an invalid list item"' }],
    },
  ],
});

describe('submerge/marker in a published issue', () => {
  it('reports every marker of an issue in content/ as an error, and none of a draft', () => {
    const code = communityIssue(`* [A](https://example.com/a) ${m(1)}\n* [B](https://example.com/b)\n    * nested ${m(2)}`);
    const findings = (folder: string) => rule.check({ model: buildModel(code, { fileName: '2026-01-14-this-week-in-rust.md', folder }), recentIssues: [] });
    expect(findings('content').map((finding) => [finding.range.start.line + 1, finding.message])).toEqual([
      [9, expect.stringContaining('in a published issue')],
      [11, expect.stringContaining('in a published issue')],
    ]);
    expect(findings('draft').map((finding) => finding.certainty)).toEqual(['convention']);
  });
});
