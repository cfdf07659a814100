import { eventsIssue, issue, testRule } from '../testing';
import rule from './duplicate-heading';

const event = (day: string) => `* 2026-01-${day} | Paris, FR | [Rust Paris](https://example.com)\n    * [**Meetup**](https://example.com/${day})`;

testRule(rule, {
  valid: [
    issue('## Updates from Rust Community\n\n### Official\n* [a](https://a.example)\n\n### Newsletters\n* [b](https://b.example)\n'),
    { name: 'the same name under different parents', code: issue('## Calls for Testing\n\n### [Rust](https://a.example)\n\n## Final Comment Period\n\n#### [Rust](https://b.example)\n') },
  ],
  invalid: [
    {
      name: 'a region and a community category twice',
      code: issue('## Updates from Rust Community\n\n### Official\n* [a](https://a.example)\n\n### Official\n* [b](https://b.example)\n\n') + eventsIssue(`### Europe\n${event('20')}\n\n### Europe\n${event('21')}`).split('\n\n').slice(1).join('\n\n'),
      errors: [
        { line: 11, message: '`### Official` is here twice (also line 8)' },
        { line: 22, message: '`### Europe` is here twice (also line 18)' },
      ],
    },
  ],
});
