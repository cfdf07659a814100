import { communityIssue, issue, testRule } from '../testing';
import rule from './malformed';


testRule(rule, {
  valid: [
    communityIssue('* [A post](https://example.com/a) ([discussion](https://reddit.com/r/rust/1))'),
    communityIssue('* [A post [with brackets]](https://example.com/a)'),
    communityIssue('* [Rust (programming language)](https://en.wikipedia.org/wiki/Rust_(programming_language))'),
    communityIssue('* [A post](https://example.com/a "its title")'),
    { name: 'the template\'s `[ - ]()` is placeholder/link\'s', code: issue('## Call for Participation; projects and speakers\n\n### CFP - Projects\n\n* [ - ]()\n') },
    { name: 'inside a comment', code: communityIssue('<!-- * [Title] (https://example.com/a) and [x](https://a b) -->') },
    { name: 'a link in parentheses or brackets', code: communityIssue('* A post ([discussion](https://example.com/d)) and [[a wiki link](https://example.com/w)]') },
    { name: 'a parenthesis opened a line earlier', code: issue('## Jobs\n\nSee the thread (and the\n[summary](https://example.com/s)) for more.\n') },
    { name: 'inside inline code', code: communityIssue('* Write links as `[text] (url)`: [no](https://example.com/a)') },
  ],
  invalid: [
    {
      name: 'a URL going on on the next line inside `(…)`: a link on the site, joined into one line',
      code: communityIssue('* [A post](https://example.com/a-long-\n  path/post.html)'),
      errors: [{ line: 9, message: 'the site makes a link of it', severity: 'warning' }],
      output: communityIssue('* [A post](https://example.com/a-long-path/post.html)'),
    },
    {
      name: 'an empty URL',
      code: issue('– [Simon Buchan on rust-users]()\n'),
      errors: [{ line: 6, message: 'empty URL' }],
    },
    {
      name: 'empty link text: nothing to click (TWiR\'s CI: an empty list item)',
      code: communityIssue('* [](https://example.com/a)\n* [A post](https://example.com/b) by [](https://example.com/author)'),
      errors: [{ line: 9, message: 'no text' }, { line: 10, message: 'no text' }],
    },
    {
      name: 'a stray ) or ] after a link',
      code: communityIssue('* [A post](https://example.com/a))\n* [Another](https://example.com/b)]\n* [Rust (language)](https://en.wikipedia.org/wiki/Rust_(language)))'),
      errors: [{ line: 9, message: 'stray `)`' }, { line: 10, message: 'stray `]`' }, { line: 11, message: 'stray `)`' }],
      output: communityIssue('* [A post](https://example.com/a)\n* [Another](https://example.com/b)\n* [Rust (language)](https://en.wikipedia.org/wiki/Rust_(language))'),
    },
    {
      name: 'mistyped schemes',
      code: communityIssue('* [A](hhttps://example.com/a)\n* [B](https//example.com/b)\n* [C](https://https://example.com/c)'),
      errors: [{ line: 9, message: '`hhttps://`' }, { line: 10, message: '`https//`' }, { line: 11, message: 'twice' }],
      output: communityIssue('* [A](https://example.com/a)\n* [B](https://example.com/b)\n* [C](https://example.com/c)'),
    },
    {
      name: 'a space between ] and (',
      code: communityIssue('* [A post] (https://example.com/a)'),
      errors: [{ line: 9, message: 'space between' }],
      output: communityIssue('* [A post](https://example.com/a)'),
    },
    {
      name: 'a space inside the URL: no fix, the intent is unclear',
      code: communityIssue('* [A post](https://example.com/a b)'),
      errors: [{ line: 9, message: 'space inside the URL' }],
    },
    {
      name: 'a missing ) at the end of the line',
      code: communityIssue('* [A post](https://example.com/a\n* [Rust](https://en.wikipedia.org/wiki/Rust_(language)'),
      errors: [{ line: 9, message: 'never closed' }, { line: 10 }],
      output: communityIssue('* [A post](https://example.com/a)\n* [Rust](https://en.wikipedia.org/wiki/Rust_(language))'),
    },
    {
      name: 'a missing ) with text after it: no fix',
      code: communityIssue('* [A post](https://example.com/a by someone'),
      errors: [{ line: 9, message: 'never closed' }],
    },
    {
      name: 'an extra ]',
      code: communityIssue('* [A post]](https://example.com/a)'),
      errors: [{ line: 9, message: 'extra `]`' }],
      output: communityIssue('* [A post](https://example.com/a)'),
    },
    {
      name: 'no opening [',
      code: communityIssue('* A post](https://example.com/a)'),
      errors: [{ line: 9, message: 'without an opening `[`' }],
    },
  ],
});
