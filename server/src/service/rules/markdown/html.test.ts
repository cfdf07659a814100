import { issue, testRule } from '../testing';
import rule from './html';

testRule(rule, {
  valid: [
    issue('## Jobs\n\n<small>[Discuss on r/rust](https://www.reddit.com/r/rust/)</small>\n\nOne<br />two\n'),
    issue('## Jobs\n\n* [Relax bounds on `BufReader<T>`](https://github.com/rust-lang/rust/pull/1) <https://example.com/a>\n'),
    issue('## Jobs\n\n<!-- <details> in a comment -->\n\n```\nVec<T>\n```\n'),
  ],
  invalid: [
    {
      name: 'generics outside backticks, and a tag off the list',
      code: issue('## Jobs\n\n* [Relax bounds on BufReader<T>](https://github.com/rust-lang/rust/pull/1)\n\n<details>More</details>\n'),
      errors: [{ line: 8, message: '`<T>`' }, { line: 10, message: '`<details>`' }, { line: 10, message: '`</details>`' }],
    },
    {
      name: "what Python-Markdown and the CI read as tags: <u*>, <K,V>, <T: Copy>, <T.0>, <T=u8>",
      code: issue('## Jobs\n\nA <u*> pointer, a HashMap<K,V>, a <T: Copy> bound, a <T.0> field and <T=u8>, but not `Vec<T>` nor <https://example.com>.\n'),
      errors: [{ line: 8, message: '`<u*>`' }, { line: 8, message: '`<K,V>`' }, { line: 8, message: '`<T: Copy>`' }, { line: 8, message: '`<T.0>`' }, { line: 8, message: '`<T=u8>`' }],
    },
    {
      name: 'an escaped `\\<T\\>`: a visible backslash, not a tag',
      code: issue('## Jobs\n\nImplement From\\<T\\> for Box.\n'),
      errors: [{ line: 8, message: 'The site shows this backslash: Python-Markdown does not escape `<`.', severity: 'warning' }],
    },
    {
      name: 'an empty list item',
      code: issue('## Jobs\n\n* [A job](https://example.com/j)\n* \n* <!-- nothing yet -->\n\n<ul><li>One</li><li></li></ul>\n'),
      errors: [{ line: 9, message: 'empty list item' }, { line: 10 }, { line: 12, message: 'empty list item' }],
    },
  ],
});
