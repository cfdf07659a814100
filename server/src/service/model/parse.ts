import type { Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { ownCopy } from '../util/text';

/**
 * remark-parse costs ~140 µs per line of a link-dense list, so a document is parsed as a run of
 * independent segments: after an edit only the segments it touches are parsed again.
 *
 * Segments start at a column-0 ATX heading, at a column-0 bullet between two items of a long list,
 * or at a column-0 line after a blank line. None of these lines can continue anything CommonMark
 * may have open before it (a heading or a bullet interrupts a paragraph, the blank line ends it,
 * and all of them close lists and block quotes, as none is lazy continuation text) except a
 * top-level fenced code block or HTML block, or a definition that waits for its destination.
 * `segmentBounds` avoids those places, and `parseSegments` checks each segment's last block to be
 * sure, joining a segment with the rest of the text when it stays open. Reference definitions are
 * the one thing that crosses segments: each segment is parsed after definitions of the labels it
 * may use, so that its reference links resolve as in the whole text.
 */
export interface ParsedSegment<T> {
  /** Offset of the segment's first character in the document (always a line start). */
  readonly start: number;
  readonly end: number;
  /** What the caller keeps of the segment's tree (see `parseSegments`). */
  readonly summary: T;
  /** The reference definitions the segment holds: normalised label → label as written. */
  readonly definitions: ReadonlyMap<string, string>;
}

/** The segments of one version of a document, reused by the next version. */
export interface SegmentCache<T> {
  readonly segments: ReadonlyMap<string, CachedSegment<T>>;
  /** The definitions the version held: the next version most likely holds the same. */
  readonly labels: Labels;
}

interface CachedSegment<T> {
  readonly summary: T;
  /** The labels the segment was parsed with (`labelKey`). */
  readonly context: string;
  readonly definitions: Labels;
  /** Whether the segment's last block would swallow the line that follows it. */
  readonly openAtEnd: boolean;
}

/**
 * Parsed segments by content (their text and the labels they were parsed with), shared by every
 * document a process analyses: the issues of a `twir-lint` run, the issues beside a file, and
 * each document when it is first opened. Issues repeat much of their text (the introduction, the
 * instructions of each section, the footer), and a segment found here is not parsed again. The
 * least recently used segments are dropped past a number of characters.
 */
export class SegmentStore<T> {
  private readonly segments = new Map<string, CachedSegment<T>>();
  private characters = 0;

  constructor(private readonly maxCharacters: number) {}

  get(segmentText: string, context: string): CachedSegment<T> | undefined {
    const key = `${context}\u0000${segmentText}`;
    const found = this.segments.get(key);
    if (found) {
      this.segments.delete(key);
      this.segments.set(key, found);
    }
    return found;
  }

  set(segmentText: string, context: string, segment: CachedSegment<T>): void {
    // Its own copy: a slice of the document would keep the whole text alive.
    const key = ownCopy(`${context}\u0000${segmentText}`);
    if (this.segments.has(key) || key.length > this.maxCharacters) return;
    this.segments.set(key, segment);
    this.characters += key.length;
    for (const [oldest] of this.segments) {
      if (this.characters <= this.maxCharacters) break;
      this.segments.delete(oldest);
      this.characters -= oldest.length;
    }
  }
}

export interface SegmentedParse<T> {
  readonly segments: ParsedSegment<T>[];
  /** Pass it as `previous` when parsing the next version of the document. */
  readonly cache: SegmentCache<T>;
}

const processor = unified().use(remarkParse);

/**
 * Long runs of list items or paragraphs are cut into segments of about this many lines, so that an
 * edit parses only a few lines again (fewer lines per segment no longer pay for the segment's own cost).
 */
const SEGMENT_LINES = 4;

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

/**
 * BOMs at the start of a segment are not content (the file's own, or one pasted after the header).
 * micromark would skip one without counting it, so they are cut off before parsing and counted
 * back into the offsets after.
 */
function leadingBoms(text: string): number {
  let count = 0;
  while (text.charCodeAt(count) === 0xfeff) count++;
  return count;
}

/** Moves every offset in the tree by `by` (never below 0: the root starts where the context did). */
function shiftOffsets(node: { children?: unknown[]; position?: { start: { offset?: number }; end: { offset?: number } } }, by: number): void {
  if (node.position?.start.offset !== undefined) node.position.start.offset = Math.max(0, node.position.start.offset + by);
  if (node.position?.end.offset !== undefined) node.position.end.offset = Math.max(0, node.position.end.offset + by);
  for (const child of node.children ?? []) shiftOffsets(child as typeof node, by);
}

/**
 * Parses `text` from `bodyStart` segment by segment and summarises each tree with `summarise`
 * (positions in the tree are relative to the segment). Trees are not kept: a segment whose text
 * (and the document's definition labels) is unchanged since `previous` reuses its summary.
 */
export function parseSegments<T>(text: string, bodyStart: number, summarise: (tree: Root, segmentText: string) => T, options: SegmentOptions<T> = {}): SegmentedParse<T> {
  const bounds = segmentBounds(text, bodyStart);
  const labels = options.previous?.labels ?? candidateLabels(text, bodyStart);
  const result = parseBounded(text, bounds, labels, summarise, options);
  // The labels are a guess (a `[x]: y` line inside a paragraph defines nothing, a definition may
  // span lines, an edit may add one); the trees know: parse again with theirs when they differ.
  const defined = definedLabels(result.segments);
  if (labelKey(defined) === labelKey(labels)) return result;
  return parseBounded(text, bounds, defined, summarise, { ...options, previous: result.cache });
}

export interface SegmentOptions<T> {
  /** The segments of the document's previous version. */
  readonly previous?: SegmentCache<T>;
  /** Segments other documents parsed. */
  readonly store?: SegmentStore<T>;
  /**
   * The summary of a segment simple enough to need no parser (see `summariseSimpleSegment`), or
   * undefined: it must be the summary of remark-parse's tree.
   */
  readonly simple?: (segmentText: string, labels: ReadonlyMap<string, string>) => T | undefined;
}

/** The whole body as one tree, as the reference a segmented parse must agree with. */
export function parseWhole<T>(text: string, bodyStart: number, summarise: (tree: Root, segmentText: string) => T): SegmentedParse<T> {
  const body = text.slice(bodyStart);
  const boms = leadingBoms(body);
  const tree = parseMarkdown(body.slice(boms));
  if (boms) shiftOffsets(tree, boms);
  const summary = summarise(tree, body);
  return { segments: [{ start: bodyStart, end: text.length, summary, definitions: new Map() }], cache: { segments: new Map(), labels: new Map() } };
}

/** Definition labels as written, by their normalised form (the first definition of a label wins). */
type Labels = Map<string, string>;

function labelKey(labels: Labels): string {
  return [...labels.keys()].join('\u0001');
}

function parseBounded<T>(
  text: string,
  bounds: readonly number[],
  labels: Labels,
  summarise: (tree: Root, segmentText: string) => T,
  { previous, store, simple }: SegmentOptions<T>,
): SegmentedParse<T> {
  const cache = new Map<string, CachedSegment<T>>();
  const segments: ParsedSegment<T>[] = [];
  // With the same labels a segment's text alone decides its tree (normalising every segment's text
  // to see which labels it uses costs more than the rest of a re-analysis).
  const sameLabels = previous !== undefined && labelKey(previous.labels) === labelKey(labels);
  const parse = (start: number, end: number): CachedSegment<T> => {
    const segmentText = text.slice(start, end);
    let parsed = cache.get(segmentText);
    const known = previous?.segments.get(segmentText);
    if (!parsed && known && sameLabels) parsed = known;
    if (!parsed) {
      const context = labelsUsedIn(segmentText, labels);
      const contextKey = labelKey(context);
      parsed = known?.context === contextKey ? known : store?.get(segmentText, contextKey);
      if (!parsed) {
        // A parsed segment is reused by later versions: it must not hold slices of this one's text.
        parsed = parseSegment(ownCopy(segmentText), context, summarise, simple);
        store?.set(segmentText, contextKey, parsed);
      }
    }
    cache.set(segmentText, parsed);
    return parsed;
  };
  for (let i = 0; i < bounds.length - 1; i++) {
    const start = bounds[i];
    let end = bounds[i + 1];
    let parsed = parse(start, end);
    if (parsed.openAtEnd && end < text.length) {
      // The segmenter's guess was wrong (say, a fence it took for closed): no clean place follows.
      end = text.length;
      i = bounds.length;
      parsed = parse(start, end);
    }
    segments.push({ start, end, summary: parsed.summary, definitions: parsed.definitions });
  }
  return { segments, cache: { segments: cache, labels } };
}

/**
 * The labels a segment may refer to: those that occur in its text once normalised. Parsing with
 * only these keeps a segment's cache key independent of definitions it does not use.
 */
function labelsUsedIn(segmentText: string, labels: Labels): Labels {
  if (labels.size === 0) return labels;
  const normalised = normaliseLabel(segmentText);
  return new Map([...labels].filter(([identifier]) => normalised.includes(identifier)));
}

function parseSegment<T>(segmentText: string, labels: Labels, summarise: (tree: Root, segmentText: string) => T, simple?: SegmentOptions<T>['simple']): CachedSegment<T> {
  const summary = simple?.(segmentText, labels);
  if (summary) return { summary, context: labelKey(labels), definitions: new Map(), openAtEnd: false };
  // Definitions before the segment's text (a blank line apart, so that nothing in the segment can
  // swallow them) let its reference links resolve; they are then dropped from the tree.
  const context = [...labels.values()].map((label) => `[${label}]: #\n`).join('') + (labels.size > 0 ? '\n' : '');
  const boms = leadingBoms(segmentText);
  const tree = parseMarkdown(context + segmentText.slice(boms));
  if (context) dropContext(tree, context.length);
  if (boms) shiftOffsets(tree, boms);
  const definitions = new Map<string, string>();
  const visit = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      // Definitions sit at the top or inside containers (list items, block quotes), never inline.
      if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') visit(node.children);
      if (node.type !== 'definition') continue;
      // The label as written (escapes and all) is what defines it again in another segment.
      const label = DEFINITION.exec(segmentText.slice(node.position?.start.offset ?? 0))?.[1] ?? node.label ?? node.identifier;
      if (!definitions.has(normaliseLabel(label))) definitions.set(normaliseLabel(label), label);
    }
  };
  visit(tree.children);
  return { summary: summarise(tree, segmentText), context: labelKey(labels), definitions, openAtEnd: isOpenAtEnd(tree.children[tree.children.length - 1], segmentText) };
}

