import { issue, testRule } from '../testing';
import rule from './link';

testRule(rule, {
  valid: [
    issue('## Jobs\n\nPlease see the latest [Who\'s Hiring thread on r/rust](https://www.reddit.com/r/rust/comments/1/)\n'),
    { name: 'the template\'s examples inside comments', code: issue('<!-- CFPs go here, use this format: * [project name - title of issue](URL to issue) -->\n<!-- * [ - ]() -->\n<!-- Use either\n* [Item title](Item URL)\n-->\n') },
    { name: 'mentioned in inline code', code: issue('The template writes `INSERT_LINK_HERE` where the link goes.\n') },
  ],
  invalid: [
    {
      name: 'the Jobs and r/rust placeholders',
      code: issue('Please see the latest [Who\'s Hiring thread on r/rust](INSERT_LINK_HERE)\n\n<small>[Discuss on r/rust](REDDIT_LINK_HERE)</small>\n'),
      errors: [{ line: 6, message: '`INSERT_LINK_HERE`' }, { line: 8, message: '`REDDIT_LINK_HERE`' }],
    },
    {
      name: 'example lines of the template',
      code: issue('* [project name - title of issue](URL to issue)\n* [ - ]()\n* [Item title](Item URL) <!-- a note -->\n'),
      errors: [{ line: 6, message: '`URL to issue`' }, { line: 7, message: '`[ - ]()`' }, { line: 8, message: '`Item URL`' }],
    },
  ],
});
