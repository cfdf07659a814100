import { queryWithoutTracking, splitUrl, trackingParametersOf } from '../../util/urls';
import type { Finding, Rule } from '../types';
import { urlSpan, writtenUrls } from './shared';

const rule: Rule = {
  id: 'links/tracking',
  fixable: true,
  local: true,
  certainty: 'convention',
  docs:
    'A link carrying tracking parameters (`utm_source`, `utm_medium`, `utm_campaign`, `utm_content`, the other ' +
    '`utm_*`, `fbclid`, `gclid`, `msclkid`): they only tell the linked site where readers came from. TWiR\'s CI rejects ' +
    'the first four in the community sections; we report them all, in every link. The fix removes them and keeps every other parameter as written.',
  peers: { twirCi: 'same check; wider: every link, not only the community sections, and more parameters than its four' },
  example: {
    in: 'community',
    wrong: '* [A post](https://example.com/post?utm_source=rss&utm_medium=rss)',
    right: '* [A post](https://example.com/post)',
  },
  check({ model, span }) {
    const findings: Finding[] = [];
    for (const url of writtenUrls(model, span)) {
      const names = trackingParametersOf(url.text);
      if (names.length === 0) continue;
      const { scheme, authority, path, query } = splitUrl(url.text);
      const queryStart = scheme.length + authority.length + path.length;
      const range = urlSpan(url, queryStart, queryStart + query.length);
      const list = names.map((name) => `\`${name}\``).join(', ');
      findings.push({
        range,
        message: `Tracking parameter${names.length > 1 ? 's' : ''} ${list} in the link.`,
        fix: { title: 'Remove the tracking parameters', edits: [{ range, newText: queryWithoutTracking(query) }] },
      });
    }
    return findings;
  },
};

export default rule;
