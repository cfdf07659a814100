import { issue, testRule } from '../testing';
import rule from './backticks';

testRule(rule, {
  valid: [
    issue('## Jobs\n\n* [Stabilize `Option::zip`](https://github.com/rust-lang/rust/pull/72938)\n'),
    issue('## Jobs\n\n```rust\nlet s = "`";\n```\n'),
    issue('## Jobs\n\n<!-- Use the `call-for-testing label` and ` here -->\n'),
  ],
  invalid: [
    {
      name: 'an odd number of backticks',
      code: issue('## Jobs\n\n* [Stabilize `Option::zip](https://github.com/rust-lang/rust/pull/72938)\n'),
      errors: [{ line: 8, message: 'odd number of backticks' }],
    },
    {
      name: 'empty backticks',
      code: issue('## Jobs\n\nUse `` to quote.\n'),
      errors: [{ line: 8, message: 'Empty backticks' }],
    },
  ],
});
