/**
 * A pasted URL written as a titled link, `[Title](url)`, on an explicit action only (the paste
 * option, the code action): the one feature that opens a network connection. What is fetched: for
 * a GitHub issue or pull request, its title through GitHub's API; for another page, its `og:title`
 * or `<title>`, read from at most the page's head. The network is given (`TitleNetwork`), as the
 * workspace is: tests point it at a local server.
 */
import { Parser } from 'htmlparser2';
import { isCommunitySection } from './model/sections';
import type { IssueModel, SectionKind } from './model/types';
import { sectionAt } from './providers/locate';
import type { Position, Range } from './util/text';
import { WINDOWS_1252_C1 } from './util/mojibake';
import { queryWithoutTracking, splitUrl } from './util/urls';

/** What the service reaches the network through. */
export interface TitleNetwork {
  /** WHATWG fetch (Node's, a browser's). */
  readonly fetch: (url: string, init: { signal: AbortSignal; headers: Record<string, string>; redirect: 'follow' }) => Promise<Response>;
  /** GitHub's REST API: `https://api.github.com`. */
  readonly githubApi: string;
  /** Whether the fetch runs in a browser, where a site's CORS policy can refuse it. */
  readonly inBrowser?: boolean;
}

/** How long a fetch may take, and how much of a page is read: a title is in the head. */
export const TITLE_FETCH_LIMITS = { timeoutMs: 5000, maxBytes: 256 * 1024 };

/** The sections where a pasted URL is a link to write as `[Title](url)`: the community categories and CFP projects. */
const LINK_SECTIONS = new Set<SectionKind>(['cfp-projects']);

function inLinkSection(model: IssueModel, line: number): boolean {
  const section = sectionAt(model, line);
  return section !== undefined && section.heading.line !== line && (isCommunitySection(section.kind) || LINK_SECTIONS.has(section.kind));
}

const SINGLE_URL = /^https?:\/\/[^\s<>"'`]+$/i;
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`()[\]]+/gi;
/** Link texts that stand for a title not written yet: the template's examples, or nothing. */
const PLACEHOLDER_TEXT = /^(?:|\s+|title|title of (?:the )?(?:linked )?(?:page|article|post)|item title|project name - title of issue|feature|insert_title_here|todo|tbd|\.\.\.|…)$/i;

/** The URL with its tracking parameters off, as `links/tracking` wants it; everything else as written. */
export function cleanUrl(url: string): string {
  const parts = splitUrl(url.trim());
  return `${parts.scheme}${parts.authority}${parts.path}${parts.query ? queryWithoutTracking(parts.query) : ''}${parts.fragment}`;
}

/** The pasted text, when it is one URL pasted at a place in a link section: the URL to title. */
export function pastedUrl(model: IssueModel, position: Position, text: string): string | undefined {
  const url = text.trim();
  return SINGLE_URL.test(url) && inLinkSection(model, position.line) ? url : undefined;
}

/** What the code action would rewrite at a position: a bare URL, or a link whose text is its URL or a placeholder. */
export interface TitleTarget {
  readonly range: Range;
  readonly url: string;
}

export function titleTargetAt(model: IssueModel, position: Position): TitleTarget | undefined {
  if (!inLinkSection(model, position.line)) return undefined;
  const links = model.links.filter((link) => link.line === position.line && link.kind !== 'reference');
  const link = links.find((candidate) => candidate.range.start.character <= position.character && position.character <= candidate.range.end.character);
  if (link) {
    const text = link.text.trim();
    const untitled = link.kind === 'autolink' || text === link.url || PLACEHOLDER_TEXT.test(text);
    return untitled && /^https?:\/\//i.test(link.url) ? { range: link.range, url: link.url } : undefined;
  }
  const line = model.lines.lineText(position.line);
  for (const match of line.matchAll(URL_IN_TEXT)) {
    const start = match.index;
    const end = start + match[0].replace(/[.,;:!?]+$/, '').length;
    const insideLink = links.some((candidate) => candidate.range.start.character <= start && end <= candidate.range.end.character);
    if (!insideLink && start <= position.character && position.character <= end) {
      return { range: { start: { line: position.line, character: start }, end: { line: position.line, character: end } }, url: line.slice(start, end) };
    }
  }
  return undefined;
}

/** `[Title](url)`: the title's brackets escaped, the URL cleaned. */
export function titledLink(title: string, url: string): string {
  return `[${title.replace(/([\\[\]])/g, '\\$1')}](${cleanUrl(url)})`;
}

const GITHUB_ITEM = /^https?:\/\/(?:www\.)?github\.com\/([^/?#]+)\/([^/?#]+)\/(?:issues|pull)\/(\d+)(?:[/?#]|$)/i;

/**
 * The page's title, or why there is none. Never throws; `signal` cancels it; it stops after
 * `TITLE_FETCH_LIMITS.timeoutMs`, and reads at most `maxBytes` of the page (its head).
 */
export async function fetchTitle(url: string, network: TitleNetwork, signal?: AbortSignal, limits = TITLE_FETCH_LIMITS): Promise<{ title: string } | { error: string }> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), limits.timeoutMs);
  const stop = new AbortController();
  const abort = () => stop.abort();
  timeout.signal.addEventListener('abort', abort);
  signal?.addEventListener('abort', abort);
  if (signal?.aborted) stop.abort();
  try {
    // The tracking parameters are not sent either.
    const page = cleanUrl(url);
    const github = GITHUB_ITEM.exec(page);
    const title = github ? await githubTitle(github, network, stop.signal, limits.maxBytes) : await pageTitle(page, network, stop.signal, limits.maxBytes);
    const clean = title?.replace(/\s+/g, ' ').trim();
    return clean ? { title: clean } : { error: 'the page has no title' };
  } catch (error) {
    if (signal?.aborted) return { error: 'cancelled' };
    if (timeout.signal.aborted) return { error: `no answer within ${limits.timeoutMs / 1000} s` };
    return { error: describeFailure(error, network) };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}

class FetchFailure extends Error {}

async function githubTitle([, owner, repo, number]: RegExpExecArray, network: TitleNetwork, signal: AbortSignal, maxBytes: number): Promise<string | undefined> {
  const api = `${network.githubApi.replace(/\/+$/, '')}/repos/${owner}/${repo}/issues/${number}`;
  const response = await network.fetch(api, { signal, redirect: 'follow', headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' } });
  if (!response.ok) throw new FetchFailure(`GitHub's API answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${owner}/${repo}#${number}`);
  // The item's JSON holds its body too (up to 65,536 characters): it is read whole, within four heads.
  const { bytes } = await readHead(response, maxBytes * 4, () => false);
  let item: unknown;
  try {
    item = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new FetchFailure('GitHub\'s API answered something that is not JSON');
  }
  const title = (item as { title?: unknown }).title;
  return typeof title === 'string' ? title : undefined;
}

