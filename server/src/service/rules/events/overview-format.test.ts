import { eventsIssue, testRule } from '../testing';
import rule from './overview-format';

const TITLE = '    * [**Rust meetup**](https://example.com/events/1/)';
const line = (overview: string) => `${overview}\n${TITLE}`;
const GROUP = '[Rust Paris](https://www.meetup.com/rust-paris)';

testRule(rule, {
  valid: [
    eventsIssue(`### Europe\n${line(`* 2026-01-20 | Paris, FR | ${GROUP}`)}\n${line(`* 2026-01-21 - 2026-01-23 | Paris, FR | ${GROUP} + [Rust FR](https://example.com/fr)`)}`),
    { name: 'trailing whitespace is left to text/trailing-space', code: eventsIssue(`### Europe\n${line(`* 2026-01-20 | Paris, FR | ${GROUP}  `)}`) },
  ],
  invalid: [
    {
      name: 'dates: padding, malformed ranges, invalid days, not a date',
      code: eventsIssue(
        `### Europe\n${line(`* 2026-01-2 | Paris, FR | ${GROUP}`)}\n${line(`* 2026-01-27-28 | Paris, FR | ${GROUP}`)}\n${line(`* 2026-01-27 & 2026-01-28 | Paris, FR | ${GROUP}`)}\n${line(`* 2026-01-27, 2026-01-28 | Paris, FR | ${GROUP}`)}\n${line(`* 2026-02-30 | Paris, FR | ${GROUP}`)}\n${line(`* 2026-01-28 - 2026-01-27 | Paris, FR | ${GROUP}`)}`,
      ),
      errors: [
        { line: 11, message: 'Write the date as 2026-01-02.', severity: 'warning' },
        { line: 13, message: 'Write the date range as 2026-01-27 - 2026-01-28, not "2026-01-27-28".', severity: 'warning' },
        { line: 15, message: 'Write the date range as 2026-01-27 - 2026-01-28, not "2026-01-27 & 2026-01-28".' },
        { line: 17, message: 'Write the date range as 2026-01-27 - 2026-01-28, not "2026-01-27, 2026-01-28".' },
        { line: 19, message: '2026-02-30 is not a calendar date.', severity: 'error' },
        { line: 21, message: 'The range 2026-01-28 - 2026-01-27 ends before it starts.' },
      ],
      output: eventsIssue(
        `### Europe\n${line(`* 2026-01-02 | Paris, FR | ${GROUP}`)}\n${line(`* 2026-01-27 - 2026-01-28 | Paris, FR | ${GROUP}`)}\n${line(`* 2026-01-27 - 2026-01-28 | Paris, FR | ${GROUP}`)}\n${line(`* 2026-01-27 - 2026-01-28 | Paris, FR | ${GROUP}`)}\n${line(`* 2026-02-30 | Paris, FR | ${GROUP}`)}\n${line(`* 2026-01-28 - 2026-01-27 | Paris, FR | ${GROUP}`)}`,
      ),
    },
    {
      name: 'bullet, separators, groups and text after the link',
      code: eventsIssue(
        `### Europe\n${line(`2026-01-20 | Paris, FR | ${GROUP}`)}\n${line(`* 2026-01-20 | Paris, FR| ${GROUP}`)}\n${line(`* 2026-01-20 |Paris, FR  |  ${GROUP}`)}\n${line(`* 2026-01-20 | Paris, FR | ${GROUP} | [Rust FR](https://example.com/fr)`)}\n${line(`* 2026-01-20 | Paris, FR | ${GROUP} (in French)`)}\n${line(`* 2026-01-20 | ${GROUP}`)}`,
      ),
      errors: [
        { line: 11, message: 'no `* ` bullet', severity: 'error' },
        { line: 13, message: 'Separate the fields with ` | `, not `| `.', severity: 'warning' },
        { line: 15, message: 'not ` |`' },
        { line: 15, message: 'not `  |  `' },
        { line: 17, message: 'Join several groups with ` + `.' },
        { line: 19, message: 'Text after the group link: "(in French)".' },
        { line: 21, message: 'The event line misses the location', severity: 'error' },
      ],
      output: eventsIssue(
        `### Europe\n${line(`* 2026-01-20 | Paris, FR | ${GROUP}`)}\n${line(`* 2026-01-20 | Paris, FR | ${GROUP}`)}\n${line(`* 2026-01-20 | Paris, FR | ${GROUP}`)}\n${line(`* 2026-01-20 | Paris, FR | ${GROUP} + [Rust FR](https://example.com/fr)`)}\n${line(`* 2026-01-20 | Paris, FR | ${GROUP}`)}\n${line(`* 2026-01-20 | ${GROUP}`)}`,
      ),
    },
    {
      name: 'one finding for one problem: a missing location, a comma before the group',
      code: eventsIssue(`### Asia\n${line(`* 2025-10-29 || ${GROUP}`)}\n${line(`* 2026-03-19 - 2026-03-20 | | ${GROUP}`)}\n${line(`* 2026-04-17 | Bangalore, IN, ${GROUP}`)}`),
      errors: [
        { line: 11, message: 'The event line misses the location' },
        { line: 13, message: 'The event line misses the location' },
        { line: 15, message: 'The location and the group are separated by a comma: write ` | `.' },
      ],
      output: eventsIssue(`### Asia\n${line(`* 2025-10-29 || ${GROUP}`)}\n${line(`* 2026-03-19 - 2026-03-20 | | ${GROUP}`)}\n${line(`* 2026-04-17 | Bangalore, IN | ${GROUP}`)}`),
    },
    {
      name: 'an event line indented like a title (VS Code indents the line after one): dedented, never a title',
      code: eventsIssue(`### Europe\n${line(`* 2026-01-20 | Paris, FR | ${GROUP}`)}\n${line(`  * 2026-01-21 | Paris, FR | ${GROUP}`)}\n${line(`    * 2026-01-22 | Paris, FR | ${GROUP}`)}`),
      errors: [
        { line: 13, message: 'The event line is indented by 2 spaces' },
        { line: 15, message: 'The event line is indented by 4 spaces' },
      ],
      output: eventsIssue(`### Europe\n${line(`* 2026-01-20 | Paris, FR | ${GROUP}`)}\n${line(`* 2026-01-21 | Paris, FR | ${GROUP}`)}\n${line(`* 2026-01-22 | Paris, FR | ${GROUP}`)}`),
    },
    {
      name: 'prose and a link reference definition after an event line are no part of it',
      code: eventsIssue(`### Europe\n* 2026-01-20 | Paris, FR | ${GROUP}\nTriage done by the events team.\n* 2026-01-21 | Paris, FR | ${GROUP}\n[calendar]: https://www.google.com/calendar/embed?src=x\n${line(`* 2026-01-22 | Paris, FR | ${GROUP}`)}`),
      errors: [],
    },
    {
      name: 'a sentence after an event line whose URL is cut short is no rest of the URL (found by the fix-all fuzz)',
      code: eventsIssue(`### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://\nSome notes about these events.`),
      // Not "broken over 2 lines": joining the sentence into the URL would lose it.
      errors: [{ line: 11, message: 'The group is a link' }],
    },
    {
      name: 'an event written as a heading, and a hard-wrapped event line (in and outside a URL)',
      code: eventsIssue(`### Europe\n${line(`# 2026-01-20 | Paris, FR | ${GROUP}`)}\n* 2026-01-21 | Paris, FR | [Rust\nParis](https://www.meetup.com/\nrust-paris)\n${TITLE}`),
      errors: [
        { line: 11, message: 'The event is written as a heading' },
        { line: 13, message: 'The event line is broken over 3 lines' },
      ],
      output: eventsIssue(`### Europe\n${line(`* 2026-01-20 | Paris, FR | ${GROUP}`)}\n* 2026-01-21 | Paris, FR | [Rust Paris](https://www.meetup.com/rust-paris)\n${TITLE}`),
    },
  ],
});
