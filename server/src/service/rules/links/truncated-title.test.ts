import { issue, testRule } from '../testing';
import rule from './truncated-title';

const community = (lines: string) => issue(`## Updates from Rust Community\n\n### Rust Walkthroughs\n${lines}\n`);
const title = (length: number, end = '...') => 'x'.repeat(length - end.length) + end;

testRule(rule, {
  valid: [
    community(`* [${title(69)}](https://example.com/a)`),
    community(`* [${title(71)}](https://example.com/a)`),
    community(`* [${title(70, 'y')}](https://example.com/a)`),
  ],
  invalid: [
    {
      name: '70 characters ending in ...',
      code: community(`* [${title(70)}](https://example.com/a)`),
      errors: [{ line: 9, message: 'cut off' }],
    },
    {
      name: 'counted in characters, not UTF-16 units',
      code: community(`* [🦀${title(69)}](https://example.com/a)`),
      errors: [{ line: 9 }],
    },
  ],
});
