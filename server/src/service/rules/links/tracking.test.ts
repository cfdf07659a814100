import { communityIssue, eventsIssue, issue, testRule } from '../testing';
import rule from './tracking';


testRule(rule, {
  valid: [
    communityIssue('* [A post](https://example.com/post?page=2&utm=kept)'),
    communityIssue('* [Search](https://github.com/search?q=utm_source)'),
    { name: 'inside a comment', code: communityIssue('<!-- * [A post](https://example.com/?utm_source=x) -->') },
  ],
  invalid: [
    {
      name: 'the four parameters TWiR\'s CI rejects, and nothing else left',
      code: communityIssue('* [A post](https://example.com/post?utm_source=rss&utm_medium=rss&utm_campaign=x&utm_content=y)'),
      errors: [{ line: 9, message: '`utm_source`, `utm_medium`, `utm_campaign`, `utm_content`' }],
      output: communityIssue('* [A post](https://example.com/post)'),
    },
    {
      name: 'other parameters and the fragment are kept as written',
      code: communityIssue('* [A post](https://example.com/p?id=1&utm_source=twitter&q=a%20b&fbclid=IwAR0#part)'),
      errors: [{ line: 9, message: '`utm_source`, `fbclid`' }],
      output: communityIssue('* [A post](https://example.com/p?id=1&q=a%20b#part)'),
    },
    {
      name: 'a reference definition, once for two links that use it',
      code: issue('See [one][post] and [two][post].\n\n[post]: https://example.com/?gclid=abc&utm_term=rust\n'),
      errors: [{ line: 8, message: '`gclid`, `utm_term`' }],
      output: issue('See [one][post] and [two][post].\n\n[post]: https://example.com/\n'),
    },
    {
      name: 'an event link',
      code: eventsIssue('### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://www.meetup.com/rust-paris/?utm_medium=referral)\n    * [**Rust meetup #82**](https://www.meetup.com/rust-paris/events/1/)'),
      errors: [{ line: 11 }],
      output: eventsIssue('### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://www.meetup.com/rust-paris/)\n    * [**Rust meetup #82**](https://www.meetup.com/rust-paris/events/1/)'),
    },
  ],
});
