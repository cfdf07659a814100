import type { LintDiagnostic } from '../lint';
import type { EventEntry, IssueModel, Link, SubmergeMarker } from '../model/types';
import { ruleById } from '../rules/index';
import { countryName, regionsOfCountry } from '../util/countries';
import { formatIsoDate, weekdayName, type IsoDate } from '../util/dates';
import { rangeContains, type Position, type Range } from '../util/text';
import { entryAt, linkAt, sectionAt, sectionPath } from './locate';
import { comparableUrl } from '../util/urls';
import type { RelatedIssue } from './related';
import { describeUrl } from './url-info';

/** A hover: Markdown text and the range it describes. */
export interface HoverInfo {
  markdown: string;
  range: Range;
}

/**
 * What the editor sees when pointing at a part of an issue: a diagnostic's rule, a link (what it
 * points to, where else it appears), an event's date, a country code. Parts are separated by rules.
 */
export function hover(model: IssueModel, position: Position, diagnostics: readonly LintDiagnostic[] = [], related: readonly RelatedIssue[] = []): HoverInfo | undefined {
  const parts: { markdown: string; range: Range }[] = [];
  for (const diagnostic of diagnostics) {
    if (!rangeContains(diagnostic.range, position)) continue;
    const rule = ruleById(diagnostic.rule);
    // The editor shows the diagnostic's message itself: the hover adds what the rule is about.
    if (rule) parts.push({ markdown: `**${rule.id}** (${diagnostic.severity}): ${rule.docs}`, range: diagnostic.range });
  }
  const event = entryAt(model, position.line)?.event;
  const date = event?.date;
  if (event && date && rangeContains(date.range, position)) parts.push({ markdown: dateHover(model, date.start, date.end), range: date.range });
  const country = event?.location?.countryRange && rangeContains(event.location.countryRange, position) ? countryHover(event) : undefined;
  if (country) parts.push(country);
  const link = linkAt(model, position);
  const marker = markerAt(model, position) ?? (link && markerOfLink(model, link));
  if (marker?.pr) parts.push({ markdown: pullRequestHover(model, marker), range: rangeContains(marker.range, position) ? marker.range : link!.range });
  if (link) parts.push({ markdown: linkHover(model, link, related), range: link.range });
  if (parts.length === 0) return undefined;
  // The innermost part decides the range the editor highlights.
  const narrowest = parts.reduce((best, part) => (span(part.range) < span(best.range) ? part : best));
  return { markdown: parts.map((part) => part.markdown).join('\n\n---\n\n'), range: narrowest.range };
}

function markerAt(model: IssueModel, position: Position): SubmergeMarker | undefined {
  return model.markers.find((marker) => rangeContains(marker.range, position));
}

/** The marker of the item a link belongs to (the marker `submerge merge` reads for it). */
function markerOfLink(model: IssueModel, link: Link): SubmergeMarker | undefined {
  return model.markers.find((marker) => marker.item && rangeContains(marker.item, link.range.start) && (marker.depth === 1 || marker.line === link.line));
}

/** Where a link came from: the pull request of its submerge marker, and what `submerge merge` will do with it. */
function pullRequestHover(model: IssueModel, marker: SubmergeMarker): string {
  const pr = marker.pr!;
  const title = pr.title ? `: ${pr.title.replace(/([\\`*_[\]<>])/g, '\\$1')}` : '';
  const fate =
    model.folder === 'content'
      ? 'A published issue: this marker should have been removed by `submerge merge`.'
      : marker.depth > 1
        ? 'On a nested item: `submerge merge` skips it, so the PR stays open.'
        : 'Kept here, it is merged by `submerge merge`; delete the item and its marker to leave the PR unmerged (answer it on GitHub).';
  return [`From pull request **[#${pr.number}](${pr.url})** by **${pr.author}**${title}`, `Head commit \`${pr.sha}\``, fate].join('\n\n');
}