/** Removes the top-level nodes of the first `length` characters and makes offsets relative to the rest. */
function dropContext(tree: Root, length: number): void {
  tree.children = tree.children.filter((child) => (child.position?.start.offset ?? 0) >= length);
  shiftOffsets(tree, -length);
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING_AT_COLUMN_0 = /^#{1,6}(?:[ \t]|$)/;
const TOP_LEVEL_BULLET = /^[*+-] +\S/;
const NESTED_OR_BULLET = /^(?:[*+-] +\S| {2,}\S)/;
const THEMATIC_BREAK = /^ {0,3}([*_-])(?: *\1){2,} *$/;
const DEFINITION = /^ {0,3}\[((?:[^\\\]]|\\.)+)\]:/;
const DANGLING_DEFINITION = /^ {0,3}\[(?:[^\\\]]|\\.)+\]:\s*$/;

/**
 * HTML blocks by how they end (CommonMark's seven kinds): the first five at a marker, the other
 * two at a blank line. An HTML block of the last kind cannot interrupt a paragraph.
 */
const HTML_BLOCKS: { start: RegExp; end?: RegExp }[] = [
  { start: /^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, end: /<\/(?:script|pre|style|textarea)>/i },
  { start: /^ {0,3}<!--/, end: /-->/ },
  { start: /^ {0,3}<\?/, end: /\?>/ },
  { start: /^ {0,3}<![A-Za-z]/, end: />/ },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/ },
  { start: /^ {0,3}<\/?[A-Za-z][A-Za-z0-9-]*(?:[ \t>]|\/>|$)/ },
  { start: /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s[^>]*)?\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/ },
];

