import { parseUrl } from '../../util/urls';
import type { Finding, Rule } from '../types';
import { communityLinks } from './shared';

/** First path segments of github.com pages that are not repositories. */
const GITHUB_PAGES = new Set(['orgs', 'sponsors', 'topics', 'features', 'marketplace', 'collections', 'apps', 'settings', 'trending', 'explore', 'about', 'enterprise', 'search', 'users']);

function whatItLinksTo(url: string): string | undefined {
  const parsed = parseUrl(url);
  if (!parsed) return undefined;
  const host = parsed.hostname.replace(/^www\./, '');
  if (host === 'crates.io') return 'crates.io';
  if (host !== 'github.com') return undefined;
  const segments = parsed.pathname.split('/').filter(Boolean);
  return segments.length === 2 && !GITHUB_PAGES.has(segments[0].toLowerCase()) ? 'a GitHub repository' : undefined;
}

const rule: Rule = {
  id: 'links/repo-or-crate',
  fixable: false,
  severity: 'warning',
  docs:
    'A community link straight to a GitHub repository\'s front page (`github.com/owner/repo`) or to crates.io. ' +
    'TWiR\'s CI warns about these: the community sections link to something written about a project (an ' +
    'announcement, release notes, a blog post); a crate itself can be suggested as Crate of the Week.',
  check({ model }) {
    const findings: Finding[] = [];
    for (const { link } of communityLinks(model)) {
      const target = whatItLinksTo(link.url);
      if (!target) continue;
      findings.push({ range: link.urlRange ?? link.range, message: `The link goes straight to ${target}: link to an announcement, release notes or a post about it.` });
    }
    return findings;
  },
};

export default rule;
