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
