import { issue, testRule } from '../testing';
import rule from './backticks';

testRule(rule, {
  valid: [
    issue('## Jobs\n\n* [Stabilize `Option::zip`](https://github.com/rust-lang/rust/pull/72938)\n'),
    { name: 'fence markers are not counted', code: issue('## Jobs\n\n```rust\nlet s = "`x`";\n```\n\n````\n````\n') },
  ],
  invalid: [
    {
      name: 'an odd number of backticks',
      code: issue('## Jobs\n\n* [Stabilize `Option::zip](https://github.com/rust-lang/rust/pull/72938)\n'),
      errors: [{ line: 8, message: 'odd number of backticks' }],
    },
    {
      name: 'empty backticks, once a line',
      code: issue('## Jobs\n\nUse `` to quote, or ``.\n'),
      errors: [{ line: 8, message: 'Empty backticks' }],
    },
    {
      name: 'every line counts, as TWiR\'s CI counts them: comments and code too',
      code: issue('## Jobs\n\n<!-- Use the `call-for-testing label` and ` here -->\n\n```rust\nlet s = "`";\n```\n'),
      errors: [{ line: 8, message: 'odd number' }, { line: 11, message: 'odd number' }],
    },
  ],
});
