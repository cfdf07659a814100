import type { Finding, Rule } from '../types';
import { communityLinks } from './shared';

/** Where tools that fill in a page's title cut it: 67 characters and `...`. */
const TRUNCATED_LENGTH = 70;

const rule: Rule = {
  id: 'links/truncated-title',
  fixable: false,
  local: true,
  certainty: 'convention',
  docs:
    'A community link title of exactly 70 characters ending in `...`: the length at which tools that fill in a ' +
    'page\'s title cut it off. TWiR\'s CI warns about it; write the full title (or a shorter one of your own).',
  peers: { twirCi: 'same warning and scope' },
  example: {
    in: 'community',
    wrong: '* [Building a fast and reliable linter for the This Week in Rust newsl...](https://example.com/a)',
    right: '* [Building a fast and reliable linter for the This Week in Rust newsletter](https://example.com/a)',
  },
  check({ model, span }) {
    const findings: Finding[] = [];
    for (const { link } of communityLinks(model, span)) {
      if (link.kind === 'autolink' || !link.text.endsWith('...') || [...link.text].length !== TRUNCATED_LENGTH) continue;
      findings.push({ range: link.textRange, message: 'The title looks cut off (70 characters ending in `...`): write it in full.' });
    }
    return findings;
  },
};

export default rule;
