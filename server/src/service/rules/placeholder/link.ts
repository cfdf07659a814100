import { lineSpan } from '../../util/text';
import type { Finding, Rule } from '../types';
import { visibleLines, withoutCodeSpans } from '../visible-text';

/**
 * The draft template's stand-ins for links: the Jobs and r/rust links the editors fill in on
 * publishing day, and the example lines of the CFP, Calls for Testing, RFC and FCP sections.
 */
const PLACEHOLDERS = /INSERT_LINK_HERE|REDDIT_LINK_HERE|\]\((URL to issue|URL to CFP|Item URL|Repo URL|Group URL|<Feature URL>|<Testing Steps URL>)\)|\[ - \]\(\)|\[\*\*Event title\*\*\]/g;

const rule: Rule = {
  id: 'placeholder/link',
  fixable: false,
  local: true,
  certainty: 'task',
  docs:
    'A link placeholder of the draft template left in the issue: `INSERT_LINK_HERE` (the Jobs thread), ' +
    '`REDDIT_LINK_HERE` (the r/rust discussion, which exists only once the issue is out: never a blocker, a ' +
    'warning on a published file), or an example line such as ' +
    '`[Item title](Item URL)`, `(URL to issue)` or `[ - ]()`. Only text a reader sees counts: the template\'s ' +
    'HTML comments may keep their examples. The real link has to be looked up, so there is no fix.',
  example: {
    wrong: '## Jobs\n\nPlease see the latest [Who\'s Hiring thread on r/rust](INSERT_LINK_HERE)',
  },
  check({ model, span }) {
    return visibleLines(model, span).flatMap(({ line, text }) => placeholdersOn(text, line));
  },
};

/**
 * The placeholders only filled after publishing: the r/rust discussion exists once the issue is out
 * (the record: `REDDIT_LINK_HERE` is in 9 of the 118 published issues of fixtures/archive and
 * published — the editors add the link in a commit after the one that publishes —, `INSERT_LINK_HERE` in 1).
 */
const AFTER_PUBLICATION = new Set(['REDDIT_LINK_HERE']);

function placeholdersOn(text: string, line: number): Finding[] {
  return [...withoutCodeSpans(text).matchAll(PLACEHOLDERS)].map((match) => {
    const range = lineSpan(line, match.index, match.index + match[0].length);
    if (AFTER_PUBLICATION.has(match[0])) {
      return { range, message: `Placeholder \`${match[0]}\`: put the link to the r/rust discussion here once the issue is out.`, afterPublication: true };
    }
    return { range, message: `Placeholder \`${match[1] ?? match[0]}\` left in the issue: put the real link here.` };
  });
}

export default rule;
