import type { Nodes, Root } from 'mdast';
import { parseIsoDate } from '../util/dates';
import { LineIndex } from '../util/text';
import { parseEventEntry, parseWindow } from './events';
import { parseHeader } from './header';
import { parseSegments } from './parse';
import { classifySection } from './sections';
import type {
  Definition,
  Entry,
  EntryKind,
  EntryLine,
  EventsModel,
  Heading,
  HtmlComment,
  IssueModel,
  LineKind,
  Link,
  Region,
  Section,
  SectionKind,
} from './types';

export interface AnalyzeOptions {
  /** The file's base name, used to check the header date against it. */
  readonly fileName?: string;
}

/** Builds the issue model of a text. Pure: the same text gives the same model. */
export function buildModel(text: string, options: AnalyzeOptions = {}): IssueModel {
  const bom = text.charCodeAt(0) === 0xfeff;
  const lines = new LineIndex(text);
  const header = parseHeader(lines, bom);
  const bodyStartLine = header ? header.endLine : 0;
  const bodyStart = header ? lines.starts[bodyStartLine] : bom ? 1 : 0;
  const collected = collectNodes(text, lines, parseSegments(text, bodyStart));

  const lineKinds = classifyLines(lines, bodyStartLine, collected);
  const { roots, all } = buildSections(collected.headings, lines);
  const entries: Entry[] = [];
  for (const section of all) entries.push(...sectionEntries(section, lines, lineKinds, collected.links));
  const isTemplate = text.includes('$twir_issue_number') || options.fileName === 'DRAFT_TEMPLATE';
  const events = buildEvents(all, lines, lineKinds, header?.issueDate, isTemplate);

  return {
    text,
    lines,
    eol: lines.eol,
    bom,
    fileName: options.fileName,
    isTemplate,
    header,
    headings: collected.headings,
    sections: roots,
    allSections: all,
    lineKinds,
    comments: collected.comments,
    links: collected.links,
    definitions: collected.definitions,
    entries,
    events,
  };
}

interface Collected {
  headings: Heading[];
  comments: HtmlComment[];
  links: Link[];
  definitions: Definition[];
  codeLines: [number, number][];
  quoteLines: [number, number][];
}

type Positioned = { position?: { start: { offset?: number }; end: { offset?: number } } };

