import { isMarkerLine, mayHoldConflicts, withoutMarkerLines } from '../commands/conflicts/markers';
import { parseIsoDate } from '../util/dates';
import { LineIndex } from '../util/text';
import { parseEventEntry, parseWindow } from './events';
import { parseHeader } from './header';
import { collectNodes, linksOnLines, summariseSegment, summariseSimpleSegment, type Collected, type SegmentNodes } from './collect';
import { parseSegments, parseWhole, SegmentStore, type SegmentCache } from './parse';
import { classifySection } from './sections';
import { submergeMarkers } from './submerge';
import type {
  Entry,
  EntryKind,
  EntryLine,
  EventsModel,
  Heading,
  IssueModel,
  LineKind,
  Link,
  Region,
  Section,
  SectionKind,
  SubmergeMarker,
} from './types';

export interface AnalyzeOptions {
  /** The file's base name, used to check the header date against it. */
  readonly fileName?: string;
  /** The name of the folder holding the file (`content`, `draft`). */
  readonly folder?: string;
  /** The model of the document's previous version: the segments whose text is unchanged are reused. */
  readonly previous?: IssueModel;
  /** Parse the body in one piece instead of in segments: the reference the segmented parse is tested against. */
  readonly singleSegment?: boolean;
  /** The text will have no next version (an issue beside the file): its segments are not kept for one. */
  readonly final?: boolean;
}

/** The parsed segments of each model, for building the next version of its document. */
const segmentCaches = new WeakMap<IssueModel, SegmentCache<SegmentNodes>>();

/**
 * Segments shared between documents (see `SegmentStore`): about ten issues' worth of text, a few
 * MB with their summaries. A text built without a previous version looks here first; the
 * segments of an edit are not kept (each keystroke makes one that will not recur).
 */
const sharedSegments = new SegmentStore<SegmentNodes>(400_000);

/** Each segment summary's identity: an opaque object (a summary's positions are its segment's, not the document's). */
const segmentIdentities = new WeakMap<SegmentNodes, object>();

function identityOf(summary: SegmentNodes): object {
  let identity = segmentIdentities.get(summary);
  if (!identity) segmentIdentities.set(summary, (identity = {}));
  return identity;
}

/** Builds the issue model of a text. Pure: the same text gives the same model. */
export function buildModel(text: string, options: AnalyzeOptions = {}): IssueModel {
  const bom = text.charCodeAt(0) === 0xfeff;
  const lines = new LineIndex(text);
  const header = parseHeader(lines, bom);
  const bodyStartLine = header ? header.endLine : 0;
  // Segments start at line starts; the parser skips the BOM (see parse.ts).
  const bodyStart = header ? lines.starts[bodyStartLine] : 0;
  // Git's conflict markers are read as blank lines: the lines between them as each side wrote them.
  const parsedText = withoutMarkerLines(text);
  const parsed = options.singleSegment
    ? parseWhole(parsedText, bodyStart, summariseSegment)
    : options.previous
      ? parseSegments(parsedText, bodyStart, summariseSegment, { previous: segmentCaches.get(options.previous), simple: summariseSimpleSegment })
      : parseSegments(parsedText, bodyStart, summariseSegment, { store: sharedSegments, simple: summariseSimpleSegment });
  const collected = withoutEventHeadings(collectNodes(parsed.segments, lines));

  const lineKinds = classifyLines(lines, bodyStartLine, collected);
  const { roots, all } = buildSections(collected.headings, lines);
  const markers = submergeMarkers(collected.markers, collected.headings);
  const entries: Entry[] = [];
  for (const section of all) entries.push(...sectionEntries(section, lines, lineKinds, collected.links, markers));
  const isTemplate = text.includes('$twir_issue_number') || options.fileName === 'DRAFT_TEMPLATE';
  const events = buildEvents(all, lines, lineKinds, header?.issueDate, isTemplate);

  const model: IssueModel = {
    text,
    lines,
    eol: lines.eol,
    bom,
    fileName: options.fileName,
    folder: options.folder,
    isTemplate,
    header,
    headings: collected.headings,
    sections: roots,
    allSections: all,
    lineKinds,
    comments: collected.comments,
    markers,
    links: collected.links,
    definitions: collected.definitions,
    entries,
    events,
    bodyStartLine,
    segments: parsed.segments.map((segment) => ({ line: lines.lineAt(segment.start), key: identityOf(segment.summary) })),
  };
  if (!options.final) segmentCaches.set(model, parsed.cache);
  return model;
}

