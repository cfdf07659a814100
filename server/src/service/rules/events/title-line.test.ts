import { eventsIssue, testRule } from '../testing';
import rule from './title-line';

const OVERVIEW = '* 2026-01-20 | Paris, FR | [Rust Paris](https://www.meetup.com/rust-paris)';
const TITLE = '[**Rust meetup #82**](https://www.meetup.com/rust-paris/events/1/)';

testRule(rule, {
  valid: [
    eventsIssue(`### Europe\n${OVERVIEW}\n    * ${TITLE}`),
    { name: 'bold-italic titles, as the events linter accepts', code: eventsIssue(`### Europe\n${OVERVIEW}\n    * [***Rust meetup***](https://example.com/1)`) },
    { name: 'a hard-wrapped event line with its title below', code: eventsIssue(`### Europe\n* 2026-01-20 | Paris, FR | [Rust\nParis](https://www.meetup.com/rust-paris)\n    * ${TITLE}`) },
    { name: 'a multi-day event with a title line per day', code: eventsIssue(`### Europe\n${OVERVIEW}\n    * ${TITLE}\n    * [**Day 2**](https://example.com/2)`) },
  ],
  invalid: [
    {
      name: 'indented by 2, not at all, by 6, and without bullet',
      code: eventsIssue(`### Europe\n${OVERVIEW}\n  * ${TITLE}\n${OVERVIEW}\n* ${TITLE}\n${OVERVIEW}\n      * ${TITLE}\n${OVERVIEW}\n    ${TITLE}`),
      errors: [
        { line: 12, message: 'indented by 2 spaces: it renders flat on the site, not nested', severity: 'error' },
        { line: 14, message: 'it renders as an event of its own', severity: 'error' },
        { line: 16, message: 'indented by 6 spaces', severity: 'warning' },
        { line: 18, message: 'no `* ` bullet', severity: 'error' },
      ],
      output: eventsIssue(`### Europe\n${OVERVIEW}\n    * ${TITLE}\n${OVERVIEW}\n    * ${TITLE}\n${OVERVIEW}\n    * ${TITLE}\n${OVERVIEW}\n    * ${TITLE}`),
    },
    {
      name: 'a title that is not bold, a title line without link, a missing title line',
      code: eventsIssue(`### Europe\n${OVERVIEW}\n    * [Rust meetup](https://example.com/1)\n${OVERVIEW}\n    * Rust meetup\n${OVERVIEW}\n${OVERVIEW}\n    * ${TITLE}`),
      errors: [
        { line: 12, message: 'Event titles are bold: `[**Rust meetup**](…)`.', severity: 'error' },
        { line: 14, message: 'The title line is a link', severity: 'warning' },
        { line: 15, message: 'The event has no title line', severity: 'error' },
      ],
      output: eventsIssue(`### Europe\n${OVERVIEW}\n    * [**Rust meetup**](https://example.com/1)\n${OVERVIEW}\n    * Rust meetup\n${OVERVIEW}\n${OVERVIEW}\n    * ${TITLE}`),
    },
    {
      name: 'partly bold, unbalanced, and the second of two titles not bold',
      code: eventsIssue(
        `### Europe\n${OVERVIEW}\n    * [**Rust Meetup #19**: Talks](https://example.com/1)\n${OVERVIEW}\n    * [**Oxidize Conference](https://example.com/2)\n${OVERVIEW}\n    * ${TITLE} + [Workshop](https://example.com/3)`,
      ),
      errors: [
        { line: 12, message: 'Only part of the title is bold: write the whole of it in bold, `[**Rust Meetup #19: Talks**](…)`.', severity: 'error' },
        { line: 14, message: 'Only part of the title is bold', severity: 'error' },
        { line: 16, message: 'Event titles are bold: `[**Workshop**](…)`.' },
      ],
      output: eventsIssue(
        `### Europe\n${OVERVIEW}\n    * [**Rust Meetup #19: Talks**](https://example.com/1)\n${OVERVIEW}\n    * [**Oxidize Conference**](https://example.com/2)\n${OVERVIEW}\n    * ${TITLE} + [**Workshop**](https://example.com/3)`,
      ),
    },
    {
      name: 'a hard-wrapped event line is not taken for a title line',
      code: eventsIssue(`### Europe\n* 2026-01-20 | Paris, FR | [Rust\nParis](https://www.meetup.com/rust-paris)\n${OVERVIEW}`),
      errors: [
        { line: 11, message: 'The event has no title line' },
        { line: 13, message: 'The event has no title line' },
      ],
    },
  ],
});
