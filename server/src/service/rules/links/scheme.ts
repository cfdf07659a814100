import { mistypedWebPrefix, schemeOf } from '../../util/urls';
import type { Finding, Rule } from '../types';
import { urlSpan, writtenUrls } from './shared';

const ALLOWED_SCHEMES = new Set(['https', 'http', 'mailto']);
/** A destination without a scheme that starts like a host name: the site would resolve it as one of its own pages. */
const HOST_WITHOUT_SCHEME = /^(?:www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/)/i;
/** The template's `INSERT_LINK_HERE` and the like: placeholder/link reports them. */
const PLACEHOLDER = /^[A-Z_]+$/;

const rule: Rule = {
  id: 'links/scheme',
  fixable: true,
  local: true,
  certainty: 'defect',
  docs:
    'A web address written without `https://` (the site resolves it as one of its own pages), or a link whose scheme ' +
    'is not `https`, `http` or `mailto`: TWiR\'s CI reports those in the community sections, any link without a ' +
    'scheme included (`/blog/…`, `#jobs`), and there this is an error too; elsewhere it is a warning (old issues ' +
    'linked to IRC channels) and links inside the site are fine. Mistyped schemes (`hhttps://`) are reported by ' +
    '`links/malformed`.',
  peers: { twirCi: 'same check in the community sections ("unexpected/malformed link scheme"); wider: host names without a scheme anywhere' },
  example: {
    in: 'community',
    wrong: '* [A post](example.com/post)',
    right: '* [A post](https://example.com/post)',
  },
  check({ model, span }) {
    const findings: Finding[] = [];
    for (const url of writtenUrls(model, span)) {
      if (url.text === '' || mistypedWebPrefix(url.text)) continue;
      const scheme = schemeOf(url.text);
      if (scheme === undefined) {
        const range = urlSpan(url, 0, url.text.length);
        if (HOST_WITHOUT_SCHEME.test(url.text)) {
          findings.push({
            range,
            message: 'The link has no `https://`: the site would resolve it as one of its own pages.',
            fix: { title: 'Add https://', edits: [{ range: urlSpan(url, 0, 0), newText: 'https://' }], safe: false },
          });
        } else if (url.inCommunity && !PLACEHOLDER.test(url.text)) {
          findings.push({ range, message: 'A community link needs a full URL (`https://…`): TWiR\'s CI rejects a link without a scheme.' });
        }
      } else if (!ALLOWED_SCHEMES.has(scheme)) {
        const range = urlSpan(url, 0, scheme.length + 1);
        findings.push({ range, message: `Scheme \`${scheme}:\` is not https, http or mailto.`, certainty: url.inCommunity ? 'defect' : 'convention' });
      }
    }
    return findings;
  },
};

export default rule;
