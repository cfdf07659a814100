import type { IsoDate } from '../util/dates';
import type { LineEnding, LineIndex, Range } from '../util/text';

/** One `Key: value` line of the Pelican metadata header. */
export interface HeaderField {
  readonly key: string;
  readonly value: string;
  readonly line: number;
  readonly range: Range;
  readonly valueRange: Range;
}

export interface MetadataHeader {
  readonly fields: readonly HeaderField[];
  /** Lines 0 … endLine-1 are the header. */
  readonly endLine: number;
  readonly range: Range;
  readonly title?: HeaderField;
  readonly number?: HeaderField;
  readonly date?: HeaderField;
  readonly category?: HeaderField;
  /** The issue number from `Number:` (or the title when `Number:` is missing). */
  readonly issueNumber?: number;
  /** The issue date from `Date:` (a trailing ` HH:MM` is allowed). */
  readonly issueDate?: IsoDate;
}

export type SectionKind =
  | 'community'
  | 'community-category'
  | 'crate-of-the-week'
  | 'calls-for-testing'
  | 'cft-repo'
  | 'cfp'
  | 'cfp-projects'
  | 'cfp-events'
  | 'project-updates'
  | 'perf-triage'
  | 'approved-rfcs'
  | 'fcp'
  | 'fcp-tracking'
  | 'fcp-group'
  | 'new-rfcs'
  | 'events'
  | 'events-region'
  | 'jobs'
  | 'quote'
  | 'other';

export interface Heading {
  readonly level: number;
  /** The heading's plain text (the text of a link when the heading is one). */
  readonly text: string;
  readonly line: number;
  readonly range: Range;
  /** The range of the text after the `#` marks. */
  readonly textRange: Range;
  /** The URL when the heading is a link, as `### [RFCs](…)`. */
  readonly url?: string;
}

export interface Section {
  readonly heading: Heading;
  readonly kind: SectionKind;
  readonly parent?: Section;
  readonly children: Section[];
  /** Lines heading.line … endLine-1 are the section with its subsections. */
  readonly endLine: number;
  /** Lines heading.line+1 … bodyEndLine-1 are the section's own text, before its first subsection. */
  readonly bodyEndLine: number;
  readonly range: Range;
  /** List entries in the section's own text. */
  readonly entries: Entry[];
  /** The "No … this week" sentence, when the section has one. */
  noneSentence?: Range;
}

export type LinkKind = 'inline' | 'reference' | 'autolink';

export interface Link {
  readonly kind: LinkKind;
  readonly text: string;
  readonly url: string;
  readonly line: number;
  readonly range: Range;
  /** The range of the link text inside the brackets. */
  readonly textRange: Range;
  /** The range of the URL as written (for reference links, the definition's URL range). */
  readonly urlRange?: Range;
  /** The reference label for reference-style links. */
  readonly label?: string;
  readonly definition?: Definition;
}

export interface Definition {
  readonly label: string;
  readonly url: string;
  readonly line: number;
  readonly range: Range;
  readonly urlRange: Range;
}

export interface HtmlComment {
  readonly range: Range;
  readonly startLine: number;
  readonly endLine: number;
  readonly text: string;
  /**
   * False when the comment never closes, or when another `<!--` opens before its `-->`: the site
   * then hides everything up to the next `-->` (`<!-- Remove this section if empty>`).
   */
  readonly closed: boolean;
}

/** The pull request a submerge marker names (`tools/submerge` in TWiR's repository). */
export interface SubmergePullRequest {
  readonly number: number;
  /** The pull request's page, as the marker's `url=` gives it. */
  readonly url: string;
  /** The head commit `submerge merge` will merge (40 hex digits). */
  readonly sha: string;
  readonly author: string;
  /** The pull request's title; empty when the marker has none. */
  readonly title: string;
}

/**
 * An HTML comment (or any HTML) holding `submerge-pr=`: what `submerge fetch` writes at the end of
 * the first line of each list item it adds, and what `submerge merge` reads back (see submerge.ts).
 */
export interface SubmergeMarker {
  /** The HTML as written. */
  readonly text: string;
  readonly range: Range;
  readonly line: number;
  /** How many list items hold it: 0 outside any, 1 on an item of its own, more on a nested item. */
  readonly depth: number;
  /** The outermost list item that holds it. */
  readonly item?: Range;
  /** The pull request, when the marker matches submerge's pattern. */
  readonly pr?: SubmergePullRequest;
  /** The category submerge files it under: a `###` heading under `## Updates from Rust Community`. */
  readonly section?: string;
}

export type LineKind = 'blank' | 'header' | 'heading' | 'comment' | 'code' | 'list' | 'quote' | 'definition' | 'text';

/** A line of a list entry, as written. */
export interface EntryLine {
  readonly line: number;
  readonly text: string;
  /** Leading spaces (a tab counts as 4). */
  readonly indent: number;
  /** The bullet character, when the line is a list item. */
  readonly bullet?: '*' | '-' | '+';
  /** Column where the content after the bullet starts. */
  readonly contentStart: number;
  /** Whether the line is written as a heading (`# 2025-07-23 | …`) where an item belongs. */
  readonly headingMarks?: boolean;
}

export type EntryKind =
  | 'community-link'
  | 'cfp-project'
  | 'cfp-event'
  | 'rfc-item'
  | 'cft-item'
  | 'event'
  | 'none-sentence'
  /** A line in an events region that belongs to no event. */
  | 'stray-line'
  | 'list-item';

