import { eventsIssue, issue, testRule } from '../testing';
import rule from './window-header';

const PARIS = '### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://www.meetup.com/rust-paris)\n    * [**Rust meetup #82**](https://www.meetup.com/rust-paris/events/1/)\n';
const events = (window: string) => issue(`## Upcoming Events\n\n${window}\n\n${PARIS}`);

testRule(rule, {
  valid: [
    eventsIssue(PARIS),
    { name: "a themed week's decoration around the crab (2024-02-14)", code: events('Rusty Events between 2026-01-14 - 2026-02-11 💕 🦀 💕') },
    { name: 'a legacy issue', code: issue('# Upcoming Events\n\nRusty Events between 11/24-12/08 🦀\n\n* [Nov 24. Online - Rust meetup](https://example.com)\n', '2021-11-24', 418) },
  ],
  invalid: [
    {
      name: 'a decorated window line keeps its decoration when its dates are rewritten',
      code: events('Rusty Events between 2026-01-07 - 2026-02-04 💕 🦀 💕'),
      errors: [
        { line: 8, message: 'The window starts 2026-01-07, but the issue is dated 2026-01-14.' },
        { line: 8, message: 'it should end 28 days after 2026-01-14, on 2026-02-11' },
      ],
      output: events('Rusty Events between 2026-01-14 - 2026-02-11 💕 🦀 💕'),
    },
    {
      name: "last week's window",
      code: events('Rusty Events between 2026-01-07 - 2026-02-04 🦀'),
      errors: [
        { line: 8, message: 'The window starts 2026-01-07, but the issue is dated 2026-01-14.' },
        { line: 8, message: 'it should end 28 days after 2026-01-14, on 2026-02-11' },
      ],
      output: events('Rusty Events between 2026-01-14 - 2026-02-11 🦀'),
    },
    {
      name: 'an unpadded end date',
      code: events('Rusty Events between 2026-01-14 - 2026-2-11 🦀'),
      errors: [{ line: 8, message: 'The window ends 2026-2-11' }],
      output: events('Rusty Events between 2026-01-14 - 2026-02-11 🦀'),
    },
    {
      name: 'a malformed window',
      code: events('Rusty Events between 2026-01-14 to 2026-02-11 🦀'),
      errors: [{ line: 8, message: 'Malformed window line: it should read `Rusty Events between 2026-01-14 - 2026-02-11 🦀`.' }],
      output: events('Rusty Events between 2026-01-14 - 2026-02-11 🦀'),
    },
    {
      name: 'a mis-decoded crab is left to text/mojibake',
      code: events('Rusty Events between 2026-01-07 - 2026-02-04 ðŸ¦€'),
      errors: [{ line: 8 }, { line: 8 }],
      output: events('Rusty Events between 2026-01-14 - 2026-02-11 ðŸ¦€'),
    },
    {
      name: 'the crab lost',
      code: events('Rusty Events between 2026-01-14 - 2026-02-11'),
      errors: [{ line: 8, message: 'lost its 🦀', severity: 'warning' }],
      output: events('Rusty Events between 2026-01-14 - 2026-02-11 🦀'),
    },
    {
      name: 'no window line',
      code: issue(`## Upcoming Events\n\n${PARIS}`),
      errors: [{ line: 6, message: 'no window line' }],
      output: events('Rusty Events between 2026-01-14 - 2026-02-11 🦀'),
    },
  ],
});