/** The HTML block a line opens, and whether it closes on that same line. */
function htmlBlockAt(line: string): { end?: RegExp; closed: boolean } | undefined {
  // Most lines start with no `<` (the test of every kind on every line cost more than the rest of the segmenting).
  const indent = line.length - line.trimStart().length;
  if (indent > 3 || line.charCodeAt(indent) !== 60 /* < */) return undefined;
  const kind = HTML_BLOCKS.find((candidate) => candidate.start.test(line));
  if (!kind) return undefined;
  const opener = kind.start.exec(line)![0];
  return { end: kind.end, closed: kind.end ? kind.end.test(line.slice(opener.length)) : false };
}

function isFenceClose(line: string, fence: { char: string; length: number }): boolean {
  const close = FENCE.exec(line);
  return close !== null && close[1][0] === fence.char && close[1].length >= fence.length && line.trim() === close[1];
}

/**
 * Whether the block would absorb a heading or bullet line following it: an unclosed fence, an
 * HTML block not yet ended, or a definition still waiting for its destination.
 */
function isOpenAtEnd(last: RootContent | undefined, segmentText: string): boolean {
  if (!last?.position) return false;
  const start = last.position.start.offset ?? 0;
  const end = Math.min(last.position.end.offset ?? 0, segmentText.length);
  const source = segmentText.slice(start, end);
  const lines = source.split(/\r?\n/);
  switch (last.type) {
    // A fence or HTML block left open inside a list item or quote runs on as well.
    case 'list':
    case 'listItem':
    case 'blockquote':
      return isOpenAtEnd(last.children[last.children.length - 1], segmentText);
    case 'code': {
      const open = FENCE.exec(lines[0]);
      return open !== null && (lines.length < 2 || !isFenceClose(lines[lines.length - 1], { char: open[1][0], length: open[1].length }));
    }
    case 'html': {
      const block = htmlBlockAt(lines[0]);
      if (!block) return true;
      if (block.end) return !block.closed && !lines.slice(1).some((line) => block.end!.test(line));
      // Ends at a blank line: one must follow the block inside the segment.
      return !/\n[ \t]*\r?\n/.test(segmentText.slice(end));
    }
    case 'paragraph':
      return DANGLING_DEFINITION.test(lines[lines.length - 1]);
    default:
      return false;
  }
}