/** A top-level list item with its nested lines. */
export interface Entry {
  readonly kind: EntryKind;
  readonly section: Section;
  readonly line: number;
  /** Last line of the entry (inclusive). */
  readonly endLine: number;
  readonly range: Range;
  readonly lines: readonly EntryLine[];
  readonly links: readonly Link[];
  readonly event?: EventEntry;
}

export interface EventField {
  readonly text: string;
  /** Range of the trimmed text. */
  readonly range: Range;
}

export interface EventDate {
  readonly text: string;
  readonly range: Range;
  readonly start?: IsoDate;
  readonly end?: IsoDate;
  /**
   * How the text reads when it is written in one of the shapes editors use, right or wrong
   * (`2023-10-9`, `D & D`, `D, D`, `YYYY-MM-DD-DD`); undefined for text that is no date at all.
   */
  readonly reading?: EventDateReading;
}

export interface EventDateReading {
  readonly isRange: boolean;
  /** Undefined when the written day is not a calendar date (`2026-02-30`). */
  readonly start?: IsoDate;
  readonly end?: IsoDate;
  /** The text as TWiR writes it (`YYYY-MM-DD` or `YYYY-MM-DD - YYYY-MM-DD`), when every day is a calendar date. */
  readonly canonical?: string;
}

export type LocationKind = 'in-person' | 'virtual' | 'hybrid' | 'unknown';

export interface EventLocation {
  readonly text: string;
  readonly range: Range;
  readonly kind: LocationKind;
  /** `City, ST, CC` split at commas (inside the parentheses for virtual and hybrid events). */
  readonly parts: readonly string[];
  /** The parts with their ranges (each trimmed). */
  readonly partFields: readonly EventField[];
  /**
   * The written label of a virtual or hybrid event (`Virtual`, `Hybrid`, `Online`, `Virtual + In Person`)
   * before its place, or `+ Virtual` after it (`City, CC + Virtual`, the hybrid form until 2024).
   */
  readonly label?: EventField;
  readonly city?: string;
  readonly country?: string;
  readonly countryRange?: Range;
}

/** An Upcoming Events entry: `* DATE | LOCATION | [Group](url)` then `    * [**Title**](url)`. */
export interface EventEntry {
  readonly overviewLine: number;
  /** The fields between `|`; when the group was joined by a comma (`City, CC, [Group](…)`), split there. */
  readonly fields: readonly EventField[];
  /** Whether the group link followed the location after a comma instead of ` | `. */
  readonly groupJoinedByComma: boolean;
  readonly date?: EventDate;
  readonly location?: EventLocation;
  readonly groups: readonly Link[];
  /** Lines the overview was hard-wrapped onto (text right under it that is no title line). */
  readonly continuation: readonly EntryLine[];
  /** The first title line; a multi-day event may have more (the entry's lines after the continuation). */
  readonly titleLine?: EntryLine;
  /** The title links of every title line. */
  readonly titles: readonly Link[];
}

export interface EventsWindow {
  readonly line: number;
  readonly range: Range;
  readonly text: string;
  readonly start?: IsoDate;
  readonly end?: IsoDate;
  /** The text between `Rusty Events between` and the crab (or the end of the line), trimmed. */
  readonly datesRange: Range;
  /** The whole `Rusty Events between START - END` text, up to the crab or the trailing whitespace. */
  readonly sentenceRange: Range;
  readonly startRange?: Range;
  readonly endRange?: Range;
  /** Whether the line carries the crab (also in its mis-decoded form `ðŸ¦€`). */
  readonly hasCrab: boolean;
}

export interface Region {
  readonly section: Section;
  readonly name: string;
  readonly events: readonly Entry[];
}

export interface EventsModel {
  readonly section: Section;
  readonly window?: EventsWindow;
  /** An issue from before the two-line ISO event format (2022-03): its events follow older shapes. */
  readonly legacy: boolean;
  readonly regions: readonly Region[];
}

/** Everything the features know about one version of an issue file. */
export interface IssueModel {
  readonly text: string;
  readonly lines: LineIndex;
  readonly eol: LineEnding;
  readonly bom: boolean;
  /** The file's base name, when known (`2026-01-14-this-week-in-rust.md`). */
  readonly fileName?: string;
  /** The name of the folder holding the file, when known (`content` for published issues, `draft`). */
  readonly folder?: string;
  /** The draft template, with its `$twir_…` placeholders. */
  readonly isTemplate: boolean;
  readonly header?: MetadataHeader;
  readonly headings: readonly Heading[];
  /** The section tree: top-level sections in document order. */
  readonly sections: readonly Section[];
  readonly allSections: readonly Section[];
  readonly lineKinds: readonly LineKind[];
  readonly comments: readonly HtmlComment[];
  /** The submerge markers, in document order. */
  readonly markers: readonly SubmergeMarker[];
  readonly links: readonly Link[];
  readonly definitions: readonly Definition[];
  readonly entries: readonly Entry[];
  readonly events?: EventsModel;
  /** The first line of the body (the line after the header, 0 without one). */
  readonly bodyStartLine: number;
  /**
   * The body's parsed segments in order (see parse.ts): a segment's identity is the same object
   * in every version where its text is unchanged, so that the work of rules is reused per segment.
   */
  readonly segments: readonly ModelSegment[];
}

export interface ModelSegment {
  /** Its first line. */
  readonly line: number;
  /** Its identity: the same object in every version (and document) where the segment's text, parsed the same, is the same. */
  readonly key: object;
}