/** Walks the segments' trees once, collecting what the model needs with document ranges. */
function collectNodes(text: string, lines: LineIndex, segments: { start: number; tree: Root }[]): Collected {
  const result: Collected = { headings: [], comments: [], links: [], definitions: [], codeLines: [], quoteLines: [] };
  const pendingReferences: { node: Nodes; base: number }[] = [];

  for (const { start: base, tree } of segments) {
    const offsets = (node: Positioned): [number, number] => [
      base + (node.position?.start.offset ?? 0),
      base + (node.position?.end.offset ?? 0),
    ];
    const visit = (node: Nodes): void => {
      switch (node.type) {
        case 'heading': {
          const [start, end] = offsets(node);
          const line = lines.lineAt(start);
          const link = node.children.length === 1 && node.children[0].type === 'link' ? node.children[0] : undefined;
          const first = node.children[0];
          const last = node.children[node.children.length - 1];
          const textStart = first ? offsets(first)[0] : end;
          const textEnd = last ? offsets(last)[1] : end;
          result.headings.push({
            level: node.depth,
            text: plainText(node).trim(),
            line,
            range: lines.rangeOf(start, end),
            textRange: lines.rangeOf(textStart, textEnd),
            url: link?.url,
          });
          break;
        }
        case 'html': {
          if (!node.value.trimStart().startsWith('<!--')) break;
          const [start, end] = offsets(node);
          addComments(text, lines, start, end, result.comments);
          return;
        }
        case 'code': {
          const [start, end] = offsets(node);
          result.codeLines.push([lines.lineAt(start), lines.lineAt(Math.max(start, end - 1))]);
          return;
        }
        case 'blockquote': {
          const [start, end] = offsets(node);
          result.quoteLines.push([lines.lineAt(start), lines.lineAt(Math.max(start, end - 1))]);
          break;
        }
        case 'link': {
          const [start, end] = offsets(node);
          result.links.push(inlineLink(text, lines, node, start, end, offsets));
          break;
        }
        case 'linkReference':
          pendingReferences.push({ node, base });
          break;
        case 'definition': {
          const [start, end] = offsets(node);
          const source = text.slice(start, end);
          const urlOffset = source.indexOf(node.url, source.indexOf(']:') + 2);
          const urlStart = urlOffset >= 0 ? start + urlOffset : end;
          result.definitions.push({
            label: node.label ?? node.identifier,
            url: node.url,
            line: lines.lineAt(start),
            range: lines.rangeOf(start, end),
            urlRange: lines.rangeOf(urlStart, urlOffset >= 0 ? urlStart + node.url.length : end),
          });
          return;
        }
        default:
          break;
      }
      if ('children' in node) for (const child of node.children) visit(child as Nodes);
    };
    visit(tree);
  }

  const byLabel = new Map(result.definitions.map((definition) => [normaliseLabel(definition.label), definition]));
  for (const { node, base } of pendingReferences) {
    if (node.type !== 'linkReference') continue;
    const start = base + (node.position?.start.offset ?? 0);
    const end = base + (node.position?.end.offset ?? 0);
    const definition = byLabel.get(normaliseLabel(node.label ?? node.identifier));
    const first = node.children[0] as Positioned | undefined;
    const last = node.children[node.children.length - 1] as Positioned | undefined;
    result.links.push({
      kind: 'reference',
      text: plainText(node),
      url: definition?.url ?? '',
      line: lines.lineAt(start),
      range: lines.rangeOf(start, end),
      textRange: lines.rangeOf(first ? base + (first.position?.start.offset ?? 0) : start + 1, last ? base + (last.position?.end.offset ?? 0) : start + 1),
      urlRange: definition?.urlRange,
      label: node.label ?? node.identifier,
      definition,
    });
  }
  result.links.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  result.headings.sort((a, b) => a.line - b.line);
  return result;
}

function normaliseLabel(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').trim();
}

