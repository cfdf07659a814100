import { eventsIssue, issue, testRule } from '../testing';
import rule from './mojibake';

testRule(rule, {
  valid: [
    issue('## Jobs\n\nNürnberg, Wrocław, Sessió, 🦀 – “quoted” — done…\n'),
    // Real Latin-1 text: a lone `Ã` or `ção` is not valid UTF-8 when encoded back.
    issue('## Jobs\n\nNÃO, SÃO PAULO, ação, Ölß.\n'),
    // Real Chinese text, also with characters that happen to encode to valid UTF-8 (`眉毛` → `üë`).
    issue('## Updates from Rust Community\n\n### Newsletters\n\n* [ZH] [与黄光星畅聊 Rust 眉毛](https://example.com/zh)\n'),
  ],
  invalid: [
    {
      name: 'the 2024-01-24 draft: UTF-8 read as Windows-1252',
      code: eventsIssue('### Virtual\n* 2024-02-08 | Virtual (NÃ¼rnberg, DE) | [Rust NÃ¼remberg](https://www.meetup.com/rust-noris/)\n    * [**Rust â€“ budowanie narzÄ™dzi ðŸ¦€**](https://example.com/e)'),
      errors: [
        { line: 11, message: '"Ã¼" is UTF-8 read as Windows-1252: it should read "ü"' },
        { line: 11 },
        { line: 12, message: '"â€“"' },
        { line: 12, message: '"Ä™"' },
        { line: 12, message: '"ðŸ¦€"' },
      ],
      output: eventsIssue('### Virtual\n* 2024-02-08 | Virtual (Nürnberg, DE) | [Rust Nüremberg](https://www.meetup.com/rust-noris/)\n    * [**Rust – budowanie narzędzi 🦀**](https://example.com/e)'),
    },
    {
      name: 'the 2026-01-14 draft: UTF-8 read as GBK',
      code: eventsIssue('### Virtual\n* 2026-01-08 | Virtual (N眉rnberg, DE) | [Rust Nuremberg](https://www.meetup.com/rust-noris)\n    * [**Sessi贸 setmanal de codificaci贸**](https://luma.com/4p6rxjc5)'),
      errors: [{ line: 11, message: 'read as GBK: it should read "ü"' }, { line: 12 }, { line: 12 }],
      output: eventsIssue('### Virtual\n* 2026-01-08 | Virtual (Nürnberg, DE) | [Rust Nuremberg](https://www.meetup.com/rust-noris)\n    * [**Sessió setmanal de codificació**](https://luma.com/4p6rxjc5)'),
    },
    {
      name: 'UTF-8 read as Latin-1 (C1 control characters)',
      code: issue('## Jobs\n\nZ\u00c3\u00bcrich \u00e2\u0080\u0094 Rust\n'),
      errors: [{ line: 8, message: 'Windows-1252' }, { line: 8, message: 'Latin-1' }],
      output: issue('## Jobs\n\nZürich — Rust\n'),
    },
  ],
});
