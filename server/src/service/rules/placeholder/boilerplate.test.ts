import { issue, testRule } from '../testing';
import rule from './boilerplate';

const rfcs = '### [New and Updated RFCs](https://github.com/rust-lang/rfcs/pulls)\n* [An RFC](https://github.com/rust-lang/rfcs/pull/4000)\n\n';
const message =
  'This RFC will appear in the **Call for Testing** section of the next issue (#) of This Week in Rust (TWiR).\n' +
  'You may remove the `call-for-testing` label.  Please feel free to leave the `call-for-testing` label in place if you would like this RFC to appear again in another issue of TWiR.\n';

testRule(rule, {
  valid: [
    { name: 'inside the template\'s comment', code: issue(`${rfcs}<!-- If there are new CfT items this week, include:\n${message}-->\n`) },
    issue('## Calls for Testing\n\nIf you would like your RFC to appear in this list, add a `call-for-testing` label.\n'),
  ],
  invalid: [
    {
      name: 'the Call for Testing message and the commit message, as the generator appends them',
      code: issue(`${rfcs}<!-- Call for Testing Message (post in GH \`issue\` and remove \`call-for-testing\` label) -->\n${message}\n<!-- Commit message -->\nUpdate CFT, FCP, MCP and RFC sections for TWiR-634\n\n## Upcoming Events\n`),
      errors: [{ line: 10, message: 'Generator text' }, { line: 11 }, { line: 14 }],
      output: issue(`${rfcs}<!-- Call for Testing Message (post in GH \`issue\` and remove \`call-for-testing\` label) -->\n\n<!-- Commit message -->\n\n## Upcoming Events\n`),
    },
  ],
});