function inlineLink(
  text: string,
  lines: LineIndex,
  node: Extract<Nodes, { type: 'link' }>,
  start: number,
  end: number,
  offsets: (node: Positioned) => [number, number],
): Link {
  const source = text.slice(start, end);
  if (!source.startsWith('[')) {
    // An autolink, `<https://…>` or a bare URL.
    const urlStart = source.startsWith('<') ? start + 1 : start;
    return {
      kind: 'autolink',
      text: node.url,
      url: node.url,
      line: lines.lineAt(start),
      range: lines.rangeOf(start, end),
      textRange: lines.rangeOf(urlStart, urlStart + node.url.length),
      urlRange: lines.rangeOf(urlStart, source.startsWith('<') ? end - 1 : end),
    };
  }
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  const textStart = first ? offsets(first)[0] : start + 1;
  const textEnd = last ? offsets(last)[1] : start + 1;
  // The destination follows the `](` after the text; it ends at whitespace (a title follows) or `)`.
  const destinationStart = text.indexOf('](', textEnd) + 2;
  let urlStart = destinationStart;
  let urlEnd = end - 1;
  if (destinationStart >= 2 && destinationStart <= end) {
    while (urlStart < urlEnd && /\s/.test(text[urlStart])) urlStart++;
    if (text[urlStart] === '<') {
      urlStart++;
      urlEnd = text.indexOf('>', urlStart);
    } else {
      let cursor = urlStart;
      while (cursor < urlEnd && !/\s/.test(text[cursor])) cursor++;
      urlEnd = cursor;
    }
  } else {
    urlStart = urlEnd = end;
  }
  return {
    kind: 'inline',
    text: plainText(node),
    url: node.url,
    line: lines.lineAt(start),
    range: lines.rangeOf(start, end),
    textRange: lines.rangeOf(textStart, textEnd),
    urlRange: lines.rangeOf(urlStart, urlEnd),
  };
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

/**
 * Records the comments of an HTML block. A block whose text opens `<!--` again before its first
 * `-->` holds a comment that was never closed: the site hides everything up to the next `-->`.
 */
function addComments(text: string, lines: LineIndex, start: number, end: number, comments: HtmlComment[]): void {
  const value = text.slice(start, end);
  const firstClose = value.indexOf('-->');
  const secondOpen = value.indexOf('<!--', 4);
  const closed = firstClose !== -1 && (secondOpen === -1 || secondOpen > firstClose);
  comments.push({
    range: lines.rangeOf(start, end),
    startLine: lines.lineAt(start),
    endLine: lines.lineAt(Math.max(start, end - 1)),
    text: value,
    closed,
  });
}

const LIST_LINE = /^(\s*)([*+-])(?:[ \t]+|$)/;
const THEMATIC_BREAK = /^ {0,3}([*_-])(?: *\1){2,} *$/;

function classifyLines(lines: LineIndex, bodyStartLine: number, collected: Collected): LineKind[] {
  const kinds: LineKind[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    if (line < bodyStartLine) kinds.push('header');
    else if (text.trim() === '') kinds.push('blank');
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

const NONE_SENTENCE = /^\s*(?:[*+-]\s+)?\*+\s*No\b.*\bthis week\b/i;

function entryLine(lines: LineIndex, line: number): EntryLine {
  const text = lines.lineText(line);
  const match = LIST_LINE.exec(text);
  const indent = (/^[ \t]*/.exec(text)?.[0] ?? '').replace(/\t/g, '    ').length;
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
/** An event's overview line, also without its bullet: `* 2026-01-15 | …`. */
const EVENT_OVERVIEW = /^\s*(?:[*+-]\s*)?\d/;

/** Groups the section's own lines into entries: a top-level list line and the lines nested under it. */
function sectionEntries(section: Section, lines: LineIndex, kinds: readonly LineKind[], links: readonly Link[]): Entry[] {
  const kind = entryKindOf(section.kind);
  const isEvents = kind === 'event';
  const groups: EntryLine[][] = [];
  let current: EntryLine[] | undefined;
  for (let line = section.heading.line + 1; line < section.bodyEndLine; line++) {
    const lineKind = kinds[line];
    const text = lines.lineText(line);
    if (lineKind !== 'list' && lineKind !== 'text') {
      current = undefined;
      continue;
    }
    if (NONE_SENTENCE.test(text) && !section.noneSentence) section.noneSentence = lines.lineRange(line);
    const entry = entryLine(lines, line);
    if (isEvents) {
      if (EVENT_OVERVIEW.test(text) && entry.indent < 2) {
        current = [entry];
        groups.push(current);
      } else if (current && (entry.indent >= 2 || (EVENT_TITLE.test(text) && current.length === 1))) {
        // Title lines (several for a multi-day event), also an unindented one right after the overview.
        current.push(entry);
      } else if (lineKind === 'list') {
        current = [entry];
        groups.push(current);
      } else if (current) {
        current.push(entry);
      }
      continue;
    }
    if (lineKind === 'list' && (entry.indent < 2 || !current)) {
      current = [entry];
      groups.push(current);
    } else if (current) {
      current.push(entry);
    }
  }
  const entries = groups.map((group): Entry => {
    const first = group[0].line;
    const last = group[group.length - 1].line;
    const entryLinks = links.filter((link) => link.line >= first && link.line <= last);
    const isNone = group.length === 1 && NONE_SENTENCE.test(group[0].text);
    const base = {
      kind: isNone ? ('none-sentence' as const) : kind,
      section,
      line: first,
      endLine: last,
      range: { start: { line: first, character: 0 }, end: { line: last, character: lines.lineEnd(last) - lines.starts[last] } },
      lines: group,
      links: entryLinks,
    };
    return kind === 'event' && !isNone ? { ...base, event: parseEventEntry(group, entryLinks) } : base;
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
