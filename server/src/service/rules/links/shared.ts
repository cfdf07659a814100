import { isCommunitySection } from '../../model/sections';
import type { Entry, IssueModel, Link, Section } from '../../model/types';
import type { Range } from '../../util/text';
import { comparableUrl } from '../../util/urls';
import { statedPlaces } from '../events/common';
import type { EarlierIssue } from '../types';
import { linksOnLines } from '../../model/collect';
import { perModel } from '../per-model';

/** A link in the community sections (`## Updates from Rust Community` and its categories). */
export interface CommunityLink {
  readonly link: Link;
  readonly section: Section;
  /** The list entry the link belongs to, when it is in one. */
  readonly entry?: Entry;
}

/** The links TWiR's CI checks strictly: every link in the community sections' own text. */
export const communityLinks = perModel((model: IssueModel): readonly CommunityLink[] => {
  const result: CommunityLink[] = [];
  for (const section of model.allSections) {
    if (!isCommunitySection(section.kind)) continue;
    for (const link of linksOnLines(model.links, section.heading.line + 1, section.bodyEndLine - 1)) {
      const entry = section.entries.find((candidate) => candidate.line <= link.line && link.line <= candidate.endLine);
      result.push({ link, section, entry });
    }
  }
  return result;
});

/** What links/duplicate needs of an earlier issue. */
export function earlierIssue(fileName: string, model: IssueModel): EarlierIssue {
  const urls = new Set<string>();
  for (const { link } of communityLinks(model)) if (link.url !== '') urls.add(comparableUrl(link.url));
  return { fileName, issueNumber: model.header?.issueNumber, communityUrls: [...urls], statedPlaces: statedPlaces(model) };
}

/** A URL as written in the text: an inline link's or autolink's destination, or a definition's. */
export interface WrittenUrl {
  /** The URL exactly as written (no unescaping), so that edits target its bytes. */
  readonly text: string;
  readonly range: Range;
  /** Whether it is (or defines the URL of) a link in the community sections. */
  readonly inCommunity: boolean;
}

/** Every URL written in the issue, once each (a definition once, however many links use it). */
export const writtenUrls = perModel((model: IssueModel): readonly WrittenUrl[] => {
  const community = new Set(communityLinks(model).map((item) => item.link));
  const urls = new Map<string, WrittenUrl>();
  const add = (range: Range, inCommunity: boolean) => {
    const key = `${range.start.line}:${range.start.character}`;
    const known = urls.get(key);
    const text = model.text.slice(model.lines.offsetAt(range.start), model.lines.offsetAt(range.end));
    urls.set(key, { text, range, inCommunity: inCommunity || (known?.inCommunity ?? false) });
  };
  for (const definition of model.definitions) add(definition.urlRange, false);
  for (const link of model.links) if (link.urlRange) add(link.urlRange, community.has(link));
  return [...urls.values()].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
});

/** The document range of characters `start … end` of a written URL (URLs never span lines). */
export function urlSpan(url: WrittenUrl, start: number, end: number): Range {
  const { line, character } = url.range.start;
  return { start: { line, character: character + start }, end: { line, character: character + end } };
}
