import { eventsIssue, testRule } from '../testing';
import rule from './blank-lines';

const event = (day: string) => `* 2026-01-${day} | Paris, FR | [Rust Paris](https://www.meetup.com/rust-paris)\n    * [**Meetup ${day}**](https://www.meetup.com/rust-paris/events/${day}/)`;
/** The events section of an issue of another date (window and events are not this rule's concern). */
const olderIssue = (body: string) => eventsIssue(body).replace('Date: 2026-01-14', 'Date: 2024-01-24');

testRule(rule, {
  valid: [
    eventsIssue(`### Virtual\n${event('15')}\n\n### Europe\n${event('20')}\n${event('21')}\n\n<!-- a note -->\n### Oceania\n${event('22')}`),
    { name: 'a blank line under the region heading in 2024, the style of its time', code: olderIssue(`### Europe\n\n${event('20')}\n${event('21')}`) },
  ],
  invalid: [
    {
      name: 'a blank line inside a region, under its heading, a heading right after an event, and a line of spaces',
      code: eventsIssue(`### Virtual\n\n${event('15')}\n\n\n${event('16')}\n### Europe\n${event('20')}\n    \n### Oceania\n${event('22')}`),
      errors: [
        { line: 11, message: 'between the region heading and its first event' },
        { line: 14, message: 'A blank line inside a region' },
        { line: 18, message: 'Leave a blank line before a region heading' },
        { line: 21, message: 'A line of nothing but spaces' },
      ],
      output: eventsIssue(`### Virtual\n${event('15')}\n${event('16')}\n\n### Europe\n${event('20')}\n\n### Oceania\n${event('22')}`),
    },
    {
      name: 'a blank line between an event line and its title',
      code: eventsIssue(`### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com)\n\n    * [**Meetup**](https://example.com/1)`),
      errors: [{ line: 12, message: 'A blank line inside a region' }],
      output: eventsIssue(`### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com)\n    * [**Meetup**](https://example.com/1)`),
    },
  ],
});
