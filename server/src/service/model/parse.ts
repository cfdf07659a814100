import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * remark-parse costs ~140 µs per line of a link-dense list, so a document is parsed as a run of
 * independent segments, each cached by its text: after an edit only the segments it touches are
 * parsed again. Segments end where CommonMark's block state is clean (before a heading at column 0,
 * or between two top-level list items of a long list), outside fenced code, HTML blocks and HTML
 * comments, so that parsing them apart gives the same blocks as parsing the whole text.
 */
export interface Segment {
  /** Offset of the segment's first character in the document. */
  readonly start: number;
  readonly end: number;
  /** The mdast of the segment's text; its positions are relative to the segment. */
  readonly tree: Root;
}

const processor = unified().use(remarkParse);

/** Long runs of list lines are cut into segments of about this many lines. */
const MAX_LIST_SEGMENT_LINES = 24;
const CACHE_LIMIT = 4000;
const cache = new Map<string, Root>();

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

/** Parses the text segment by segment, reusing the trees of segments seen before. */
export function parseSegments(text: string, bodyStart: number): Segment[] {
  const bounds = segmentBounds(text, bodyStart);
  const definitions = referenceDefinitions(text, bounds);
  const segments: Segment[] = [];
  for (let i = 0; i < bounds.length - 1; i++) {
    const start = bounds[i];
    const end = bounds[i + 1];
    segments.push({ start, end, tree: cachedParse(text.slice(start, end), definitions) });
  }
  return segments;
}

function cachedParse(segmentText: string, definitions: string): Root {
  const key = definitions ? `${segmentText}\u0000${definitions}` : segmentText;
  const hit = cache.get(key);
  if (hit) {
    // Refresh its place in the LRU order.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  // Reference links resolve only against known definitions, which may live in another segment:
  // parse them after the segment's own text (a blank line apart) and drop what lies past its end.
  const tree = parseMarkdown(definitions ? `${segmentText}\n\n${definitions}` : segmentText);
  if (definitions) clipTree(tree, segmentText.length);
  cache.set(key, tree);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return tree;
}

/** Removes nodes that start past `length` and clamps the ends of those that run past it. */
function clipTree(tree: Root, length: number): void {
  const visit = (node: { children?: unknown[]; position?: { end: { offset?: number } } }): void => {
    if (!node.children) return;
    node.children = node.children.filter((child) => {
      const position = (child as { position?: { start: { offset?: number } } }).position;
      return (position?.start.offset ?? 0) < length;
    });
    for (const child of node.children) visit(child as typeof node);
  };
  visit(tree as never);
  const clampEnds = (node: { children?: unknown[]; position?: { end: { offset?: number } } }): void => {
    if (node.position?.end.offset !== undefined && node.position.end.offset > length) node.position.end.offset = length;
    for (const child of node.children ?? []) clampEnds(child as typeof node);
  };
  clampEnds(tree as never);
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING_AT_COLUMN_0 = /^#{1,6}(?:[ \t]|$)/;
const TOP_LEVEL_BULLET = /^[*+-] +\S/;
const NESTED_OR_BULLET = /^(?:[*+-] +\S| {2,}\S)/;
const THEMATIC_BREAK = /^ {0,3}([*_-])(?: *\1){2,} *$/;
const HTML_BLOCK_START = /^ {0,3}<[A-Za-z/!?]/;
const DEFINITION = /^ {0,3}\[[^\]]+\]:/;

/** Lines of the text with their start offsets; the segmenter and the definition scan share it. */
function* linesOf(text: string, from: number): Generator<{ start: number; end: number; text: string }> {
  let start = from;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const lineText = text.slice(start, end).replace(/\r$/, '');
    yield { start, end: end === text.length ? end : end + 1, text: lineText };
    if (end === text.length) return;
    start = end + 1;
  }
}

/** Offsets where segments start, plus the text's length at the end. */
export function segmentBounds(text: string, bodyStart: number): number[] {
  const bounds = [bodyStart];
  let fence: { char: string; length: number } | undefined;
  let inComment = false;
  let inHtmlBlock = false;
  let previous = '';
  let linesInSegment = 0;
  for (const line of linesOf(text, bodyStart)) {
    const lineText = line.text;
    const blank = lineText.trim() === '';
    if (fence) {
      const close = FENCE.exec(lineText);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length && lineText.trim() === close[1]) fence = undefined;
    } else if (inComment) {
      if (lineText.includes('-->')) inComment = false;
    } else if (inHtmlBlock) {
      if (blank) inHtmlBlock = false;
    } else {
      const canSplit =
        line.start > bodyStart &&
        (HEADING_AT_COLUMN_0.test(lineText) ||
          (linesInSegment >= MAX_LIST_SEGMENT_LINES &&
            TOP_LEVEL_BULLET.test(lineText) &&
            !THEMATIC_BREAK.test(lineText) &&
            NESTED_OR_BULLET.test(previous)));
      if (canSplit) {
        bounds.push(line.start);
        linesInSegment = 0;
      }
      const open = FENCE.exec(lineText);
      if (open) {
        fence = { char: open[1][0], length: open[1].length };
      } else if (/^ {0,3}<!--/.test(lineText)) {
        inComment = !lineText.slice(lineText.indexOf('<!--') + 4).includes('-->');
      } else if (HTML_BLOCK_START.test(lineText)) {
        inHtmlBlock = true;
      }
    }
    previous = lineText;
    linesInSegment++;
  }
  bounds.push(text.length);
  return bounds;
}

/** The reference definitions outside fences and comments, one per line, as parse context. */
function referenceDefinitions(text: string, bounds: number[]): string {
  if (!text.includes(']:')) return '';
  const found: string[] = [];
  let fence = false;
  let inComment = false;
  for (const line of linesOf(text, bounds[0])) {
    const lineText = line.text;
    if (FENCE.test(lineText)) fence = !fence;
    else if (inComment) inComment = !lineText.includes('-->');
    else if (!fence && /^ {0,3}<!--/.test(lineText)) inComment = !lineText.slice(lineText.indexOf('<!--') + 4).includes('-->');
    else if (!fence && DEFINITION.test(lineText)) found.push(lineText.trim());
  }
  return found.join('\n');
}
