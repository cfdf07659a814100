import { eventsIssue, testRule } from '../testing';
import rule from './duplicate';

const event = (date: string, id: string) =>
  `* ${date} | Virtual (Berlin, DE) | [Rust Berlin](https://www.meetup.com/rust-berlin)\n    * [**Rust Hack and Learn**](https://www.meetup.com/rust-berlin/events/${id}/)`;

testRule(rule, {
  valid: [
    eventsIssue(`### Virtual\n${event('2026-01-15', '1')}\n${event('2026-01-29', '2')}`),
    { name: 'a hybrid event under Virtual and its continent', code: eventsIssue(`### Virtual\n${event('2026-01-15', '1')}\n\n### Europe\n${event('2026-01-15', '1')}`) },
  ],
  invalid: [
    {
      name: 'the same event twice, and a link copied to another date',
      code: eventsIssue(`### Virtual\n${event('2026-01-15', '1')}\n${event('2026-01-15', '1')}\n${event('2026-01-29', '1')}`),
      errors: [
        { line: 14, message: 'Listed twice under Virtual: same title, link and date as line 11.' },
        { line: 16, message: 'Same title and link as the event of 2026-01-15 (line 11): is the link of this one right?' },
      ],
      output: eventsIssue(`### Virtual\n${event('2026-01-15', '1')}\n${event('2026-01-29', '1')}`),
    },
  ],
});
