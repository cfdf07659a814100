import { describe, expect, it } from 'vitest';
import { lint } from '../../lint';
import { buildModel } from '../../model/build';
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
      // As published: the r/rust link is a reminder, the Jobs link a defect left.
      errors: [{ line: 6, message: '`INSERT_LINK_HERE`', severity: 'error' }, { line: 8, message: '`REDDIT_LINK_HERE`', severity: 'warning' }],
    },
    {
      name: 'example lines of the template',
      code: issue('* [project name - title of issue](URL to issue)\n* [ - ]()\n* [Item title](Item URL) <!-- a note -->\n'),
      errors: [{ line: 6, message: '`URL to issue`' }, { line: 7, message: '`[ - ]()`' }, { line: 8, message: '`Item URL`' }],
    },
    {
      name: 'an event title a completion left',
      code: issue('## Upcoming Events\n\n### Virtual\n* 2026-01-15 | Virtual | [Rust Berlin](https://www.meetup.com/rust-berlin)\n    * [**Event title**](https://www.meetup.com/rust-berlin)\n'),
      errors: [{ line: 10, message: '`[**Event title**]`', severity: 'error' }],
    },
  ],
});

describe('placeholder/link in each moment of an issue', () => {
  const code = issue('Please see the latest [Who\'s Hiring thread on r/rust](INSERT_LINK_HERE)\n\n<small>[Discuss on r/rust](REDDIT_LINK_HERE)</small>\n');
  const severities = (folder: string, moment?: 'publishing') =>
    lint(buildModel(code, { fileName: '2026-01-14-this-week-in-rust.md', folder }), { moment }).diagnostics.filter((diagnostic) => diagnostic.rule === rule.id).map((diagnostic) => diagnostic.severity);

  it('in a draft, both are the week\'s tasks: information', () => {
    expect(severities('draft')).toEqual(['info', 'info']);
  });
  it('checked for publishing, the Jobs link blocks and the r/rust link, which exists only afterwards, does not', () => {
    expect(severities('draft', 'publishing')).toEqual(['error', 'info']);
  });
  it('published (content/), the r/rust link is a reminder', () => {
    expect(severities('content')).toEqual(['error', 'warning']);
  });
});