/**
 * An event written as a heading (`# 2025-07-23 | …`) below Upcoming Events is an event, not a section:
 * as a heading it would end the events section and hide every event after it.
 */
function withoutEventHeadings(collected: Collected): Collected {
  const events = collected.headings.findIndex((heading) => classifySection(heading.text, undefined) === 'events');
  if (events === -1) return collected;
  const headings = collected.headings.filter((heading, index) => index <= events || !STARTS_WITH_DATE.test(heading.text));
  return headings.length === collected.headings.length ? collected : { ...collected, headings };
}

const STARTS_WITH_DATE = /^\d{4}-\d{1,2}-\d{1,2}\b/;
const LIST_LINE = /^(\s*)([*+-])(?:[ \t]+|$)/;
/** The marks of a heading written where a list item belongs (`# 2025-07-23 | …`). */
const HEADING_MARKS = /^[ \t]*#{1,6}[ \t]+/;
const THEMATIC_BREAK = /^ {0,3}([*_-])(?: *\1){2,} *$/;

function classifyLines(lines: LineIndex, bodyStartLine: number, collected: Collected): LineKind[] {
  const kinds: LineKind[] = [];
  const markers = mayHoldConflicts(lines.text);
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    if (line < bodyStartLine) kinds.push('header');
    else if (text.trim() === '' || (markers && isMarkerLine(text))) kinds.push('blank');
    else if (LIST_LINE.test(text) && !THEMATIC_BREAK.test(text)) kinds.push('list');
    else kinds.push('text');
  }
  const mark = (from: number, to: number, kind: LineKind, onlyNonBlank = false) => {
    for (let line = from; line <= to && line < kinds.length; line++) {
      if (!onlyNonBlank || kinds[line] !== 'blank') kinds[line] = kind;
    }
  };
  for (const [from, to] of collected.quoteLines) mark(from, to, 'quote', true);
  for (const [from, to] of collected.codeLines) mark(from, to, 'code');
  for (const definition of collected.definitions) mark(definition.line, definition.range.end.line, 'definition');
  for (const heading of collected.headings) mark(heading.line, heading.range.end.line, 'heading');
  for (const comment of collected.comments) {
    // A comment that shares its line with other text leaves the line to that text.
    const first = lines.lineText(comment.startLine).trimStart().startsWith('<!--');
    if (first) mark(comment.startLine, comment.endLine, 'comment');
  }
  return kinds;
}

function buildSections(headings: readonly Heading[], lines: LineIndex): { roots: Section[]; all: Section[] } {
  const roots: Section[] = [];
  const all: Section[] = [];
  const stack: Section[] = [];
  headings.forEach((heading, index) => {
    while (stack.length > 0 && stack[stack.length - 1].heading.level >= heading.level) stack.pop();
    const parent = stack[stack.length - 1];
    let endLine = lines.lineCount;
    for (let next = index + 1; next < headings.length; next++) {
      if (headings[next].level <= heading.level) {
        endLine = headings[next].line;
        break;
      }
    }
    const bodyEndLine = index + 1 < headings.length ? Math.min(headings[index + 1].line, endLine) : endLine;
    const lastLine = Math.max(heading.line, endLine - 1);
    const section: Section = {
      heading,
      kind: classifySection(heading.text, parent?.kind, all[all.length - 1]?.kind),
      parent,
      children: [],
      endLine,
      bodyEndLine,
      range: { start: heading.range.start, end: { line: lastLine, character: lines.lineEnd(lastLine) - lines.starts[lastLine] } },
      entries: [],
    };
    if (parent) parent.children.push(section);
    else roots.push(section);
    all.push(section);
    stack.push(section);
  });
  return { roots, all };
}

/** A line saying a section has nothing: `*No … this week.*`, `_No …_`, `*No RFCs are currently …*`. */
const NONE_SENTENCE = /^\s*(?:[*+-]\s+)?[*_]+\s*No\b/i;

/** A line of an entry: its indent, bullet and where its content starts. */
export function entryLine(lines: LineIndex, line: number): EntryLine {
  const text = lines.lineText(line);
  const match = LIST_LINE.exec(text);
  const indent = (/^[ \t]*/.exec(text)?.[0] ?? '').replace(/\t/g, '    ').length;
  const headingMarks = match ? null : HEADING_MARKS.exec(text);
  if (headingMarks) return { line, text, indent, contentStart: headingMarks[0].length, headingMarks: true };
  if (!match) return { line, text, indent, contentStart: text.length - text.trimStart().length };
  return { line, text, indent, bullet: match[2] as EntryLine['bullet'], contentStart: match[0].length };
}

