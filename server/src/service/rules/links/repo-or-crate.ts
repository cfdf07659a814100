import { conventionsOf } from '../../conventions';
import { parseUrl } from '../../util/urls';
import type { Finding, Rule } from '../types';
import { communityLinks } from './shared';

/** A repository's path as TWiR's CI matches it: `OWNER/REPO`, and at most one more segment (`/releases`, `/issues`). */
const REPOSITORY_PATH = /^\/[^/]+\/[^/]+(?:\/[^/]*)?$/;
/** First path segments of github.com pages that are not repositories. */
const GITHUB_PAGES = new Set(['orgs', 'sponsors', 'topics', 'features', 'marketplace', 'collections', 'apps', 'settings', 'trending', 'explore', 'about', 'enterprise', 'search', 'users']);

function whatItLinksTo(url: string): string | undefined {
  const parsed = parseUrl(url);
  if (!parsed) return undefined;
  const host = parsed.hostname.replace(/^www\./, '');
  if (host === 'crates.io') return 'crates.io';
  if (host !== 'github.com') return undefined;
  const owner = parsed.pathname.split('/')[1];
  return REPOSITORY_PATH.test(parsed.pathname) && !GITHUB_PAGES.has(owner.toLowerCase()) ? 'a GitHub repository' : undefined;
}

const rule: Rule = {
  id: 'links/repo-or-crate',
  fixable: false,
  local: true,
  certainty: 'convention',
  docs:
    'A community link straight to a GitHub repository (`github.com/owner/repo`, or one page below it such as ' +
    '`/releases` or `/issues`; not an organisation, not GitHub\'s own pages such as `/sponsors/…`) or to crates.io. ' +
    'TWiR\'s CI warns about these: the community sections link to something written about a project (an ' +
    'announcement, release notes, a blog post); a crate itself can be suggested as Crate of the Week. Reported in ' +
    'issues from 2026, when the CI started warning: before, editors published such links without remark.',
  peers: { twirCi: 'same warning and scope; wider: `http` and `www.` too; narrower: GitHub\'s own pages (`/sponsors/…`) are no repository' },
  example: {
    in: 'community',
    wrong: '* [Announcing Zebra 1.0.0](https://github.com/ZcashFoundation/zebra)',
    right: '* [Announcing Zebra 1.0.0](https://example.com/announcing-zebra-1-0-0)',
  },
  check({ model, span }) {
    if (!conventionsOf(model).repoOrCrateWarned) return [];
    const findings: Finding[] = [];
    for (const { link } of communityLinks(model, span)) {
      const target = whatItLinksTo(link.url);
      if (!target) continue;
      findings.push({ range: link.urlRange ?? link.range, message: `The link goes straight to ${target}: link to an announcement, release notes or a post about it.` });
    }
    return findings;
  },
};

export default rule;
