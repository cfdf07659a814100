import { issue, testRule } from '../testing';
import rule from './event-format';

const events = (lines: string) => issue(`## Call for Participation; projects and speakers\n\n### CFP - Events\n\nAre you a speaker?\n\n${lines}\n`);

testRule(rule, {
  valid: [
    events('* [**RustWeek 2026**](https://sessionize.com/rustweek-2026/) | CFP closes 2026-01-18 | Utrecht, The Netherlands | 2026-05-19 - 2026-05-20'),
    events('* [**Oxidize Conference**](https://pretalx.com/oxidize-2026/cfp) | CFP open until 2026-03-23 | Berlin, Germany | Event date: 2026-09-14'),
    events('*No Calls for papers or presentations were submitted this week.*'),
    { name: 'a deadline in words (2025-01-15)', code: events('* [**Rust Summit**](https://example.com/cfp) | Rolling deadline | Belgrade, RS | Event date: 2026-06-12') },
    {
      name: 'a plain name in 2024, the style of its time',
      code: events('* [RustConf 2024](https://sessionize.com/rustconf-2024/) | CFP closes 2024-02-16 | Montreal, Quebec, Canada | 2024-09-08').replace('Date: 2026-01-14', 'Date: 2024-01-24'),
    },
  ],
  invalid: [
    {
      name: "the template's `)|` before the first field: a hint, both forms were published every year",
      code: events('* [**TokioConf 2026**](https://tokio.rs/blog/cfp)| CFP closes 2026-01-20 | Portland, Oregon, USA | 2026-04-20'),
      errors: [{ line: 12, message: 'Most CFP lines put a space before the first `|`', severity: 'hint' }],
      output: events('* [**TokioConf 2026**](https://tokio.rs/blog/cfp) | CFP closes 2026-01-20 | Portland, Oregon, USA | 2026-04-20'),
    },
    {
      name: 'a year not updated: the event before its CFP closes, a fifth field after the dates; a year already past',
      code: events(
        '* [**Rustikon 2026**](https://sessionize.com/rustikon-2026/) | CFP closes 2026-01-24 | Warsaw, Poland | 2025-03-19 - 2025-03-20 | [Event Website](https://www.rustikon.dev)\n' +
          '* [**NDC Techtown**](https://ndctechtown.com/call-for-papers) | CFP open until 2025-04-14 | Kongsberg, Norway | 2026-09-09 - 2026-09-12',
      ),
      errors: [
        { line: 12, message: 'four fields' },
        { line: 12, message: 'The event ends on 2025-03-20, before its CFP closes on 2026-01-24: is the year wrong?', severity: 'error' },
        { line: 13, message: 'This CFP closed on 2025-04-14, before this issue\'s date 2026-01-14: a year already past', severity: 'error' },
      ],
    },
    {
      name: 'spacing other than the template\'s',
      code: events('* [**TokioConf 2026**](https://tokio.rs/blog/cfp) |CFP closes 2026-01-20 | Portland, Oregon, USA |2026-04-20'),
      errors: [{ line: 12, message: 'one space on each side' }, { line: 12, message: 'one space on each side' }],
      output: events('* [**TokioConf 2026**](https://tokio.rs/blog/cfp) | CFP closes 2026-01-20 | Portland, Oregon, USA | 2026-04-20'),
    },
    {
      name: 'a name bold on one side and an empty field (found by the fix-all fuzz: `[****Oxidize Conference**]`, `|  |`)',
      code: events('* [**Oxidize Conference](https://pretalx.com/oxidize-2026/cfp) || CFP open until 2026-03-23 | Berlin, Germany | 2026-09-14'),
      errors: [{ line: 12, message: 'in bold' }, { line: 12, message: 'Expected four fields' }],
      output: events('* [**Oxidize Conference**](https://pretalx.com/oxidize-2026/cfp) || CFP open until 2026-03-23 | Berlin, Germany | 2026-09-14'),
    },
    {
      name: 'a name not in bold from 2025 (the 2024 issues wrote them plain)',
      code: events('* [RustConf 2026](https://sessionize.com/rustconf-2026/) | CFP closes 2026-02-16 | Montreal, Quebec, Canada | 2026-09-08'),
      errors: [{ line: 12, message: 'in bold' }],
      output: events('* [**RustConf 2026**](https://sessionize.com/rustconf-2026/) | CFP closes 2026-02-16 | Montreal, Quebec, Canada | 2026-09-08'),
    },
    {
      name: 'a closed CFP and a past event, whatever the number of fields',
      code: events('* [**NDC Techtown**](https://ndctechtown.com/cfp) | CFP open until 2024-04-14 | Kongsberg, Norway\n* [**EuroRust**](https://eurorust.eu/) | 2025-06-01 | Paris, France | 2025-10-09 - 2025-10-10 | Hybrid'),
      errors: [
        { line: 12, message: 'four fields' },
        { line: 12, message: 'This CFP closed on 2024-04-14' },
        { line: 13, message: 'four fields' },
        { line: 13, message: 'This CFP closed on 2025-06-01' },
      ],
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
          '* [**C**](https://c.example/) | Closes soon | Vienna, Austria | Event date: 2026-10-10\n' +
          '* [**D**](https://d.example/) | CFP closes 2026-03-01 | Vienna, Austria | 2025-12-01',
      ),
      errors: [
        { line: 12, message: 'closed on 2025-12-08, before this issue' },
        { line: 13, message: '2026-02-30 is not a date' },
        { line: 13, message: 'YYYY-MM-DD: 2026-05-19' },
        { line: 14, message: 'No closing date' },
        { line: 15, message: 'The event ends on 2025-12-01, before its CFP closes on 2026-03-01: is the year wrong?', severity: 'error' },
      ],
    },
    {
      name: 'a name whose link text wraps is made bold once',
      code: events('* [RustConf\n2026](https://sessionize.com/rustconf-2026/) | CFP closes 2026-02-16 | Montreal, Quebec, Canada | 2026-09-08'),
      errors: [{ line: 12, message: 'in bold' }, { line: 12, message: 'four fields' }],
      output: events('* [**RustConf\n2026**](https://sessionize.com/rustconf-2026/) | CFP closes 2026-02-16 | Montreal, Quebec, Canada | 2026-09-08'),
    },
    {
      name: 'fields missing',
      code: events('* [Oxidize 2024](https://oxidizeconf.com/) [CFP](https://pretalx.com/cfp) closes 2026-03-24 | Berlin, Germany'),
      errors: [{ line: 12, message: 'in bold' }, { line: 12, message: 'four fields' }],
      output: events('* [**Oxidize 2024**](https://oxidizeconf.com/) [CFP](https://pretalx.com/cfp) closes 2026-03-24 | Berlin, Germany'),
    },
  ],
});
