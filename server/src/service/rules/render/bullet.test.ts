import { eventsIssue, issue, testRule } from '../testing';
import rule from './bullet';

testRule(rule, {
  valid: [
    issue('## Updates from Rust Community\n\n### Official\n\n* [A post](https://blog.rust-lang.org/a)\n'),
    issue('## Jobs\n\n---\n\nText - with a dash.\n'),
  ],
  invalid: [
    {
      name: 'dash bullets on an event, top and nested',
      code: eventsIssue('### Europe\n- 2026-01-20 | Paris, FR | [Rust Paris](https://www.meetup.com/rust-paris)\n    - [**Rust meetup #82**](https://www.meetup.com/rust-paris/events/1/)'),
      errors: [{ line: 11, message: '`-`' }, { line: 12 }],
      output: eventsIssue('### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://www.meetup.com/rust-paris)\n    * [**Rust meetup #82**](https://www.meetup.com/rust-paris/events/1/)'),
    },
  ],
});