/** Lines of the text with their start offsets. */
function* linesOf(text: string, from: number): Generator<{ start: number; text: string }> {
  let start = from;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    yield { start, text: text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end) };
    start = end + 1;
  }
}

/**
 * Reads lines one after the other and says of each whether it is literal: inside (or opening, or
 * closing) a fenced code block or an HTML block, where no heading or definition can stand.
 */
export function literalLineScanner(): (line: string) => boolean {
  let fence: { char: string; length: number } | undefined;
  let html: { end?: RegExp } | undefined;
  return (line) => {
    if (fence) {
      if (isFenceClose(line, fence)) fence = undefined;
      return true;
    }
    if (html) {
      if (html.end ? html.end.test(line) : line.trim() === '') html = undefined;
      return true;
    }
    const open = FENCE.exec(line);
    if (open) {
      fence = { char: open[1][0], length: open[1].length };
      return true;
    }
    const block = htmlBlockAt(line);
    if (block && !block.closed) html = block;
    return block !== undefined;
  };
}

/** Offsets where segments start, plus the text's length at the end. */
export function segmentBounds(text: string, bodyStart: number): number[] {
  const bounds = [bodyStart];
  let fence: { char: string; length: number } | undefined;
  let html: { end?: RegExp } | undefined;
  let previous = '';
  let linesInSegment = 0;
  for (const line of linesOf(text, bodyStart)) {
    const lineText = line.text;
    if (fence) {
      if (isFenceClose(lineText, fence)) fence = undefined;
    } else if (html) {
      if (html.end ? html.end.test(lineText) : lineText.trim() === '') html = undefined;
    } else {
      // A column-0 line after a blank line closes lists, quotes and indented code like a heading does.
      const long = linesInSegment >= SEGMENT_LINES;
      const canSplit =
        line.start > bodyStart &&
        !DANGLING_DEFINITION.test(previous) &&
        (HEADING_AT_COLUMN_0.test(lineText) ||
          (long && TOP_LEVEL_BULLET.test(lineText) && !THEMATIC_BREAK.test(lineText) && NESTED_OR_BULLET.test(previous)) ||
          (long && previous.trim() === '' && /^\S/.test(lineText)));
      if (canSplit) {
        bounds.push(line.start);
        linesInSegment = 0;
      }
      const open = FENCE.exec(lineText);
      if (open) fence = { char: open[1][0], length: open[1].length };
      else {
        const block = htmlBlockAt(lineText);
        if (block && !block.closed) html = block;
      }
    }
    previous = lineText;
    linesInSegment++;
  }
  bounds.push(text.length);
  return bounds;
}

/** CommonMark's label matching: case-insensitive, runs of whitespace as one space. */
export function normaliseLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase();
}

/** A first guess at the definitions: `[label]:` lines outside fences. */
function candidateLabels(text: string, bodyStart: number): Labels {
  const labels: Labels = new Map();
  if (!text.includes(']:')) return labels;
  let fence: { char: string; length: number } | undefined;
  for (const { text: line } of linesOf(text, bodyStart)) {
    if (fence) {
      if (isFenceClose(line, fence)) fence = undefined;
      continue;
    }
    const open = FENCE.exec(line);
    if (open) fence = { char: open[1][0], length: open[1].length };
    const match = DEFINITION.exec(line);
    if (match && !labels.has(normaliseLabel(match[1]))) labels.set(normaliseLabel(match[1]), match[1]);
  }
  return labels;
}

/** The definitions the segments' trees hold, in document order. */
function definedLabels<T>(segments: readonly ParsedSegment<T>[]): Labels {
  const labels: Labels = new Map();
  for (const segment of segments) for (const [identifier, label] of segment.definitions) if (!labels.has(identifier)) labels.set(identifier, label);
  return labels;
}