function span(range: Range): number {
  return (range.end.line - range.start.line) * 100_000 + range.end.character - range.start.character;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function dateHover(model: IssueModel, start: IsoDate | undefined, end: IsoDate | undefined): string {
  if (!start) return 'Not a date TWiR accepts: write `YYYY-MM-DD` or `YYYY-MM-DD - YYYY-MM-DD`.';
  const issueDate = model.header?.issueDate;
  const window = model.events?.window;
  const describe = (date: IsoDate) => {
    const offset = issueDate ? date.dayNumber - issueDate.dayNumber : undefined;
    const relative = offset === undefined ? '' : offset === 0 ? ', the issue date' : `, ${plural(Math.abs(offset), 'day')} ${offset > 0 ? 'after' : 'before'} the issue date`;
    return `**${weekdayName(date)}** ${formatIsoDate(date)}${relative}`;
  };
  const lines = [end ? `${describe(start)} to ${describe(end)}` : describe(start)];
  if (window?.start && window.end) {
    const last = end ?? start;
    const inside = start.dayNumber >= window.start.dayNumber && last.dayNumber <= window.end.dayNumber;
    const overlaps = last.dayNumber >= window.start.dayNumber && start.dayNumber <= window.end.dayNumber;
    const verdict = inside ? 'inside' : overlaps ? 'partly outside' : 'outside';
    lines.push(`${verdict === 'inside' ? '✓' : '✗'} ${verdict} the events window ${formatIsoDate(window.start)} - ${formatIsoDate(window.end)}`);
  }
  return lines.join('\n\n');
}

function countryHover(event: EventEntry): { markdown: string; range: Range } | undefined {
  const location = event.location!;
  const code = location.country!;
  const name = countryName(code);
  if (!name) return { markdown: `\`${code}\` is not an ISO 3166-1 country code (TWiR writes the United Kingdom as \`UK\`).`, range: location.countryRange! };
  const regions = regionsOfCountry(code);
  const region = regions.length > 0 ? `listed under **${regions.join('** or **')}**` : 'no TWiR region';
  const online = location.kind === 'virtual' ? ' (a virtual event: under **Virtual**)' : location.kind === 'hybrid' ? ' (a hybrid event: under **Virtual** and again under its continent)' : '';
  return { markdown: `\`${code}\`: **${name}**, ${region}${online}`, range: location.countryRange! };
}

function linkHover(model: IssueModel, link: Link, related: readonly RelatedIssue[]): string {
  const lines: string[] = [];
  if (link.kind === 'reference') {
    lines.push(link.definition ? `Reference \`[${link.label}]\`, defined on line ${link.definition.line + 1}: ${link.definition.url}` : `Reference \`[${link.label}]\` has **no definition** in this issue.`);
  }
  // An autolink only for a real URL: `<INSERT_LINK_HERE>` would render as an (invisible) HTML tag.
  if (link.url) lines.push(/^[a-z][a-z0-9+.-]*:/i.test(link.url) ? `<${link.url}>` : `\`${link.url}\``);
  const what = describeUrl(link.url);
  if (what) lines.push(what);
  // A placeholder is no URL: its diagnostic (placeholder/link) says so in the same hover.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(link.url)) return lines.join('\n\n');
  const key = comparableUrl(link.url);
  const here = model.links.filter((other) => other !== link && other.url && comparableUrl(other.url) === key);
  if (here.length > 0) {
    const places = here.map((other) => {
      const section = sectionAt(model, other.line);
      return `line ${other.line + 1}${section ? ` (${sectionPath(section)})` : ''}`;
    });
    lines.push(`Also in this issue: ${places.join(', ')}`);
  }
  const elsewhere = related.filter((issue) => issue.linkUrls.has(key)).map((issue) => issue.fileName);
  if (elsewhere.length > 0) lines.push(`Also in ${plural(elsewhere.length, 'recent issue')}: ${elsewhere.join(', ')}`);
  return lines.join('\n\n');
}
