import { issue, testRule } from '../testing';
import rule from './trailing-space';

testRule(rule, {
  valid: [issue('## Jobs\n\nPlease see the thread.\n'), issue('```\ncode   \n```\n')],
  invalid: [
    {
      code: issue('## Jobs \n\nPlease see the thread.\t\n'),
      errors: [{ line: 6 }, { line: 8 }],
      output: issue('## Jobs\n\nPlease see the thread.\n'),
    },
  ],
});
