import { issue, testRule } from '../testing';
import rule from './metadata';

const BODY = 'Hello and welcome to another issue of *This Week in Rust*!\n';
const FILE = '2026-01-14-this-week-in-rust.md';

testRule(rule, {
  valid: [
    { code: issue(BODY), fileName: FILE },
    // 2014: no `Number:` yet, a time of day, and the file named after the next day (time zones).
    { code: 'Title: This Week in Rust 40\nDate: 2014-03-11 23:45\nCategory: This Week in Rust\n\n' + BODY, fileName: '2014-03-12-this-week-in-rust.markdown' },
    // 2018: issues came out on Tuesdays.
    { code: issue(BODY, '2018-06-12', 238), fileName: '2018-06-12-this-week-in-rust.md' },
  ],
  invalid: [
    {
      name: 'title number differs from Number',
      code: 'Title: This Week in Rust 633\nNumber: 634\nDate: 2026-01-14\nCategory: This Week in Rust\n\n' + BODY,
      fileName: FILE,
      errors: [{ line: 1, message: 'The title says issue 633', severity: 'error' }],
      output: issue(BODY),
    },
    {
      name: 'missing Number and Category',
      code: 'Title: This Week in Rust 634\nDate: 2026-01-14\n\n' + BODY,
      fileName: FILE,
      errors: [{ line: 1, message: 'no `Number:`', severity: 'warning' }, { line: 1, message: 'no `Category:`', severity: 'error' }],
      output: issue(BODY),
    },
    {
      name: 'missing Date, taken from the file name',
      code: 'Title: This Week in Rust 634\nNumber: 634\nCategory: This Week in Rust\n\n' + BODY,
      fileName: FILE,
      errors: [{ line: 1, message: 'no `Date:`' }],
      output: 'Title: This Week in Rust 634\nNumber: 634\nCategory: This Week in Rust\nDate: 2026-01-14\n\n' + BODY,
    },
    {
      name: 'an unpadded date (two published issues have one)',
      code: issue(BODY, '2020-12-2', 367),
      fileName: '2020-12-02-this-week-in-rust.md',
      errors: [{ line: 3, message: 'YYYY-MM-DD: 2020-12-02', severity: 'warning' }],
      output: issue(BODY, '2020-12-02', 367),
    },
    {
      name: 'a date that is not a date',
      code: issue(BODY, '2026-02-30'),
      fileName: '2026-02-30-this-week-in-rust.md',
      errors: [{ line: 3, message: 'not a date' }],
    },
    {
      name: 'not a Wednesday, and not the file name date',
      code: issue(BODY, '2026-01-15'),
      fileName: FILE,
      errors: [{ line: 3, message: 'not a Wednesday', severity: 'warning' }, { line: 3, message: "file name's 2026-01-14" }],
    },
    {
      name: 'no header at all',
      code: '## Jobs\n\nText.\n',
      errors: [{ line: 1, message: 'no metadata header' }],
    },
  ],
});
