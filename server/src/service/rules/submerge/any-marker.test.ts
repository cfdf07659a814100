import { communityIssue, testRule } from '../testing';
import rule from './any-marker';
import { markerOf } from './testing';

testRule(rule, {
  valid: [communityIssue('* [A](https://example.com/a) <!-- a comment -->')],
  invalid: [
    {
      name: 'every marker, well-formed or not, on any item',
      code: communityIssue(`* [A](https://example.com/a) ${markerOf({ pr: 1 })}\n    * nested ${markerOf({ pr: 2 })}\n\n<!-- submerge-pr=3 -->`),
      errors: [{ line: 9, message: 'PR #1' }, { line: 10, message: 'PR #2' }, { line: 12, message: 'a leftover' }],
    },
  ],
});
