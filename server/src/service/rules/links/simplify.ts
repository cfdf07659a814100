import { doubleSlashesOf, splitUrl } from '../../util/urls';
import type { Finding, Rule } from '../types';
import { urlSpan, writtenUrls } from './shared';

const rule: Rule = {
  id: 'links/simplify',
  fixable: true,
  severity: 'warning',
  docs:
    'A link that can be written more simply, as TWiR\'s CI asks: `http://` where `https://` is meant, and runs of ' +
    'slashes in the path (`/a//b`). TWiR\'s CI also reads `http` and `https` links as the same when it looks for ' +
    'duplicates. The `https` fix is offered one by one (a few old sites serve no `https`); the slash fix is safe.',
  check({ model }) {
    const findings: Finding[] = [];
    for (const url of writtenUrls(model)) {
      const { scheme, authority, path } = splitUrl(url.text);
      if (!/^https?:$/i.test(scheme) || !authority) continue;
      if (scheme.toLowerCase() === 'http:') {
        const range = urlSpan(url, 0, 4);
        const insertAt = urlSpan(url, 4, 4);
        findings.push({
          range,
          message: 'Use `https://` rather than `http://`.',
          fix: { title: 'Use https', edits: [{ range: insertAt, newText: 's' }], safe: false },
        });
      }
      const pathStart = scheme.length + authority.length;
      for (const run of doubleSlashesOf(path)) {
        const range = urlSpan(url, pathStart + run.start, pathStart + run.end);
        findings.push({ range, message: 'Double slash in the link\'s path.', fix: { title: 'Use a single slash', edits: [{ range, newText: '/' }] } });
      }
    }
    return findings;
  },
};

export default rule;
