/**
 * Markers of `submerge` (rust-lang/this-week-in-rust `tools/submerge`), read as it reads them.
 *
 * `submerge fetch` adds the list item of each open one-link pull request to the draft, with a
 * comment at the end of the item's first line:
 *
 *     * [Title](https://example.com/post) <!-- url=https://github.com/rust-lang/this-week-in-rust/pull/1234 submerge-pr=1234 sha=<40 hex> author=someone title=Add a post -->
 *
 * `submerge merge` walks the draft's Markdown: any HTML holding `submerge-pr=` is a marker, taken
 * by the innermost list item around it; an item that ends with markers and is no nested item must
 * have exactly one, under a `###` heading of `## Updates from Rust Community`, matching the pattern
 * below, for a PR not seen before. It merges those PRs and removes their markers; a marker on a
 * nested item is skipped without a word (its PR stays open, the marker stays in the text).
 */
import type { MarkerSite } from './collect';
import type { Heading, SubmergeMarker, SubmergePullRequest } from './types';

/** What makes HTML a marker to `submerge merge` (`marker::TOKEN`). */
export const SUBMERGE_TOKEN = 'submerge-pr=';

/** `marker::Attrs::parse`, applied to the trimmed HTML. */
const MARKER = /^<!-- url=(\S+) submerge-pr=(\d+) sha=([0-9a-fA-F]{40}) author=(\S+)(?: title=(.*?))? -->$/;

/** The heading of the community sections as `submerge` compares it (`md::COMMUNITY_HEADING`). */
export const SUBMERGE_COMMUNITY_HEADING = 'Updates from Rust Community';

export function parseMarker(text: string): SubmergePullRequest | undefined {
  const match = MARKER.exec(text.trim());
  if (!match) return undefined;
  return { url: match[1], number: Number(match[2]), sha: match[3], author: match[4], title: match[5] ?? '' };
}

/**
 * The category of each line as `submerge`'s section tracker reads the headings: a `##` heading
 * opens or closes the community part, a `###` inside it names the category; other levels change
 * nothing.
 */
function sectionTracker(headings: readonly Heading[]): (line: number) => string | undefined {
  const starts: { line: number; section?: string }[] = [];
  let inCommunity = false;
  for (const heading of headings) {
    if (heading.text === '') continue;
    if (heading.level === 2) {
      inCommunity = heading.text === SUBMERGE_COMMUNITY_HEADING;
      starts.push({ line: heading.line });
    } else if (heading.level === 3) {
      starts.push({ line: heading.line, section: inCommunity ? heading.text : undefined });
    }
  }
  return (line) => {
    let section: string | undefined;
    for (const start of starts) {
      if (start.line >= line) break;
      section = start.section;
    }
    return section;
  };
}

export function submergeMarkers(sites: readonly MarkerSite[], headings: readonly Heading[]): SubmergeMarker[] {
  if (sites.length === 0) return [];
  const sectionAt = sectionTracker(headings);
  return sites.map((site) => {
    const line = site.range.start.line;
    // The item takes the section in force where it starts (`EditedItemCapture::section`).
    return { ...site, line, pr: parseMarker(site.text), section: sectionAt(site.item?.start.line ?? line) };
  });
}

/** A line's text with the markers on it blanked out (same length): what other rules read. */
export function withoutMarkers(text: string, line: number, markers: readonly SubmergeMarker[]): string {
  let result = text;
  for (const marker of markers) {
    if (marker.range.start.line > line || marker.range.end.line < line) continue;
    const start = marker.range.start.line === line ? marker.range.start.character : 0;
    const end = marker.range.end.line === line ? marker.range.end.character : result.length;
    result = result.slice(0, start) + ' '.repeat(end - start) + result.slice(end);
  }
  return result;
}
