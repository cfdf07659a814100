import type { IssueModel } from '../../model/types';
import { comparableUrl } from '../../util/urls';
import type { EarlierIssue, Finding, Rule } from '../types';
import { communityLinks, type CommunityLink } from './shared';

function issueName(issue: EarlierIssue): string {
  return issue.issueNumber !== undefined ? `issue ${issue.issueNumber} (${issue.fileName})` : issue.fileName;
}

/** Each comparable community URL of the recent issues, with the newest issue that has it. */
function earlierUrls(recentIssues: readonly EarlierIssue[]): Map<string, EarlierIssue> {
  const urls = new Map<string, EarlierIssue>();
  for (const issue of recentIssues) for (const url of issue.communityUrls) if (!urls.has(url)) urls.set(url, issue);
  return urls;
}

/** Removes the entry of a repeated link, when the link is what the entry is about (its first link). */
function removeEntry(model: IssueModel, item: CommunityLink, first: CommunityLink) {
  const entry = item.entry;
  if (!entry || entry.links[0] !== item.link || first.entry === entry) return undefined;
  return { title: 'Remove this entry', edits: [{ range: model.lines.linesWithBreakRange(entry.line, entry.endLine), newText: '' }], safe: false };
}

const rule: Rule = {
  id: 'links/duplicate',
  fixable: true,
  certainty: 'convention',
  docs:
    'A community link (under Updates from Rust Community) that this issue already has, or that one of the 25 most ' +
    'recent issues beside the file (`content/`, `draft/`) already had, as TWiR\'s CI checks: URLs are compared with ' +
    '`http` read as `https`, tracking parameters dropped and doubled or trailing slashes ignored; we also read ' +
    '`www.example.com` as `example.com`, which the CI does not. Links elsewhere ' +
    '(events, CFPs, the RFC lists) recur every week and are not compared. The fix removes a repeated entry of this ' +
    'issue; a link from an earlier issue is for the editor to judge.',
  peers: { twirCi: 'same check and scope ("possible duplicate link"); wider: `www.` and no `www.` are one host' },
  example: {
    in: 'community',
    wrong: '* [One](https://example.com/one/)\n* [Two](https://example.com/two)\n* [One again](http://example.com//one?utm_source=rss)',
    right: '* [One](https://example.com/one/)\n* [Two](https://example.com/two)',
  },
  check({ model, recentIssues }) {
    const findings: Finding[] = [];
    const earlier = earlierUrls(recentIssues);
    const seen = new Map<string, CommunityLink>();
    for (const item of communityLinks(model)) {
      if (item.link.url === '') continue;
      const key = comparableUrl(item.link.url);
      const first = seen.get(key);
      const range = item.link.urlRange ?? item.link.range;
      if (first) {
        findings.push({ range, message: `Same link as line ${first.link.line + 1}.`, fix: removeEntry(model, item, first) });
        continue;
      }
      seen.set(key, item);
      const issue = earlier.get(key);
      if (issue) findings.push({ range, message: `This link was already in ${issueName(issue)}.` });
    }
    return findings;
  },
};

export default rule;
