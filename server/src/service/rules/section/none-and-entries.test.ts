import { issue, testRule } from '../testing';
import rule from './none-and-entries';

const CFP_EVENTS = '### CFP - Events\n\nAre you a speaker?\n\n';
const NONE = '*No Calls for papers or presentations were submitted this week.*\n';
const ENTRY = '* [**RustConf 2026**](https://sessionize.com/rustconf-2026/) | CFP closes 2026-02-16 | Montreal, QC, CA | 2026-09-08\n';
const OUTRO = '\nIf you are an event organizer, please submit a link.\n';

testRule(rule, {
  valid: [
    issue(`${CFP_EVENTS}${NONE}${OUTRO}`),
    issue(`${CFP_EVENTS}${ENTRY}${OUTRO}`),
    { name: 'the sentence commented out above the entries', code: issue(`${CFP_EVENTS}<!-- or if none - ${NONE.trim()} -->\n${ENTRY}${OUTRO}`) },
    {
      name: 'Calls for Testing names the repositories that had none; the others have their subsection',
      code: issue(
        '## Calls for Testing\n\n* *No calls for testing were issued this week by [Cargo](https://github.com/rust-lang/cargo/labels/call-for-testing).*\n\n' +
          '### [Rust](https://github.com/rust-lang/rust/labels/call-for-testing)\n\n* [Feature](https://github.com/rust-lang/rust/pull/1)\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'the sentence above the first entry of the week',
      code: issue(`${CFP_EVENTS}${NONE}\n${ENTRY}${OUTRO}`),
      errors: [{ line: 10, message: 'lists entries', severity: 'warning' }],
      output: issue(`${CFP_EVENTS}${ENTRY}${OUTRO}`),
    },
    {
      name: 'the sentence as a list item after the entries',
      code: issue(`### [Approved RFCs](https://github.com/rust-lang/rfcs/commits/master)\n\n* [RFC 1](https://github.com/rust-lang/rfcs/pull/1)\n* *No RFCs were approved this week.*\n`),
      errors: [{ line: 9 }],
      output: issue(`### [Approved RFCs](https://github.com/rust-lang/rfcs/commits/master)\n\n* [RFC 1](https://github.com/rust-lang/rfcs/pull/1)\n`),
    },
  ],
});