async function pageTitle(url: string, network: TitleNetwork, signal: AbortSignal, maxBytes: number): Promise<string | undefined> {
  const response = await network.fetch(url, { signal, redirect: 'follow', headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' } });
  if (!response.ok) throw new FetchFailure(`the site answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  const type = response.headers.get('content-type') ?? '';
  if (type && !/html/i.test(type)) throw new FetchFailure(`the page is no HTML page (${type.split(';')[0].trim()})`);
  const latin1 = new TextDecoder('latin1');
  const { bytes } = await readHead(response, maxBytes, (seen) => /<\/head\s*>|<body[\s>]/i.test(latin1.decode(seen)));
  const text = decodePage(bytes, charsetOf(type) ?? metaCharset(latin1.decode(bytes.subarray(0, 2048))));
  return titleOfHtml(text);
}

/** Reads the body until `enough` says so or `maxBytes` are read, then stops the download. */
async function readHead(response: Response, maxBytes: number, enough: (seen: Uint8Array) => boolean): Promise<{ bytes: Uint8Array }> {
  const reader = response.body?.getReader();
  if (!reader) return { bytes: new Uint8Array() };
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
    // The last chunk (and a little before it) is enough to see the end of the head.
    if (length >= maxBytes || enough(value)) break;
  }
  void reader.cancel().catch(() => {});
  const bytes = new Uint8Array(Math.min(length, maxBytes));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.length;
  }
  return { bytes };
}

function charsetOf(contentType: string): string | undefined {
  return /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)?.[1];
}

/** `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">`, as the HTML standard prescans. */
function metaCharset(start: string): string | undefined {
  return /<meta[^>]+charset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(start)?.[1];
}

/** Labels WHATWG decodes as Windows-1252, which Node 20's `TextDecoder` decodes as ISO-8859-1 (no `€`, `’` …). */
const WINDOWS_1252_LABELS = /^(?:windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|iso_8859-1|latin1|l1|us-ascii|ascii|cp819|ibm819)$/i;

function decodePage(bytes: Uint8Array, charset: string | undefined): string {
  try {
    const text = new TextDecoder(charset ?? 'utf-8').decode(bytes);
    return charset && WINDOWS_1252_LABELS.test(charset) ? text.replace(/[\u0080-\u009f]/g, (c1) => WINDOWS_1252_C1[c1.charCodeAt(0) - 0x80]) : text;
  } catch {
    // A label the runtime does not know: UTF-8, as browsers fall back.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** The `og:title` of the head, else its `<title>`, entities decoded. */
export function titleOfHtml(html: string): string | undefined {
  let ogTitle: string | undefined;
  let title: string | undefined;
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'meta' && (attributes.property ?? attributes.name)?.toLowerCase() === 'og:title' && attributes.content) ogTitle ??= attributes.content;
        if (name === 'title' && title === undefined) {
          inTitle = true;
          title = '';
        }
      },
      ontext(text) {
        if (inTitle) title += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'head') parser.pause();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return ogTitle?.trim() || title?.trim() || undefined;
}

/** Why a fetch failed, in a few words; in a browser a refused request looks like a network error. */
function describeFailure(error: unknown, network: TitleNetwork): string {
  if (error instanceof FetchFailure) return error.message;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (network.inBrowser && error instanceof TypeError) return 'the browser refused the request: the site\'s CORS policy does not let an extension read it (or the network is down)';
  if (cause?.code) return `the request failed (${cause.code})`;
  return `the request failed (${error instanceof Error ? error.message : String(error)})`;
}
