import { issue, testRule } from '../testing';
import rule from './unclosed-comment';

testRule(rule, {
  valid: [
    issue('## Jobs\n\n<!-- one -->\n<!--\nseveral\nlines\n-->\n\nText <!-- inline --> text.\n'),
    issue('### Final Comment Period\n<!-- the old MCP block, with its inner comments written as <!~~ … ~~> -->\n'),
  ],
  invalid: [
    {
      name: 'the 2024-01-24 draft: `<!-- … if empty>` twice hides the subsections up to the next `-->`',
      code: issue(
        '### [Language Reference](https://github.com/rust-lang/reference)\n<!-- Remove this section if empty>\n\n' +
          '### [Unsafe Code Guidelines](https://github.com/rust-lang/unsafe-code-guidelines)\n<!-- Remove this section if empty>\n\n' +
          '### [New and Updated RFCs](https://github.com/rust-lang/rfcs/pulls)\n\n<!-- New or updated RFCs go here -->\n',
      ),
      errors: [{ line: 7, message: 'not closed' }, { line: 10 }],
      output: issue(
        '### [Language Reference](https://github.com/rust-lang/reference)\n<!-- Remove this section if empty-->\n\n' +
          '### [Unsafe Code Guidelines](https://github.com/rust-lang/unsafe-code-guidelines)\n<!-- Remove this section if empty-->\n\n' +
          '### [New and Updated RFCs](https://github.com/rust-lang/rfcs/pulls)\n\n<!-- New or updated RFCs go here -->\n',
      ),
    },
    {
      name: 'a comment never closed up to the end of the file',
      code: issue('## Jobs\n\n<!-- Jobs go here\n\nPlease see the thread.\n'),
      errors: [{ line: 8 }],
      output: issue('## Jobs\n\n<!-- Jobs go here -->\n\nPlease see the thread.\n'),
    },
    {
      name: 'a second comment opened on the line of a closed one',
      code: issue('## Jobs\n\n<!-- one --> <!-- two\n\nPlease see the thread.\n'),
      errors: [{ line: 8 }],
      output: issue('## Jobs\n\n<!-- one --> <!-- two -->\n\nPlease see the thread.\n'),
    },
  ],
});
