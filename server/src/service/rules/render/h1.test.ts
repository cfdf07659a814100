import { issue, testRule } from '../testing';
import rule from './h1';

testRule(rule, {
  valid: [
    { name: 'a `#` heading quoted in Quote of the Week is the quote\'s', code: issue('## Jobs\n\n# Quote of the Week\n\n> # Lessons\n> Rust.\n') },
    { name: '`#` lines in code', code: issue('## Jobs\n\n```rust\n#[derive(Debug)]\n```\n') },
    issue('## Updates from Rust Community\n\n## Jobs\n\n# Quote of the Week\n\n> Rust.\n'),
    { name: 'the H1 sections of 2022-03, the style of their time', code: issue('## Updates from Rust Community\n\n# Rust Jobs\n\n# Quote of the Week\n', '2022-03-02', 432) },
  ],
  invalid: [
    {
      name: 'a line starting with `#` and no space: a heading on the site (Python-Markdown), in any year',
      code: issue('## Updates from the Rust Project\n\nThe regression was fixed by PR\n#122010, which undoes a prior one.\n', '2021-06-02', 393),
      errors: [{ line: 9, message: 'The site shows this line as a heading', severity: 'error' }],
      output: issue('## Updates from the Rust Project\n\nThe regression was fixed by PR\n\\#122010, which undoes a prior one.\n', '2021-06-02', 393),
    },
    {
      name: 'a section written as an H1',
      code: issue('## Updates from Rust Community\n\n# Crate of the Week\n\nThis week\'s crate is x.\n\n# Quote of the Week\n'),
      errors: [{ line: 8, message: '`# Crate of the Week` renders as a second title of the issue' }],
      output: issue('## Updates from Rust Community\n\n## Crate of the Week\n\nThis week\'s crate is x.\n\n# Quote of the Week\n'),
    },
  ],
});
