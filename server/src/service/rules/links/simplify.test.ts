import { describe, expect, it } from 'vitest';
import { communityIssue, findingsOf, issue, testRule } from '../testing';
import rule from './simplify';

testRule(rule, {
  valid: [
    communityIssue('* [A post](https://example.com/a/b/)'),
    communityIssue('* [A search](https://example.com/search?q=rust+async&page=2#results)'),
    { name: 'mailto', code: communityIssue('* [Write to us](mailto:editors@example.com)') },
    { name: 'tracking parameters alone are links/tracking\'s', code: communityIssue('* [A post](https://example.com/a?utm_source=rss)') },
    { name: 'outside the community sections, as TWiR\'s CI', code: issue('## Jobs\n\n[Jobs](https://example.com//jobs?) and [more](https://example.com)\n') },
    { name: 'http inside a comment', code: issue('<!-- [Rust](http://rust-lang.org) -->\n') },
  ],
  invalid: [
    {
      name: 'runs of slashes in the path',
      code: communityIssue('* [IDEs and Macros](https://rust-analyzer.github.io//blog/2021/11/21///ides-and-macros.html)'),
      errors: [{ line: 9, message: 'one slash for each run of slashes' }],
      output: communityIssue('* [IDEs and Macros](https://rust-analyzer.github.io/blog/2021/11/21/ides-and-macros.html)'),
    },
    {
      name: 'a bare ? and a bare #',
      code: communityIssue('* [A post](https://example.com/a?)\n* [Another](https://example.com/b#)'),
      errors: [{ line: 9, message: 'no empty `?`' }, { line: 10, message: 'no empty `#`' }],
      output: communityIssue('* [A post](https://example.com/a)\n* [Another](https://example.com/b)'),
    },
    {
      name: 'a host with no path',
      code: communityIssue('* [A blog](https://blog.example.com)'),
      errors: [{ line: 9, message: '`https://blog.example.com/`: a `/` after the host' }],
      output: communityIssue('* [A blog](https://blog.example.com/)'),
    },
    {
      name: '?flag, %20, a comma and repeated names in a query, as Python writes it again',
      code: communityIssue('* [A](https://example.com/a?flag)\n* [B](https://example.com/b?q=async%20rust)\n* [C](https://example.com/c?ids=1,2)\n* [D](https://example.com/d?a=1&b=2&a=3)'),
      errors: [
        { line: 9, message: '`https://example.com/a`: the query as Python writes it' },
        { line: 10, message: '`https://example.com/b?q=async+rust`' },
        { line: 11, message: '`https://example.com/c?ids=1%2C2`' },
        { line: 12, message: '`https://example.com/d?a=1&a=3&b=2`' },
      ],
      output: communityIssue('* [A](https://example.com/a)\n* [B](https://example.com/b?q=async+rust)\n* [C](https://example.com/c?ids=1%2C2)\n* [D](https://example.com/d?a=1&a=3&b=2)'),
    },
    {
      name: 'an upper-case scheme',
      code: communityIssue('* [A post](HTTPS://example.com/a)'),
      errors: [{ line: 9, message: 'the scheme in lower case' }],
      output: communityIssue('* [A post](https://example.com/a)'),
    },
    {
      name: 'http anywhere: our hint, not TWiR\'s CI\'s',
      code: issue('[Rust](http://rust-lang.org) is a programming language.\n'),
      errors: [{ line: 6, message: '`https://`', severity: 'hint' }],
      output: issue('[Rust](https://rust-lang.org) is a programming language.\n'),
    },
    {
      name: 'both on one link',
      code: communityIssue('* [A post](http://example.com//a)'),
      errors: [{ line: 9, message: 'https', severity: 'hint' }, { line: 9, message: 'slash', severity: 'warning' }],
      output: communityIssue('* [A post](https://example.com/a)'),
    },
  ],
});

describe('links/simplify fixes', () => {
  const safety = (code: string) => findingsOf(rule, code).map((finding) => finding.fix?.safe !== false);

  it('leaves http → https out of fix-all (some old sites serve no https) but collapses slashes there', () => {
    expect(safety(communityIssue('* [A post](http://example.com//a)'))).toEqual([false, true]);
  });

  it('leaves a re-encoded query, and a URL inside the path, out of fix-all', () => {
    expect(safety(communityIssue('* [A](https://example.com/a?ids=1,2)\n* [B](https://example.com/b?)'))).toEqual([false, true]);
    expect(safety(communityIssue('* [Old](https://web.archive.org/web/2020/https://example.com/a)'))).toEqual([false]);
  });
});
