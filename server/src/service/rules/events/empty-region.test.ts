import { eventsIssue, testRule } from '../testing';
import rule from './empty-region';

const PARIS = '* 2026-01-20 | Paris, FR | [Rust Paris](https://www.meetup.com/rust-paris)\n    * [**Rust meetup #82**](https://www.meetup.com/rust-paris/events/1/)';

testRule(rule, {
  valid: [eventsIssue(`### Europe\n${PARIS}`)],
  invalid: [
    {
      name: 'empty regions between, after a blank line, and last before the closing text',
      code: eventsIssue(`### Virtual\n\n### Asia\n### Europe\n\n${PARIS}\n\n### Oceania\n\nIf you are running a Rust event please add it to the [calendar].`),
      errors: [
        { line: 10, message: 'Virtual has no events.' },
        { line: 12, message: 'Asia has no events.' },
        { line: 18, message: 'Oceania has no events.' },
      ],
      output: eventsIssue(`### Europe\n\n${PARIS}\n\nIf you are running a Rust event please add it to the [calendar].`),
    },
  ],
});
