import { lineSpan } from '../../util/text';
import type { Finding, Rule } from '../types';
import { visibleLines, withoutCodeSpans } from '../visible-text';

/**
 * The draft template's stand-ins for links: the Jobs and r/rust links the editors fill in on
 * publishing day, and the example lines of the CFP, Calls for Testing, RFC and FCP sections.
 */
const PLACEHOLDERS = /INSERT_LINK_HERE|REDDIT_LINK_HERE|\]\((URL to issue|URL to CFP|Item URL|Repo URL|Group URL|<Feature URL>|<Testing Steps URL>)\)|\[ - \]\(\)/g;

const rule: Rule = {
  id: 'placeholder/link',
  fixable: false,
  local: true,
  severity: 'error',
  docs:
    'A link placeholder of the draft template left in the issue: `INSERT_LINK_HERE` (the Jobs thread), ' +
    '`REDDIT_LINK_HERE` (the r/rust discussion; it leaked into 10 published issues), or an example line such as ' +
    '`[Item title](Item URL)`, `(URL to issue)` or `[ - ]()`. Only text a reader sees counts: the template\'s ' +
    'HTML comments may keep their examples. The real link has to be looked up, so there is no fix.',
  example: {
    wrong: '## Jobs\n\nPlease see the latest [Who\'s Hiring thread on r/rust](INSERT_LINK_HERE)',
  },
  check({ model, span }) {
    return visibleLines(model, span).flatMap(({ line, text }) => placeholdersOn(text, line));
  },
};

function placeholdersOn(text: string, line: number): Finding[] {
  return [...withoutCodeSpans(text).matchAll(PLACEHOLDERS)].map((match) => ({
    range: lineSpan(line, match.index, match.index + match[0].length),
    message: `Placeholder \`${match[1] ?? match[0]}\` left in the issue: put the real link here.`,
  }));
}

export default rule;
