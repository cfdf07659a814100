import { issue, testRule } from '../testing';
import rule from './event-format';

const events = (lines: string) => issue(`## Call for Participation; projects and speakers\n\n### CFP - Events\n\nAre you a speaker?\n\n${lines}\n`);

testRule(rule, {
  valid: [
    events('* [**RustWeek 2026**](https://sessionize.com/rustweek-2026/) | CFP closes 2026-01-18 | Utrecht, The Netherlands | 2026-05-19 - 2026-05-20'),
    events('* [**Oxidize Conference**](https://pretalx.com/oxidize-2026/cfp) | CFP open until 2026-03-23 | Berlin, Germany | Event date: 2026-09-14'),
    events('*No Calls for papers or presentations were submitted this week.*'),
  ],
  invalid: [
    {
      name: "the template's spacing, copied into 33 published lines",
      code: events('* [**TokioConf 2026**](https://tokio.rs/blog/cfp)| CFP closes 2026-01-20 | Portland, Oregon, USA |2026-04-20'),
      errors: [{ line: 12, message: 'one space on each side' }, { line: 12 }],
      output: events('* [**TokioConf 2026**](https://tokio.rs/blog/cfp) | CFP closes 2026-01-20 | Portland, Oregon, USA | 2026-04-20'),
    },
    {
      name: 'an event name not in bold, and extra space after the bullet',
      code: events('*  [RustConf 2026](https://sessionize.com/rustconf-2026/) | CFP closes 2026-02-16 | Montreal, Quebec, Canada | 2026-09-08'),
      errors: [{ line: 12, message: 'one space after the bullet' }, { line: 12, message: 'in bold' }],
      output: events('* [**RustConf 2026**](https://sessionize.com/rustconf-2026/) | CFP closes 2026-02-16 | Montreal, Quebec, Canada | 2026-09-08'),
    },
    {
      name: 'dates: closed before the issue, not a date, unpadded, missing',
      code: events(
        '* [**A**](https://a.example/) | CFP closes 2025-12-08 | Portland, Oregon, USA | 2026-04-20\n' +
          '* [**B**](https://b.example/) | CFP closes 2026-02-30 | Utrecht, The Netherlands | 2026-5-19\n' +
          '* [**C**](https://c.example/) | Rolling | Vienna, Austria | Event date: 2026-10-10',
      ),
      errors: [
        { line: 12, message: 'closed on 2025-12-08, before this issue' },
        { line: 13, message: '2026-02-30 is not a date' },
        { line: 13, message: 'YYYY-MM-DD: 2026-05-19' },
        { line: 14, message: 'No closing date' },
      ],
    },
    {
      name: 'fields missing',
      code: events('* [Oxidize 2024](https://oxidizeconf.com/) [CFP](https://pretalx.com/cfp) closes 2026-03-24 | Berlin, Germany'),
      errors: [{ line: 12, message: 'in bold' }, { line: 12, message: 'four fields' }],
      output: events('* [**Oxidize 2024**](https://oxidizeconf.com/) [CFP](https://pretalx.com/cfp) closes 2026-03-24 | Berlin, Germany'),
    },
  ],
});
