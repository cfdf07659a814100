import { communityIssue, issue, testRule } from '../testing';
import rule from './repo-or-crate';

const community = (lines: string) => communityIssue(lines, 'Project/Tooling Updates');

testRule(rule, {
  valid: [
    community('* [Zebra 1.0.0](https://github.com/ZcashFoundation/zebra/releases/tag/v1.0.0)'),
    community('* [A pull request](https://github.com/rust-lang/rust/pull/1)'),
    community('* [Sponsor them](https://github.com/sponsors/someone)'),
    { name: 'an organisation', code: community('* [The Rust project](https://github.com/rust-lang)') },
    { name: 'two pages below a repository', code: community('* [Issue 1](https://github.com/rust-lang/rust/issues/1)\n* [Notes](https://github.com/owner/repo/releases/)') },
    { name: 'outside the community sections', code: issue('## Crate of the Week\n\nThis week\'s crate is [foo](https://crates.io/crates/foo).\n') },
  ],
  invalid: [
    {
      name: 'a repository\'s front page',
      code: community('* [Announcing Zebra 1.0.0](https://github.com/ZcashFoundation/zebra)\n* [Another](https://www.github.com/owner/repo/#readme)'),
      errors: [{ line: 9, message: 'GitHub repository' }, { line: 10 }],
    },
    {
      name: 'one page below a repository, as TWiR\'s CI matches it',
      code: community('* [Zebra releases](https://github.com/ZcashFoundation/zebra/releases)\n* [Zebra issues](https://github.com/ZcashFoundation/zebra/issues)'),
      errors: [{ line: 9, message: 'GitHub repository' }, { line: 10 }],
    },
    {
      name: 'crates.io',
      code: community('* [foo 1.0](https://crates.io/crates/foo)'),
      errors: [{ line: 9, message: 'crates.io' }],
    },
  ],
});
