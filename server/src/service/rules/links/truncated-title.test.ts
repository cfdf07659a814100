import { communityIssue, issue, testRule } from '../testing';
import rule from './truncated-title';

const title = (length: number, end = '...') => 'x'.repeat(length - end.length) + end;

testRule(rule, {
  valid: [
    communityIssue(`* [${title(69)}](https://example.com/a)`),
    communityIssue(`* [${title(71)}](https://example.com/a)`),
    communityIssue(`* [${title(70, 'y')}](https://example.com/a)`),
    { name: 'outside the community sections, as TWiR\'s CI', code: issue(`## Jobs\n\n* [${title(70)}](https://example.com/a)\n`) },
  ],
  invalid: [
    {
      name: '70 characters ending in ...',
      code: communityIssue(`* [${title(70)}](https://example.com/a)`),
      errors: [{ line: 9, message: 'cut off' }],
    },
    {
      name: 'counted in characters, not UTF-16 units',
      code: communityIssue(`* [🦀${title(69)}](https://example.com/a)`),
      errors: [{ line: 9 }],
    },
  ],
});
