import { eventsIssue, issue, testRule } from '../testing';
import rule from './list-after-paragraph';

testRule(rule, {
  valid: [
    issue('## Jobs\n* [A job](https://example.com/j)\n'),
    issue('## Jobs\n\nSome text.\n\n* [A job](https://example.com/j)\n'),
    issue('## Jobs\n<!-- Jobs go here -->\n* [A job](https://example.com/j)\n'),
    // Wrapped lines of a list item, then the next item (the FCP "No Items entered…" sentence).
    issue('#### Tracking Issues & PRs\n* *No Items entered Final Comment Period this week for\n  [Rust RFCs](https://github.com/rust-lang/rfcs) or\n  [Cargo](https://github.com/rust-lang/cargo).*\n* [Stabilize it](https://github.com/rust-lang/rust/pull/1)\n'),
    issue('## Jobs\n\n---\n* [A job](https://example.com/j)\n'),
    issue('## Jobs\n\n```\ntext\n* not a list\n```\n'),
  ],
  invalid: [
    {
      name: 'a list right under a comment line with text after `-->` (2026-07-08: a space): the site renders a paragraph',
      code: issue('## Jobs\n\n<!-- Jobs go here --> \n* [A job](https://example.com/j)\n'),
      errors: [{ line: 8, message: 'Text after `-->`' }],
      output: issue('## Jobs\n\n<!-- Jobs go here -->\n* [A job](https://example.com/j)\n'),
    },
    {
      name: 'a list right after an intro paragraph',
      code: issue('### [Approved RFCs](https://github.com/rust-lang/rfcs/commits/master)\n\nThese are the RFCs that were approved this week:\n* [RFC 1](https://github.com/rust-lang/rfcs/pull/1)\n* [RFC 2](https://github.com/rust-lang/rfcs/pull/2)\n'),
      errors: [{ line: 9, message: 'follows a paragraph' }],
      output: issue('### [Approved RFCs](https://github.com/rust-lang/rfcs/commits/master)\n\nThese are the RFCs that were approved this week:\n\n* [RFC 1](https://github.com/rust-lang/rfcs/pull/1)\n* [RFC 2](https://github.com/rust-lang/rfcs/pull/2)\n'),
    },
    {
      name: 'a list right after a block quote (Python-Markdown takes it into the quote)',
      code: issue('# Quote of the Week\n\n> Some quote\n* [Not a quote](https://example.com/q)\n'),
      errors: [{ line: 9 }],
      output: issue('# Quote of the Week\n\n> Some quote\n\n* [Not a quote](https://example.com/q)\n'),
    },
    {
      name: 'an event after a stray line under its region heading: no fix, a blank line would end the region',
      code: eventsIssue('### Virtual\nMore events to be announced\n* 2026-01-15 | Virtual | [Rust Berlin](https://example.com/b)\n    * [**Hack and Learn**](https://example.com/b/1)'),
      errors: [{ line: 12 }],
    },
  ],
});
