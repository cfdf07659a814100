import { eventsIssue, issue, testRule } from '../testing';
import rule from './nested-indent';

testRule(rule, {
  valid: [
    issue('## Calls for Testing\n\n* [eRFC: cargo script](https://github.com/rust-lang/rfcs/pull/3424)\n    * [Testing steps](https://github.com/rust-lang/rfcs/pull/3424#c)\n'),
    issue('## Calls for Testing\n\n[Rust](https://github.com/rust-lang/rust)\n    * [Feature](https://example.com/f)\n        * [Testing steps](https://example.com/s)\n'),
    issue('## Jobs\n\n* *No calls for testing were issued this week by\n  [Rust](https://github.com/rust-lang/rust) or\n  [Cargo](https://github.com/rust-lang/cargo).*\n'),
    issue('## Jobs\n\n* An item\n\t* nested with a tab\n'),
    // Event title lines belong to events/title-line.
    eventsIssue('### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://www.meetup.com/rust-paris)\n  * [**Rust meetup #82**](https://www.meetup.com/rust-paris/events/1/)'),
  ],
  invalid: [
    {
      name: 'the 2024-11-20 Calls for Testing: a nested item indented by 2',
      code: issue('### [Rust](https://github.com/rust-lang/rust/labels/call-for-testing)\n* *No calls for testing were issued this week.*\n  - [Testing steps](https://example.com/s)\n'),
      errors: [{ line: 8, message: 'indented by 2 spaces' }],
      output: issue('### [Rust](https://github.com/rust-lang/rust/labels/call-for-testing)\n* *No calls for testing were issued this week.*\n    - [Testing steps](https://example.com/s)\n'),
    },
    {
      name: 'three levels indented by 2 and 3: each goes 4 deeper than its parent',
      code: issue('## Calls for Testing\n\n* [Feature](https://example.com/f)\n  * [Tracking issue](https://example.com/t)\n     * [Testing steps](https://example.com/s)\n  * [Docs](https://example.com/d)\n'),
      errors: [{ line: 9 }, { line: 10, message: 'Indent it by 8' }, { line: 11 }],
      output: issue('## Calls for Testing\n\n* [Feature](https://example.com/f)\n    * [Tracking issue](https://example.com/t)\n        * [Testing steps](https://example.com/s)\n    * [Docs](https://example.com/d)\n'),
    },
  ],
});
