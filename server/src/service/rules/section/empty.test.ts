import { issue, testRule } from '../testing';
import rule from './empty';

const CFP_EVENTS = '### CFP - Events\n\nAre you a speaker?\n\n';
const CFP_EVENTS_COMMENTS =
  '<!-- CFPs go here, use this format: * [**event name**](URL to CFP)| Date CFP closes in YYYY-MM-DD | city,state,country | Date of event in YYYY-MM-DD -->\n' +
  '<!-- or if none - *No Calls for papers or presentations were submitted this week.* -->\n';
const OUTRO = '\nIf you are an event organizer, please submit a link.\n';

testRule(rule, {
  valid: [
    issue(`${CFP_EVENTS}*No Calls for papers or presentations were submitted this week.*\n${OUTRO}`),
    issue(`${CFP_EVENTS}* [**RustConf 2026**](https://sessionize.com/rustconf-2026/) | CFP closes 2026-02-16 | Montreal, Quebec, Canada | 2026-09-08\n${OUTRO}`),
    // Older wordings: "currently", and `_…_` emphasis.
    issue('### Final Comment Period\n\n### [RFCs](https://github.com/rust-lang/rfcs/labels/final-comment-period)\n\n*No RFCs are currently in the final comment period.*\n'),
    issue('## Calls for Testing\n\n- _No calls for testing were issued this week by [Rust](https://github.com/rust-lang/rust/labels/call-for-testing)._\n'),
    // Calls for Testing keeps its empty repository headings: its sentence is in the parent's text.
    issue('## Calls for Testing\n\n* *No calls for testing were issued this week by [Rust](https://github.com/rust-lang/rust/labels/call-for-testing).*\n\n### [RFCs](https://github.com/rust-lang/rfcs/issues?q=label%3Acall-for-testing)\n\n### [Rust](https://github.com/rust-lang/rust/labels/call-for-testing)\n'),
    // Sections without such a sentence may be empty.
    issue('## Updates from Rust Community\n\n### Research\n\n## Crate of the Week\n'),
  ],
  invalid: [
    {
      name: 'entries only commented out: the sentence goes under the comment that shows it',
      code: issue(`${CFP_EVENTS}${CFP_EVENTS_COMMENTS}${OUTRO}`),
      errors: [{ line: 6, message: 'does not say so', severity: 'error' }],
      output: issue(`${CFP_EVENTS}${CFP_EVENTS_COMMENTS}\n*No Calls for papers or presentations were submitted this week.*\n${OUTRO}`),
    },
    {
      name: 'the sentence as an older template words it, over several lines',
      code: issue(
        '#### Tracking Issues & PRs\n<!-- Either add the items, or\n*No Items entered Final Comment Period this week for\n  [Rust RFCs](https://github.com/rust-lang/rfcs/labels/final-comment-period) or\n  [Cargo](https://github.com/rust-lang/cargo/issues).*\n-->\n\n#### [New and Updated RFCs](https://github.com/rust-lang/rfcs/pulls)\n* [RFC](https://github.com/rust-lang/rfcs/pull/1)\n',
      ),
      errors: [{ line: 6 }],
      output: issue(
        '#### Tracking Issues & PRs\n<!-- Either add the items, or\n*No Items entered Final Comment Period this week for\n  [Rust RFCs](https://github.com/rust-lang/rfcs/labels/final-comment-period) or\n  [Cargo](https://github.com/rust-lang/cargo/issues).*\n-->\n\n' +
          '*No Items entered Final Comment Period this week for\n  [Rust RFCs](https://github.com/rust-lang/rfcs/labels/final-comment-period) or\n  [Cargo](https://github.com/rust-lang/cargo/issues).*\n\n' +
          '#### [New and Updated RFCs](https://github.com/rust-lang/rfcs/pulls)\n* [RFC](https://github.com/rust-lang/rfcs/pull/1)\n',
      ),
    },
    {
      name: 'no comment: the current sentence goes under the heading',
      code: issue('#### [New and Updated RFCs](https://github.com/rust-lang/rfcs/pulls)\n\n## Upcoming Events\n'),
      errors: [{ line: 6 }],
      output: issue('#### [New and Updated RFCs](https://github.com/rust-lang/rfcs/pulls)\n\n* *No New or Updated RFCs were created this week.*\n\n## Upcoming Events\n'),
    },
    {
      name: 'no sentence known: reported without a fix',
      code: issue('## Calls for Testing\n\nAn important step for RFC implementation…\n\n## Jobs\n'),
      errors: [{ line: 6 }],
    },
  ],
});
