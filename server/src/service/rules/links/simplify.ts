import { queryWithoutTracking, rebuiltAsTwirCi, splitUrl, trackingParametersOf, type UrlParts } from '../../util/urls';
import type { Finding, Fix, Rule } from '../types';
import { urlSpan, writtenUrls, type WrittenUrl } from './shared';

const rule: Rule = {
  id: 'links/simplify',
  fixable: true,
  local: true,
  certainty: 'convention',
  docs:
    'A community link that TWiR\'s CI says "can be simplified": it rebuilds each URL as Python reads it (`urlsplit`, ' +
    'runs of slashes in the path made one, the query through `parse_qs` and `urlencode`) and fails on any ' +
    'difference — `/a//b`, a bare `?` or `#`, `?flag`, `%20` in a query, `?a=1,2`, a host with no `/` after it. ' +
    'The fix writes the URL as the CI rebuilds it; it is applied by fix-all only when the query is kept as written ' +
    '(a site may read a re-encoded query differently). Tracking parameters are left to `links/tracking`. Also, as ' +
    'a hint of our own on every link, `http://` where `https://` would do (the CI keeps the scheme; a few old sites ' +
    'serve no `https`, so that fix is offered one by one).',
  peers: { twirCi: 'same check and scope as "link can be simplified" (Python\'s URL rules); the http → https hint is ours' },
  example: {
    in: 'community',
    wrong: '* [IDEs and Macros](https://rust-analyzer.github.io//blog/2021/11/21///ides-and-macros.html)',
    right: '* [IDEs and Macros](https://rust-analyzer.github.io/blog/2021/11/21/ides-and-macros.html)',
  },
  check({ model, span }) {
    const findings: Finding[] = [];
    for (const url of writtenUrls(model, span)) {
      const parts = splitUrl(url.text);
      if (parts.scheme.toLowerCase() === 'http:' && parts.authority) findings.push(httpsHint(url));
      if (url.inCommunity) findings.push(...asTwirCiAsks(url, parts));
    }
    return findings;
  },
};

function httpsHint(url: WrittenUrl): Finding {
  return {
    range: urlSpan(url, 0, 4),
    message: 'Use `https://` rather than `http://` (our hint: TWiR\'s CI accepts `http`).',
    certainty: 'hint',
    fix: { title: 'Use https', edits: [{ range: urlSpan(url, 4, 4), newText: 's' }], safe: false },
  };
}

function asTwirCiAsks(url: WrittenUrl, written: UrlParts): Finding[] {
  const rebuilt = rebuiltAsTwirCi(url.text);
  if (rebuilt === url.text) return [];
  // `https://` and nothing else is a URL still being typed: the CI's `https:///` is no better (and links/malformed reads it as a repeated scheme).
  if (written.authority === '//') return [];
  // Only tracking parameters to drop: links/tracking reports them.
  const withoutTracking = written.scheme + written.authority + written.path + queryWithoutTracking(written.query) + written.fragment;
  if (trackingParametersOf(url.text).length > 0 && rebuilt === withoutTracking) return [];
  const simpler = splitUrl(rebuilt);
  const range = urlSpan(url, 0, url.text.length);
  // The edit spans only what changes, so that it does not overlap the https hint's.
  const [start, end, newText] = changedSpan(url.text, rebuilt);
  // A query written again by Python may read differently to the site; a `//` after a colon is a URL inside the path (the Wayback Machine's).
  const safe = (written.query === '?' || simpler.query === queryWithoutTracking(written.query)) && !written.path.includes('://');
  const fix: Fix = { title: `Write it as ${rebuilt}`, edits: [{ range: urlSpan(url, start, end), newText }], safe };
  return [{ range, message: `TWiR's CI asks for this link as \`${rebuilt}\`: ${differences(written, simpler).join(', ')}.`, fix }];
}

/** The span of `before` that differs from `after` (`start`, `end`) and its replacement. */
function changedSpan(before: string, after: string): [number, number, string] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let fromEnd = 0;
  while (fromEnd < before.length - start && fromEnd < after.length - start && before[before.length - 1 - fromEnd] === after[after.length - 1 - fromEnd]) fromEnd++;
  return [start, before.length - fromEnd, after.slice(start, after.length - fromEnd)];
}

function differences(written: UrlParts, simpler: UrlParts): string[] {
  const found: string[] = [];
  if (written.scheme !== simpler.scheme) found.push('the scheme in lower case');
  if (written.path !== simpler.path) found.push(written.path === '' ? 'a `/` after the host' : 'one slash for each run of slashes');
  if (written.query !== simpler.query) found.push(written.query === '?' ? 'no empty `?`' : 'the query as Python writes it');
  if (written.fragment !== simpler.fragment) found.push('no empty `#`');
  return found;
}

export default rule;
