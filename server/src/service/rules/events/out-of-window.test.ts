import { eventsIssue, testRule } from '../testing';
import rule from './out-of-window';

const event = (date: string, city = 'Paris, FR') =>
  `* ${date} | ${city} | [Rust Paris](https://www.meetup.com/rust-paris)\n    * [**Meetup ${date}**](https://www.meetup.com/rust-paris/events/${date}/)`;

testRule(rule, {
  valid: [
    eventsIssue(`### Europe\n${event('2026-01-14')}\n${event('2026-02-11')}`),
    { name: 'a range overlapping the window', code: eventsIssue(`### Europe\n${event('2026-01-12 - 2026-01-15')}\n${event('2026-02-11 - 2026-02-13')}`) },
  ],
  invalid: [
    {
      name: 'past and future events, also under a malformed range',
      code: eventsIssue(`### Virtual\n${event('2026-01-07', 'Virtual (Berlin, DE)')}\n${event('2026-01-15', 'Virtual (Berlin, DE)')}\n\n### Europe\n${event('2026-01-10-12')}\n${event('2026-01-20')}\n${event('2026-02-12')}`),
      errors: [
        { line: 11, message: '2026-01-07 is before the window 2026-01-14 - 2026-02-11.' },
        { line: 17, message: '2026-01-10-12 is before the window' },
        { line: 21, message: '2026-02-12 is after the window 2026-01-14 - 2026-02-11.' },
      ],
      output: eventsIssue(`### Virtual\n${event('2026-01-15', 'Virtual (Berlin, DE)')}\n\n### Europe\n${event('2026-01-20')}`),
    },
    {
      name: 'the last event of the document',
      code: eventsIssue(`### Europe\n${event('2026-01-20')}\n${event('2026-01-02')}`).trimEnd(),
      errors: [{ line: 13 }],
      output: eventsIssue(`### Europe\n${event('2026-01-20')}`).trimEnd(),
    },
  ],
});
