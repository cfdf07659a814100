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
 * The form in which links are compared for duplicates: as TWiR's CI, `http` read as `https`,
 * tracking parameters dropped, runs of slashes and trailing slashes removed from the path; and, our
 * extension, a host with `www.` read as the same host without it. Host case, default ports and
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
  return `${parsed.protocol}//${parsed.host.replace(/^www\./, '')}${path}${parsed.search}${parsed.hash}`;
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

/** The tracking parameters TWiR's CI drops when it rebuilds a URL (names compared exactly). */
const TWIR_CI_TRACKING_PARAMETERS = new Set(['utm_source', 'utm_campaign', 'utm_medium', 'utm_content']);
/** Schemes whose URLs Python's `urlunsplit` writes with `//` (those TWiR links use). */
const PYTHON_NETLOC_SCHEMES = new Set(['', 'ftp', 'http', 'https', 'file', 'git', 'ws', 'wss', 'sftp', 'svn', 'rsync']);

/**
 * The URL as TWiR's CI rebuilds it to ask for a simpler one (`parse_url` in `tools/inspect_links.py`):
 * split as Python's `urlsplit` splits (the scheme in lower case), runs of slashes in the path made
 * one (an empty path becomes `/`), the query read by `parse_qs` (parameters without a value and
 * `?flag` dropped, repeated names grouped) and written again by `urlencode` without the four
 * tracking parameters, then joined by `urlunsplit` (an empty query or fragment is dropped). These
 * are Python's rules, not WHATWG URL's: what counts is the exact string their script compares.
 */
export function rebuiltAsTwirCi(url: string): string {
  const { scheme, netloc, path, query, fragment } = pythonUrlsplit(url);
  const segments = path.split('/');
  const trailingSlash = segments[segments.length - 1] === '';
  let rebuilt = segments.filter(Boolean).join('/') + (trailingSlash ? '/' : '');
  if (netloc || (scheme && PYTHON_NETLOC_SCHEMES.has(scheme) && !rebuilt.startsWith('//'))) {
    if (rebuilt && !rebuilt.startsWith('/')) rebuilt = `/${rebuilt}`;
    rebuilt = `//${netloc}${rebuilt}`;
  }
  if (scheme) rebuilt = `${scheme}:${rebuilt}`;
  const kept = query && pythonUrlencode(pythonParseQs(query).filter(([name]) => !TWIR_CI_TRACKING_PARAMETERS.has(name)));
  if (kept) rebuilt += `?${kept}`;
  if (fragment) rebuilt += `#${fragment}`;
  return rebuilt;
}

/** Python 3.11's `urllib.parse.urlsplit`: the scheme ends at the first `:`, the query and fragment lose their delimiters. */
function pythonUrlsplit(written: string) {
  let url = written.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '').replace(/[\t\r\n]/g, '');
  let scheme = '';
  const schemeMatch = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(url);
  if (schemeMatch) {
    scheme = schemeMatch[0].slice(0, -1).toLowerCase();
    url = url.slice(schemeMatch[0].length);
  }
  let netloc = '';
  if (url.startsWith('//')) {
    const end = url.slice(2).search(/[/?#]/);
    netloc = end === -1 ? url.slice(2) : url.slice(2, 2 + end);
    url = url.slice(2 + netloc.length);
  }
  const [beforeFragment, fragment = ''] = splitOnce(url, '#');
  const [path, query = ''] = splitOnce(beforeFragment, '?');
  return { scheme, netloc, path, query, fragment };
}

function splitOnce(text: string, separator: string): [string, string?] {
  const at = text.indexOf(separator);
  return at === -1 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}

/** Python's `parse_qs` (blank values dropped), as name → values in the order names first appear. */
function pythonParseQs(query: string): [string, string[]][] {
  const parameters = new Map<string, string[]>();
  for (const pair of query.split('&')) {
    const equals = pair.indexOf('=');
    if (equals === -1 || equals === pair.length - 1) continue;
    const name = pythonUnquote(pair.slice(0, equals).replace(/\+/g, ' '));
    const value = pythonUnquote(pair.slice(equals + 1).replace(/\+/g, ' '));
    parameters.set(name, [...(parameters.get(name) ?? []), value]);
  }
  return [...parameters];
}

const UTF8_WITH_REPLACEMENT = new TextDecoder('utf-8');
const UTF8_ENCODER = new TextEncoder();

/** Python's `unquote`: `%XX` sequences decoded as UTF-8, invalid bytes as U+FFFD, a `%` without two hex digits kept. */
function pythonUnquote(text: string): string {
  if (!text.includes('%')) return text;
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const hex = text.slice(index + 1, index + 3);
    if (text[index] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      const character = String.fromCodePoint(text.codePointAt(index)!);
      bytes.push(...UTF8_ENCODER.encode(character));
      index += character.length - 1;
    }
  }
  return UTF8_WITH_REPLACEMENT.decode(Uint8Array.from(bytes));
}

/** Python's `urlencode(…, doseq=True)` with `quote_plus`: all but letters, digits and `_.-~` percent-encoded, spaces as `+`. */
function pythonUrlencode(parameters: [string, string[]][]): string {
  const quotePlus = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');
  return parameters.flatMap(([name, values]) => values.map((value) => `${quotePlus(name)}=${quotePlus(value)}`)).join('&');
}
