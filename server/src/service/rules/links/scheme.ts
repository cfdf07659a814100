import type { IssueModel, Link } from '../../model/types';
import type { Position, Range } from '../../util/text';
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
    'linked to IRC channels) and links inside the site are fine, but for an event, CFP or job link without a scheme ' +
    '(`[Euro Rust](eurorust)`): a page of the site that does not exist, an error; the fix takes the URL the same name ' +
    'links to elsewhere in the issue. Mistyped schemes (`hhttps://`) are reported by `links/malformed`.',
  peers: { twirCi: 'same check in the community sections ("unexpected/malformed link scheme"); wider: host names without a scheme anywhere' },
  example: {
    in: 'community',
    wrong: '* [A post](example.com/post)',
    right: '* [A post](https://example.com/post)',
  },
  check({ model, span }) {
    const findings: Finding[] = [];
    const listed = listingLinks(model);
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
        } else if (!PLACEHOLDER.test(url.text)) {
          const link = listed.get(positionKey(url.range.start));
          if (link) findings.push(relativeLinkFinding(model, link, range));
        }
      } else if (!ALLOWED_SCHEMES.has(scheme)) {
        const range = urlSpan(url, 0, scheme.length + 1);
        findings.push({ range, message: `Scheme \`${scheme}:\` is not https, http or mailto.`, certainty: url.inCommunity ? 'defect' : 'convention' });
      }
    }
    return findings;
  },
};

const positionKey = (position: Position) => `${position.line}:${position.character}`;

/** The links of events, CFPs and jobs, by where their URL starts: what readers follow to another site. */
function listingLinks(model: IssueModel): Map<string, Link> {
  const links = new Map<string, Link>();
  const add = (link: Link) => link.urlRange && links.set(positionKey(link.urlRange.start), link);
  for (const entry of model.entries) if (LISTINGS.has(entry.kind)) entry.links.forEach(add);
  for (const jobs of model.allSections.filter((section) => section.kind === 'jobs')) {
    for (const link of model.links) if (jobs.heading.line < link.line && link.line < jobs.endLine) add(link);
  }
  return links;
}
const LISTINGS = new Set(['event', 'cfp-event', 'cfp-project']);

/**
 * `[Euro Rust](eurorust)`: the site resolves it as one of its own pages, a 404. The fix takes the URL
 * the same name links to elsewhere in the issue, when it links to one only.
 */
function relativeLinkFinding(model: IssueModel, link: Link, range: Range): Finding {
  const name = link.text.replace(/\*\*/g, '').trim().toLowerCase();
  const targets = new Set(model.links.filter((other) => other !== link && other.text.replace(/\*\*/g, '').trim().toLowerCase() === name && schemeOf(other.url) !== undefined).map((other) => other.url));
  const [target] = targets;
  return {
    range,
    message: `The link "${link.url}" has no scheme: on the site it is a page of this-week-in-rust.org that does not exist. Write its full URL (\`https://…\`).`,
    fix: targets.size === 1 ? { title: `Link to ${target}`, edits: [{ range, newText: target }] } : undefined,
  };
}

export default rule;
