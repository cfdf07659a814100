import { communityIssue, eventsIssue, issue, testRule } from '../testing';
import rule from './scheme';


testRule(rule, {
  valid: [
    communityIssue('* [A post](https://example.com/a)\n* [Old](http://example.com/b)'),
    issue('Write to [us](mailto:editors@example.com).\n'),
    { name: 'a link inside the site', code: issue('See [the archive](/blog/archives/index.html) and [above](#jobs).\n') },
    { name: 'a placeholder is placeholder/link\'s', code: issue('Please see the latest [Who\'s Hiring thread on r/rust](INSERT_LINK_HERE)\n') },
    { name: 'a mistyped scheme is links/malformed\'s', code: communityIssue('* [A post](hhttps://example.com/a)') },
  ],
  invalid: [
    {
      name: 'an event, CFP or job link without a scheme: a 404 on the site; fixed from the same name linked elsewhere',
      code: issue(
        '## Call for Participation; projects and speakers\n\n### CFP - Events\n\n* [**Euro Rust**](eurorust) | CFP closes 2026-02-01 | Paris, France | 2026-10-09\n\n' +
          '## Upcoming Events\n\nRusty Events between 2026-01-14 - 2026-02-11 🦀\n\n### Europe\n* 2026-01-20 | Paris, FR | [Euro Rust](https://eurorust.eu/)\n    * [**Meetup**](meetup-82)\n\n' +
          '## Jobs\n\nPlease see the latest [Who\'s Hiring thread on r/rust](whos-hiring)\n',
      ),
      errors: [
        { line: 10, message: 'The link "eurorust" has no scheme: on the site it is a page of this-week-in-rust.org that does not exist.', severity: 'error' },
        { line: 18, message: 'The link "meetup-82" has no scheme' },
        { line: 22, message: 'The link "whos-hiring" has no scheme' },
      ],
      output: issue(
        '## Call for Participation; projects and speakers\n\n### CFP - Events\n\n* [**Euro Rust**](https://eurorust.eu/) | CFP closes 2026-02-01 | Paris, France | 2026-10-09\n\n' +
          '## Upcoming Events\n\nRusty Events between 2026-01-14 - 2026-02-11 🦀\n\n### Europe\n* 2026-01-20 | Paris, FR | [Euro Rust](https://eurorust.eu/)\n    * [**Meetup**](meetup-82)\n\n' +
          '## Jobs\n\nPlease see the latest [Who\'s Hiring thread on r/rust](whos-hiring)\n',
      ),
    },
    {
      name: 'another scheme in a community section: an error',
      code: communityIssue('* [A talk](ftp://example.com/talk.mp4)'),
      errors: [{ line: 9, message: '`ftp:`', severity: 'error' }],
    },
    {
      name: 'another scheme elsewhere: a warning',
      code: eventsIssue('### Virtual\n* 2026-01-20 | Virtual | [Rust IRC](irc://irc.libera.chat/rust)\n    * [**Office hours**](https://example.com/office-hours)'),
      errors: [{ line: 11, message: '`irc:`', severity: 'warning' }],
    },
    {
      name: 'a community link without a scheme, as TWiR\'s CI',
      code: communityIssue('* [Our archive](/blog/archives/index.html)\n* [Jobs](#jobs)\n* [Placeholder/link\'s](INSERT_LINK_HERE)'),
      errors: [{ line: 9, message: 'needs a full URL' }, { line: 10, message: 'needs a full URL' }],
    },
    {
      name: 'a host without https://',
      code: communityIssue('* [A post](www.example.com/post) and [another](example.org/a)'),
      errors: [{ line: 9, message: 'no `https://`' }, { line: 9 }],
      output: communityIssue('* [A post](https://www.example.com/post) and [another](https://example.org/a)'),
    },
  ],
});
