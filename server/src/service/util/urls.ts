/**
 * URLs as TWiR's own CI (`tools/inspect_links.py`) sees them: the comparable form it uses to find
 * duplicates, the tracking parameters it rejects, and the simplifications it asks for. Rewrites
 * work on the URL as written, so that a fix changes only the bytes it targets.
 */

/**
 * Query parameters that only track where a click came from: the four TWiR's CI rejects, the other
 * `utm_*` ones, and the ad-click ids of Facebook, Google and Microsoft. Nothing that may select content.
 */
const TRACKING_PARAMETERS = new Set(['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term', 'utm_id', 'fbclid', 'gclid', 'msclkid']);

export function isTrackingParameter(name: string): boolean {
  return TRACKING_PARAMETERS.has(name.toLowerCase());
}

/** The URL as WHATWG URL parses it, or undefined when it is no absolute URL. */
export function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url.trim());
  } catch {
    return undefined;
  }
}

/** The parts of a URL as written, split as RFC 3986 appendix B does; every part keeps its delimiter. */
export interface UrlParts {
  /** `https:`, or empty when the URL has no scheme. */
  readonly scheme: string;
  /** `//host:port`, or empty. */
  readonly authority: string;
  readonly path: string;
  /** `?a=b`, or empty. */
  readonly query: string;
  /** `#x`, or empty. */
  readonly fragment: string;
}

const URI_PARTS = /^([a-zA-Z][a-zA-Z0-9+.-]*:)?(\/\/[^/?#]*)?([^?#]*)(\?[^#]*)?(#.*)?$/s;

export function splitUrl(url: string): UrlParts {
  const match = URI_PARTS.exec(url)!;
  return { scheme: match[1] ?? '', authority: match[2] ?? '', path: match[3], query: match[4] ?? '', fragment: match[5] ?? '' };
}

/** The URL's scheme in lower case, without the colon (`https`), or undefined when it has none. */
export function schemeOf(url: string): string | undefined {
  const scheme = splitUrl(url).scheme;
  return scheme ? scheme.slice(0, -1).toLowerCase() : undefined;
}

function parameterName(parameter: string): string {
  const name = parameter.split('=')[0];
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** The names of the tracking parameters in the URL's query, in order. */
export function trackingParametersOf(url: string): string[] {
  const { query } = splitUrl(url);
  if (!query) return [];
  return query.slice(1).split('&').map(parameterName).filter(isTrackingParameter);
}

/** The URL's query without its tracking parameters, every other parameter kept as written ('' when none is left). */
export function queryWithoutTracking(query: string): string {
  const kept = query
    .slice(1)
    .split('&')
    .filter((parameter) => parameter !== '' && !isTrackingParameter(parameterName(parameter)));
  return kept.length > 0 ? `?${kept.join('&')}` : '';
}

/**
 * Runs of slashes in the path that one slash would do (`/a//b`). A `//` right after a colon is
 * left alone: it belongs to a URL inside the path, as in `web.archive.org/web/2020/https://…`.
 */
export function doubleSlashesOf(path: string): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  for (const match of path.matchAll(/\/{2,}/g)) {
    if (path[match.index - 1] === ':') continue;
    runs.push({ start: match.index, end: match.index + match[0].length });
  }
  return runs;
}

/**
 * The form in which TWiR's CI compares links: `http` read as `https`, tracking parameters
 * dropped, runs of slashes and trailing slashes removed from the path. Host case, default ports and
 * percent-encoding are normalised by WHATWG URL parsing. A text that is no URL is compared as is.
 */
export function comparableUrl(url: string): string {
  let comparable = comparableUrls.get(url);
  if (comparable === undefined) {
    if (comparableUrls.size >= COMPARABLE_URL_LIMIT) comparableUrls.clear();
    comparableUrls.set(url, (comparable = normalise(url)));
  }
  return comparable;
}

/** URLs repeat across the versions of an issue and across issues: each is parsed once. */
const comparableUrls = new Map<string, string>();
const COMPARABLE_URL_LIMIT = 50_000;

function normalise(url: string): string {
  const parsed = parseUrl(url);
  if (!parsed) return url.trim();
  if (parsed.protocol === 'http:') parsed.protocol = 'https:';
  const parameters = new URLSearchParams(parsed.search);
  for (const name of new Set(parameters.keys())) if (isTrackingParameter(name)) parameters.delete(name);
  parsed.search = parameters.toString();
  if (!parsed.host) return parsed.href;
  const path = parsed.pathname.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  return `${parsed.protocol}//${parsed.host}${path}${parsed.search}${parsed.hash}`;
}

const WEB_PREFIX = /^([a-z]{3,7})(:?)(\/*)/i;
const MISTYPED_WEB_SCHEME = /^h*t{1,3}p{1,2}s{0,2}$/;
const WEB_SCHEME_AGAIN = /^https?:\/\//i;

/**
 * A mistyped start of a web URL and its correction: `hhttps://`, `htps://`, `https:/`, `https//`,
 * and a scheme written twice (`https://https://`). Undefined when the URL starts well.
 */
export function mistypedWebPrefix(url: string): { end: number; replacement: string } | undefined {
  const match = WEB_PREFIX.exec(url);
  if (!match) return undefined;
  const [prefix, letters, colon, slashes] = match;
  const scheme = letters.toLowerCase();
  if (!MISTYPED_WEB_SCHEME.test(scheme) || (!colon && slashes.length < 2)) return undefined;
  const intended = scheme.includes('s') ? 'https://' : 'http://';
  if (prefix.toLowerCase() === intended) {
    return WEB_SCHEME_AGAIN.test(url.slice(prefix.length)) ? { end: prefix.length, replacement: '' } : undefined;
  }
  return { end: prefix.length, replacement: intended };
}
