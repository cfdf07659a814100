import { eventsIssue, issue, testRule } from '../testing';
import rule from './region-heading';

const event = (date: string, location: string) =>
  `* ${date} | ${location} | [Group](https://example.com/${date})\n    * [**Meetup**](https://example.com/${date}/events/1/)`;
const EUROPE = event('2026-01-20', 'Paris, FR');
const ASIA = event('2026-01-21', 'Seoul, KR');

testRule(rule, {
  valid: [eventsIssue(`### Virtual\n${event('2026-01-15', 'Virtual')}\n\n### Asia\n${ASIA}\n\n### Europe\n${EUROPE}`)],
  invalid: [
    {
      name: 'a trailing colon, another case, an unknown name and a legacy name',
      code: eventsIssue(`### Online\n${event('2026-01-15', 'Virtual')}\n\n### asia\n${ASIA}\n\n### Oceania:\n${event('2026-01-22', 'Perth, WA, AU')}\n\n### Antarctica\n${event('2026-01-23', 'McMurdo, AQ')}`),
      errors: [
        { line: 10, message: '"Online" is a region name of older issues: today it is Virtual.', severity: 'error' },
        { line: 14, message: 'Write the region as `Asia`.', severity: 'warning' },
        { line: 18, message: 'Region heading with a trailing colon: write `Oceania`.', severity: 'error' },
        { line: 22, message: 'Unknown region "Antarctica".' },
      ],
      output: eventsIssue(`### Virtual\n${event('2026-01-15', 'Virtual')}\n\n### Asia\n${ASIA}\n\n### Oceania\n${event('2026-01-22', 'Perth, WA, AU')}\n\n### Antarctica\n${event('2026-01-23', 'McMurdo, AQ')}`),
    },
    {
      name: 'region headings at the wrong level, nested and after the section',
      code: issue(`## Upcoming Events\n\nRusty Events between 2026-01-14 - 2026-02-11 🦀\n\n### Asia\n${ASIA}\n\n#### Europe\n${EUROPE}\n\n## North America\n${event('2026-01-22', 'Boston, MA, US')}\n\n## Jobs\n`),
      errors: [
        { line: 14, message: 'A region heading is level 3 (`### Europe`), not level 4.' },
        { line: 18, message: 'not level 2' },
      ],
      output: issue(`## Upcoming Events\n\nRusty Events between 2026-01-14 - 2026-02-11 🦀\n\n### Asia\n${ASIA}\n\n### Europe\n${EUROPE}\n\n### North America\n${event('2026-01-22', 'Boston, MA, US')}\n\n## Jobs\n`),
    },
    {
      name: 'regions out of order, the closing text staying last',
      code: eventsIssue(`### Europe\n${EUROPE}\n\n### Virtual\n${event('2026-01-15', 'Virtual')}\n\n### Asia\n${ASIA}\n\nIf you are running a Rust event please add it to the [calendar].`),
      errors: [
        { line: 14, message: 'Virtual goes before Europe: Virtual first, then the continents A–Z.', severity: 'warning' },
        { line: 18, message: 'Asia goes before Europe' },
      ],
      output: eventsIssue(`### Virtual\n${event('2026-01-15', 'Virtual')}\n\n### Asia\n${ASIA}\n\n### Europe\n${EUROPE}\n\nIf you are running a Rust event please add it to the [calendar].`),
    },
  ],
});
