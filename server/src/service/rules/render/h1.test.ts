import { issue, testRule } from '../testing';
import rule from './h1';

testRule(rule, {
  valid: [
    issue('## Updates from Rust Community\n\n## Jobs\n\n# Quote of the Week\n\n> Rust.\n'),
    { name: 'the H1 sections of 2022-03, the style of their time', code: issue('## Updates from Rust Community\n\n# Rust Jobs\n\n# Quote of the Week\n', '2022-03-02', 432) },
  ],
  invalid: [
    {
      name: 'a section written as an H1',
      code: issue('## Updates from Rust Community\n\n# Crate of the Week\n\nThis week\'s crate is x.\n\n# Quote of the Week\n'),
      errors: [{ line: 8, message: '`# Crate of the Week` renders as a second title of the issue' }],
      output: issue('## Updates from Rust Community\n\n## Crate of the Week\n\nThis week\'s crate is x.\n\n# Quote of the Week\n'),
    },
  ],
});