function entryKindOf(sectionKind: SectionKind): EntryKind {
  switch (sectionKind) {
    case 'community':
    case 'community-category':
      return 'community-link';
    case 'cfp-projects':
      return 'cfp-project';
    case 'cfp-events':
      return 'cfp-event';
    case 'approved-rfcs':
    case 'fcp':
    case 'fcp-tracking':
    case 'fcp-group':
    case 'new-rfcs':
      return 'rfc-item';
    case 'calls-for-testing':
    case 'cft-repo':
      return 'cft-item';
    case 'events-region':
      return 'event';
    default:
      return 'list-item';
  }
}

/** An event's title line: `    * [**Title**](url)`, also when its indent or bullet is wrong. */
const EVENT_TITLE = /^\s*(?:[*+-]\s*)?\[/;
/** An event's overview line, also without its bullet or written as a heading: `* 2026-01-15 | …`. */
export const EVENT_OVERVIEW = /^\s*(?:[*+-]\s*|#{1,6}\s+)?\d/;
/**
 * An overview line indented as if it were a title (VS Code indents the line after a title line):
 * a bullet, a date and a field separator, at any indent. It is an event, never a title.
 */
const INDENTED_OVERVIEW = /^\s+[*+-]\s*\d{4}-\d{1,2}-\d{1,2}\b.*\|/;
/** A link reference definition (`[calendar]: https://…`): never an event's title. */
const DEFINITION = /^\s{0,3}\[[^\]]+\]:/;

/**
 * Whether an overview line (with the lines joined to it so far) is cut short: a bracket or
 * parenthesis left open, or fewer than the three fields `DATE | LOCATION | [Group](url)`.
 */
function overviewCutShort(text: string): boolean {
  const count = (pattern: RegExp) => (text.match(pattern) ?? []).length;
  if (count(/\[/g) > count(/\]/g) || count(/\(/g) > count(/\)/g)) return true;
  return !/\|[^|]*\|/.test(text);
}

/**
 * Whether a text line after an overview line continues it (the overview hard-wrapped): only when
 * the overview is cut short and the line carries its rest (inside an open link, or a field
 * separator or a link of its own). Prose after an event (`Triage done by …`) is no part of it.
 */
function continuesOverview(overview: string, line: string): boolean {
  if (!overviewCutShort(overview)) return false;
  const rest = line.trimStart();
  // Inside a URL: the rest of it, no space before its `)`; inside a link's text: the rest of it, up to `](`.
  if (/\]\([^)]*$/.test(overview.trimEnd())) return /^[^\s)]*(?:\)|$)/.test(rest);
  if (/\[[^\]]*$/.test(overview.trimEnd())) return rest.includes('](');
  return /\||\]\(/.test(rest);
}

/**
 * Groups the lines of an events region into events, reading on after a broken line: an overview
 * line starts an event, also one indented by mistake; the title-shaped lines under it are its
 * title lines, a blank line between the two included; a text line right after an overview that is
 * cut short is the overview hard-wrapped; any other line (prose, a link reference definition) is a
 * group of its own (a stray line, reported by the events rules), never the title of the event before it.
 */
function groupEventLines(lines: readonly { entry: EntryLine; kind: LineKind }[]): { lines: EntryLine[]; stray: boolean }[] {
  const groups: { lines: EntryLine[]; stray: boolean }[] = [];
  let current: { lines: EntryLine[]; stray: boolean } | undefined;
  let wrapping = false;
  let afterBlank = false;
  /** Stray groups that began with text after a blank line, or continue such a group's paragraph. */
  const trailer = new Set<{ lines: EntryLine[]; stray: boolean }>();
  for (const { entry, kind } of lines) {
    if (kind === 'blank') {
      // A blank line between an overview and its title keeps them together (the blank line is reported).
      if (!current || current.stray || current.lines.length > 1) current = undefined;
      wrapping = false;
      afterBlank = true;
      continue;
    }
    if (kind !== 'list' && kind !== 'text') {
      current = undefined;
      continue;
    }
    const definition = DEFINITION.test(entry.text);
    const titleShaped = EVENT_TITLE.test(entry.text) && !definition;
    // A title line is a link, with or without its bullet, or an indented item (a title without its link).
    const titleLine = titleShaped || (entry.indent >= 2 && entry.bullet !== undefined);
    const joined = current && !current.stray ? current.lines.map((line) => line.text).join(' ') : '';
    if ((EVENT_OVERVIEW.test(entry.text) && entry.indent < 2) || INDENTED_OVERVIEW.test(entry.text)) {
      current = { lines: [entry], stray: false };
      groups.push(current);
      wrapping = true;
    } else if (current && !current.stray && wrapping && kind === 'text' && !titleShaped && !definition && continuesOverview(joined, entry.text)) {
      current.lines.push(entry);
    } else if (current && !current.stray && ((entry.indent >= 2 && titleLine) || (titleShaped && wrapping))) {
      // Title lines (several for a multi-day event), also an unindented one right after the overview.
      current.lines.push(entry);
      wrapping = false;
    } else {
      const continuesTrailer = groups.length > 0 && trailer.has(groups[groups.length - 1]) && !afterBlank;
      current = { lines: [entry], stray: true };
      groups.push(current);
      if (kind === 'text' && (afterBlank || continuesTrailer)) trailer.add(current);
      wrapping = false;
    }
    afterBlank = false;
  }
  // Text after the last event, past a blank line, closes the section ("If you are running a Rust
  // event please add it to the [calendar]…"): it is no stray line.
  while (groups.length > 0 && groups[groups.length - 1].stray && trailer.has(groups[groups.length - 1])) groups.pop();
  return groups;
}

