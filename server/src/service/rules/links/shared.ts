import { isCommunitySection, isInCommunityText } from '../../model/sections';
import type { Entry, IssueModel, Link, Section } from '../../model/types';
import type { Range } from '../../util/text';
import { comparableUrl } from '../../util/urls';
import { statedPlaces } from '../events/common';
import type { EarlierIssue } from '../types';
import { linksOnLines } from '../../model/collect';
import { perModel } from '../per-model';
import { inSpan, isWhole, linksIn, spanOrWhole, type LineSpan } from '../span';

/** A link in the community sections (`## Updates from Rust Community` and its categories). */
export interface CommunityLink {
  readonly link: Link;
  readonly section: Section;
  /** The list entry the link belongs to, when it is in one. */
  readonly entry?: Entry;
}

/** The links TWiR's CI checks strictly: every link in the community sections' own text (with a span, those starting there). */
export function communityLinks(model: IssueModel, span?: LineSpan): readonly CommunityLink[] {
  return isWhole(model, span) ? allCommunityLinks(model) : communityLinksIn(model, span!);
}

const allCommunityLinks = perModel((model: IssueModel) => communityLinksIn(model, spanOrWhole(model, undefined)));

function communityLinksIn(model: IssueModel, { from, to }: LineSpan): CommunityLink[] {
  const result: CommunityLink[] = [];
  for (const section of model.allSections) {
    if (!isCommunitySection(section.kind) || section.bodyEndLine <= from || section.heading.line >= to) continue;
    for (const link of linksOnLines(model.links, Math.max(from, section.heading.line + 1), Math.min(to, section.bodyEndLine) - 1)) {
      const entry = section.entries.find((candidate) => candidate.line <= link.line && link.line <= candidate.endLine);
      result.push({ link, section, entry });
    }
  }
  return result;
}

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

/** Every URL written in the issue, once each (a definition once, however many links use it); with a span, those written there. */
export function writtenUrls(model: IssueModel, span?: LineSpan): readonly WrittenUrl[] {
  return isWhole(model, span) ? allWrittenUrls(model) : writtenUrlsIn(model, span!);
}

const allWrittenUrls = perModel((model: IssueModel) => writtenUrlsIn(model, spanOrWhole(model, undefined)));

function writtenUrlsIn(model: IssueModel, span: LineSpan): WrittenUrl[] {
  const whole = isWhole(model, span);
  const community = whole ? new Set(communityLinks(model).map((item) => item.link)) : undefined;
  const inCommunity = (link: Link) => (community ? community.has(link) : isInCommunityText(model, link.line));
  const urls = new Map<string, WrittenUrl>();
  const add = (range: Range, isCommunity: boolean) => {
    if (!inSpan(span, range.start.line)) return;
    const key = `${range.start.line}:${range.start.character}`;
    const known = urls.get(key);
    const text = model.text.slice(model.lines.offsetAt(range.start), model.lines.offsetAt(range.end));
    urls.set(key, { text, range, inCommunity: isCommunity || (known?.inCommunity ?? false) });
  };
  for (const definition of model.definitions) add(definition.urlRange, false);
  for (const link of linksIn(model, span)) if (link.urlRange) add(link.urlRange, inCommunity(link));
  // A definition here is a community link's URL when a reference link there uses it, wherever that link is.
  if (!whole) for (const link of referenceLinks(model)) if (link.urlRange && inSpan(span, link.urlRange.start.line) && inCommunity(link)) add(link.urlRange, true);
  return [...urls.values()].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

const referenceLinks = perModel((model: IssueModel) => model.links.filter((link) => link.kind === 'reference'));

/** The document range of characters `start … end` of a written URL (URLs never span lines). */
export function urlSpan(url: WrittenUrl, start: number, end: number): Range {
  const { line, character } = url.range.start;
  return { start: { line, character: character + start }, end: { line, character: character + end } };
}
