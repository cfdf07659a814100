import { mistypedWebPrefix, schemeOf } from '../../util/urls';
import type { Finding, Rule } from '../types';
import { urlSpan, writtenUrls } from './shared';

const ALLOWED_SCHEMES = new Set(['https', 'http', 'mailto']);
/** A destination without a scheme that starts like a host name: the site would resolve it as one of its own pages. */
const HOST_WITHOUT_SCHEME = /^(?:www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/)/i;

const rule: Rule = {
  id: 'links/scheme',
  fixable: true,
  severity: 'error',
  docs:
    'A web address written without `https://` (the site resolves it as one of its own pages), or a link whose scheme ' +
    'is not `https`, `http` or `mailto`: TWiR\'s CI reports those as possibly malformed in the community sections, ' +
    'where this is an error too; elsewhere it is a warning (old issues linked to IRC channels). Mistyped schemes ' +
    '(`hhttps://`) are reported by `links/malformed`.',
  check({ model }) {
    const findings: Finding[] = [];
    for (const url of writtenUrls(model)) {
      if (url.text === '' || mistypedWebPrefix(url.text)) continue;
      const scheme = schemeOf(url.text);
      if (scheme === undefined) {
        if (!HOST_WITHOUT_SCHEME.test(url.text)) continue;
        const range = urlSpan(url, 0, url.text.length);
        findings.push({
          range,
          message: 'The link has no `https://`: the site would resolve it as one of its own pages.',
          fix: { title: 'Add https://', edits: [{ range: urlSpan(url, 0, 0), newText: 'https://' }], safe: false },
        });
      } else if (!ALLOWED_SCHEMES.has(scheme)) {
        const range = urlSpan(url, 0, scheme.length + 1);
        findings.push({ range, message: `Scheme \`${scheme}:\` is not https, http or mailto.`, severity: url.inCommunity ? 'error' : 'warning' });
      }
    }
    return findings;
  },
};

export default rule;
