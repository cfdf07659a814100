import { eventsIssue, testRule } from '../testing';
import rule from './stray-line';

const event = (day: string) => `* 2026-01-${day} | Paris, FR | [Rust Paris](https://www.meetup.com/rust-paris)\n    * [**Meetup ${day}**](https://www.meetup.com/rust-paris/events/${day}/)`;

testRule(rule, {
  valid: [eventsIssue(`### Europe\n${event('20')}\n${event('21')}`), { name: 'a blank line between an event line and its title', code: eventsIssue(`### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com)\n\n    * [**Meetup**](https://example.com/1)`) }],
  invalid: [
    {
      name: 'text between events, an orphaned title, an item without a date',
      code: eventsIssue(`### Europe\n${event('20')}\nTBD: more to come\n${event('21')}\n\n* [**Orphan**](https://example.com/orphan)\n* [Rust Lyon](https://example.com/lyon)\n${event('22')}`),
      errors: [
        { line: 13, message: 'This line is not an event' },
        { line: 17, message: 'A title line without its event line' },
        { line: 18, message: 'This line is not an event' },
      ],
    },
  ],
});