/** Groups the section's own lines into entries: a top-level list line and the lines nested under it. */
function sectionEntries(section: Section, lines: LineIndex, kinds: readonly LineKind[], links: readonly Link[], markers: readonly SubmergeMarker[]): Entry[] {
  const kind = entryKindOf(section.kind);
  const groups: { lines: EntryLine[]; stray: boolean }[] = [];
  const eventLines: { entry: EntryLine; kind: LineKind }[] = [];
  let current: EntryLine[] | undefined;
  for (let line = section.heading.line + 1; line < section.bodyEndLine; line++) {
    const lineKind = kinds[line];
    const text = lines.lineText(line);
    if (kind === 'event') eventLines.push({ entry: entryLine(lines, line), kind: lineKind });
    if (lineKind !== 'list' && lineKind !== 'text') {
      current = undefined;
      continue;
    }
    if (NONE_SENTENCE.test(text) && !section.noneSentence) section.noneSentence = lines.lineRange(line);
    if (kind === 'event') continue;
    const entry = entryLine(lines, line);
    if (lineKind === 'list' && (entry.indent < 2 || !current)) {
      current = [entry];
      groups.push({ lines: current, stray: false });
    } else if (current) {
      current.push(entry);
    }
  }
  if (kind === 'event') groups.push(...groupEventLines(eventLines));
  const entries = groups.map(({ lines: group, stray }): Entry => {
    const first = group[0].line;
    const last = group[group.length - 1].line;
    const entryLinks = linksOnLines(links, first, last);
    const isNone = group.length === 1 && NONE_SENTENCE.test(group[0].text);
    const base = {
      kind: isNone ? ('none-sentence' as const) : stray ? ('stray-line' as const) : kind,
      section,
      line: first,
      endLine: last,
      range: { start: { line: first, character: 0 }, end: { line: last, character: lines.lineEnd(last) - lines.starts[last] } },
      lines: group,
      links: entryLinks,
    };
    return base.kind === 'event' ? { ...base, event: parseEventEntry(group, entryLinks, markers) } : base;
  });
  section.entries.push(...entries);
  return entries;
}

/** The two-line ISO event format starts with issue 432, 2022-03-02. */
const FIRST_MODERN_ISSUE_DAY = parseIsoDate('2022-03-02')!.dayNumber;

function buildEvents(
  sections: readonly Section[],
  lines: LineIndex,
  kinds: readonly LineKind[],
  issueDate: ReturnType<typeof parseIsoDate>,
  isTemplate: boolean,
): EventsModel | undefined {
  const section = sections.find((candidate) => candidate.kind === 'events');
  if (!section) return undefined;
  let window: EventsModel['window'];
  for (let line = section.heading.line + 1; line < section.bodyEndLine; line++) {
    if (kinds[line] === 'comment') continue;
    const text = lines.lineText(line);
    window = parseWindow(text, line, lines);
    if (window) break;
  }
  const regions: Region[] = section.children.map((child) => ({
    section: child,
    name: child.heading.text,
    events: child.entries.filter((entry) => entry.kind === 'event'),
  }));
  const hasModernEvents = regions.some((region) => region.events.some((entry) => entry.event?.date?.start));
  const beforeModernFormat = issueDate !== undefined && issueDate.dayNumber < FIRST_MODERN_ISSUE_DAY;
  const legacy = !isTemplate && (beforeModernFormat || (!window?.start && !hasModernEvents));
  return { section, window, legacy, regions };
}
