import { buildModel } from '../../model/build';
import { issue, testRule } from '../testing';
import rule from './duplicate';
import { earlierIssue } from './shared';

const community = (lines: string, date?: string, number?: number) =>
  issue(`## Updates from Rust Community\n\n### Rust Walkthroughs\n${lines}\n\n## Upcoming Events\n\n### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://www.meetup.com/rust-paris)\n`, date, number);

const related = (fileName: string, code: string) => earlierIssue(fileName, buildModel(code, { fileName }));
const lastWeek = related('2026-01-07-this-week-in-rust.md', community('* [Old news](https://example.com/old-news/)', '2026-01-07', 633));

testRule(rule, {
  valid: [
    community('* [One](https://example.com/one)\n* [Two](https://example.com/two)'),
    { name: 'last week\'s event and group links again', code: community('* [One](https://example.com/one)'), recentIssues: [lastWeek] },
    { name: 'other sections repeat links every week', code: issue('## Jobs\n\n[Who\'s hiring](https://example.com/jobs)\n\n## Quote of the Week\n\n[Who\'s hiring](https://example.com/jobs)\n') },
  ],
  invalid: [
    {
      name: 'twice in this issue, compared as TWiR\'s CI compares',
      code: community('* [One](https://example.com/one/)\n* [Two](https://example.com/two)\n* [One again](http://example.com//one?utm_source=rss)\n  by someone'),
      errors: [{ line: 11, message: 'Same link as line 9' }],
      output: community('* [One](https://example.com/one/)\n* [Two](https://example.com/two)'),
    },
    {
      name: 'twice in one entry: reported, not removed',
      code: community('* [One](https://example.com/one) ([again](https://example.com/one))'),
      errors: [{ line: 9, message: 'Same link' }],
    },
    {
      name: 'in an earlier issue: named, no fix',
      code: community('* [Old news](https://EXAMPLE.com/old-news)'),
      recentIssues: [lastWeek],
      errors: [{ line: 9, message: 'already in issue 633 (2026-01-07-this-week-in-rust.md)' }],
    },
    {
      name: 'in an earlier issue under www. (our extension), and in this one without it',
      code: community('* [Old news](https://www.example.com/old-news)\n* [New](https://www.example.com/new)\n* [New again](https://example.com/new/)'),
      recentIssues: [lastWeek],
      errors: [{ line: 9, message: 'already in issue 633' }, { line: 11, message: 'Same link as line 10' }],
      output: community('* [Old news](https://www.example.com/old-news)\n* [New](https://www.example.com/new)'),
    },
  ],
});
