import { describe, expect, it } from 'vitest';
import { communityIssue, findingsOf, issue, testRule } from '../testing';
import rule from './simplify';


testRule(rule, {
  valid: [
    communityIssue('* [A post](https://example.com/a/b/)'),
    { name: 'a URL inside the path (the Wayback Machine) keeps its `//`', code: communityIssue('* [Old post](https://web.archive.org/web/2020/https://example.com/a)') },
    { name: 'mailto', code: issue('Write to [us](mailto:editors@example.com).\n') },
    { name: 'http inside a comment', code: issue('<!-- [Rust](http://rust-lang.org) -->\n') },
  ],
  invalid: [
    {
      name: 'http',
      code: issue('[Rust](http://rust-lang.org) is a programming language.\n'),
      errors: [{ line: 6, message: '`https://`' }],
      output: issue('[Rust](https://rust-lang.org) is a programming language.\n'),
    },
    {
      name: 'double slashes in the path',
      code: communityIssue('* [IDEs and Macros](https://rust-analyzer.github.io//blog/2021/11/21///ides-and-macros.html)'),
      errors: [{ line: 9, message: 'Double slash' }, { line: 9 }],
      output: communityIssue('* [IDEs and Macros](https://rust-analyzer.github.io/blog/2021/11/21/ides-and-macros.html)'),
    },
    {
      name: 'both on one link',
      code: communityIssue('* [A post](http://example.com//a)'),
      errors: [{ line: 9, message: 'https' }, { line: 9, message: 'slash' }],
      output: communityIssue('* [A post](https://example.com/a)'),
    },
  ],
});

describe('links/simplify fixes', () => {
  it('leaves http → https out of fix-all (some old sites serve no https) but collapses slashes there', () => {
    const findings = findingsOf(rule, issue('[A post](http://example.com//a)\n'));
    expect(findings.map((finding) => finding.fix?.safe !== false)).toEqual([false, true]);
  });
});
