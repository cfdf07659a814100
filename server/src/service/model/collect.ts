import type { Nodes, Root } from 'mdast';
import { LineIndex, type Range } from '../util/text';
import { normaliseLabel, type ParsedSegment } from './parse';
import { SUBMERGE_TOKEN } from './submerge';
import type { Definition, Heading, HtmlComment, Link } from './types';

/**
 * What the model takes from one segment's tree, with lines counted from the segment's first line.
 * It is computed once per segment text and moved to where the segment lies in each version.
 */
export interface SegmentNodes {
  readonly headings: readonly Heading[];
  readonly comments: readonly HtmlComment[];
  readonly markers: readonly MarkerSite[];
  /** Inline links and autolinks; reference links are resolved across segments in `collectNodes`. */
  readonly links: readonly Link[];
  readonly references: readonly ReferenceSite[];
  readonly definitions: readonly Definition[];
  readonly codeLines: readonly (readonly [number, number])[];
  readonly quoteLines: readonly (readonly [number, number])[];
}

/** A reference link before its definition is known. */
interface ReferenceSite {
  readonly text: string;
  readonly label: string;
  readonly line: number;
  readonly range: Range;
  readonly textRange: Range;
}

/** HTML holding a submerge marker, with the list items around it (see submerge.ts). */
export interface MarkerSite {
  readonly text: string;
  readonly range: Range;
  /** How many list items hold it. */
  readonly depth: number;
  /** The outermost list item that holds it. */
  readonly item?: Range;
}

/** The nodes of every segment, placed in the document, with reference links resolved. */
export interface Collected {
  headings: Heading[];
  comments: HtmlComment[];
  markers: MarkerSite[];
  links: Link[];
  definitions: Definition[];
  codeLines: (readonly [number, number])[];
  quoteLines: (readonly [number, number])[];
}

type Positioned = { position?: { start: { offset?: number }; end: { offset?: number } } };

/** Walks a segment's tree once, collecting what the model needs with segment-relative ranges. */
export function summariseSegment(tree: Root, text: string): SegmentNodes {
  const lines = new LineIndex(text);
  const result = {
    headings: [] as Heading[],
    comments: [] as HtmlComment[],
    markers: [] as MarkerSite[],
    links: [] as Link[],
    references: [] as ReferenceSite[],
    definitions: [] as Definition[],
    codeLines: [] as [number, number][],
    quoteLines: [] as [number, number][],
  };
  const offsets = (node: Positioned): [number, number] => [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
  const childrenSpan = (node: Extract<Nodes, { children: unknown }>, start: number, end: number): [number, number] => {
    const first = node.children[0] as Positioned | undefined;
    const last = node.children[node.children.length - 1] as Positioned | undefined;
    return [first ? offsets(first)[0] : start, last ? offsets(last)[1] : end];
  };
  /** The list items around the node being visited, outermost first. */
  const items: Positioned[] = [];
  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'listItem':
        items.push(node);
        for (const child of node.children) visit(child);
        items.pop();
        return;
      case 'heading': {
        const [start, end] = offsets(node);
        const link = node.children.length === 1 && node.children[0].type === 'link' ? node.children[0] : undefined;
        const [textStart, textEnd] = childrenSpan(node, end, end);
        result.headings.push({
          level: node.depth,
          text: plainText(node).trim(),
          line: lines.lineAt(start),
          range: lines.rangeOf(start, end),
          textRange: lines.rangeOf(textStart, textEnd),
          url: link?.url,
        });
        break;
      }
      case 'html': {
        const [start, end] = offsets(node);
        if (node.value.includes(SUBMERGE_TOKEN)) {
          const item = items[0] && offsets(items[0]);
          result.markers.push({ text: node.value, range: lines.rangeOf(start, end), depth: items.length, item: item && lines.rangeOf(item[0], item[1]) });
        }
        if (!node.value.trimStart().startsWith('<!--')) break;
        result.comments.push(...comments(text, lines, start, end));
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
        result.links.push(inlineLink(text, lines, node, start, end, childrenSpan(node, start + 1, start + 1)));
        break;
      }
      case 'linkReference': {
        const [start, end] = offsets(node);
        const [textStart, textEnd] = childrenSpan(node, start + 1, start + 1);
        result.references.push({
          text: plainText(node),
          label: node.label ?? node.identifier,
          line: lines.lineAt(start),
          range: lines.rangeOf(start, end),
          textRange: lines.rangeOf(textStart, textEnd),
        });
        break;
      }
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
  return result;
}

/**
 * Characters that are plain text wherever they stand in a line of simple inline content (no
 * escapes, entities, code, emphasis, HTML or autolinks, brackets, tabs or BOMs); `!` only when no
 * `[` follows, `&` when it starts no entity, `_` between letters or digits (`READ_ONCE`: an
 * underscore there can neither open nor close emphasis).
 */
const PLAIN = String.raw`(?:[^\\\`*_\[\]<>&!\t\r\n\uFEFF]|!(?!\[)|&(?![#A-Za-z0-9]+;)|(?<=[A-Za-z0-9])_+(?=[A-Za-z0-9]))`;
/**
 * A code span of single backticks whose content needs nothing of CommonMark's code span rules (no
 * space to strip at its ends, no backtick, and nothing that could start an HTML tag, an autolink,
 * an entity or a link): `` `Vec<T>` `` is left to remark, `` `impl_trait` `` is not.
 */
const CODE = String.raw`(?<!\`)\`[^\`\s\\<>&\[\]](?:[^\`\\<>&\[\]\t\r\n]*[^\`\s\\<>&\[\]])?\`(?!\`)`;
/** A link destination with nothing remark-parse would decode, balance or end early (an `&` that starts no entity is plain). */
const DESTINATION = String.raw`(?:[^\s\\[\]<>()&\u0000-\u001f\u007f]|&(?![#A-Za-z0-9]+;))+`;
/** A link `[text](url)` (its text may hold code spans) or `[**text**](url)` (bold starting and ending with a letter or digit). */
const SIMPLE_LINK = String.raw`\[(?:(?:${PLAIN}|${CODE})+|\*\*[A-Za-z0-9](?:${PLAIN}*[A-Za-z0-9])?\*\*)\]\(${DESTINATION}\)`;
/**
 * A bracketed word before a space, as TWiR's prefixes `[video] [Title](…)`: literal text unless a
 * definition gives it a destination (`summariseSimpleSegment` checks the labels).
 */
const TOKEN = String.raw`\[[A-Za-z][A-Za-z0-9]*\](?= )`;
/** Inline content of plain text, code spans, tokens and simple links only, ending with no whitespace (no hard break). */
const SIMPLE_INLINE = new RegExp(String.raw`^(?:${PLAIN}|${CODE}|${TOKEN}|${SIMPLE_LINK})*(?:[^\s\\\`*_\[\]<>&!\uFEFF]|!|${CODE}|${SIMPLE_LINK})$`);
const SIMPLE_LINKS = new RegExp(SIMPLE_LINK, 'g');
const TOKENS = new RegExp(TOKEN, 'g');
/** An ATX heading of plain text (no closing `#`s, no trailing whitespace): `## Updates from Rust Community`. */
const SIMPLE_HEADING = /^(#{1,6}) ([^\s#\\`*_[\]<>&!\uFEFF](?:[^#\\`*_[\]<>&!\t\uFEFF]*[^\s#\\`*_[\]<>&!\uFEFF])?)$/;
/**
 * A bullet item `* …` / `- …` whose content cannot open another block (an ordered list marker, a
 * thematic break, a heading, a fence…: the inline pattern then rejects what follows a backtick).
 */
const SIMPLE_ITEM = /^( *)[*-] (?=\[|`|[A-Za-z]|[^\x00-\x7f\s]|\d+[^\d.)])(.*)$/;
/** A paragraph line that cannot open another block: it starts with a letter (any script), a link, a token or a code span. */
const SIMPLE_TEXT = /^(?:[A-Za-z[`]|[^\x00-\x7f\s])/;

/**
 * The summary of a segment made only of simple lines, without the parser: blank lines, ATX headings
 * of plain text, and bullet items or paragraph lines of plain text and simple links — most of an
 * issue (community links, events, section headings). Undefined for any other segment, which
 * remark-parse summarises: escapes, entities, nested brackets, HTML, code, emphasis (which may
 * span lines), definitions, references, quotes, or an indented line that could be code.
 * `test/unit/incremental.test.ts` proves the models equal to remark-parse's.
 */
export function summariseSimpleSegment(text: string, labels: ReadonlyMap<string, string>): SegmentNodes | undefined {
  const lines = new LineIndex(text);
  const headings: Heading[] = [];
  const links: Link[] = [];
  const blockComments: HtmlComment[] = [];
  let previous: 'blank' | 'heading' | 'content' = 'blank';
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.starts[line];
    const content = lines.lineText(line);
    if (content === '') {
      previous = 'blank';
      continue;
    }
    if (content.startsWith('<!--')) {
      // An HTML comment block (the instructions in every section): it runs to the line that holds
      // `-->`, which must end there; `<!-->` and `<!--->` are comments of their own (CommonMark).
      const last = commentBlockEnd(lines, line);
      if (last === undefined) return undefined;
      blockComments.push(...comments(text, lines, start, lines.lineEnd(last)));
      line = last;
      // What follows an HTML block cannot continue it, and an indented line after it could be code.
      previous = 'heading';
      continue;
    }
    const heading = SIMPLE_HEADING.exec(content);
    if (heading) {
      const end = start + content.length;
      headings.push({ level: heading[1].length, text: heading[2], line, range: lines.rangeOf(start, end), textRange: lines.rangeOf(start + heading[1].length + 1, end) });
      previous = 'heading';
      continue;
    }
    const item = SIMPLE_ITEM.exec(content);
    // An indented line continues the item or paragraph above it; after a blank line or a heading it could be code.
    if (item ? item[1] !== '' && previous !== 'content' : !SIMPLE_TEXT.test(content)) return undefined;
    const inline = item ? item[2] : content;
    if (!SIMPLE_INLINE.test(inline)) return undefined;
    // A defined `[token]` is a reference link.
    if (labels.size > 0 && [...inline.matchAll(TOKENS)].some((token) => labels.has(normaliseLabel(token[0].slice(1, -1))))) return undefined;
    const inlineStart = start + content.length - inline.length;
    for (const match of inline.matchAll(SIMPLE_LINKS)) {
      const linkStart = inlineStart + match.index;
      const close = match[0].indexOf('](');
      const bold = match[0].startsWith('[**');
      // The text of the link's text and code span nodes (plainText): without the code spans' backticks.
      const value = { type: 'text' as const, value: match[0].slice(bold ? 3 : 1, bold ? close - 2 : close).replace(/`/g, '') };
      const node = { type: 'link' as const, url: match[0].slice(close + 2, -1), children: bold ? [{ type: 'strong' as const, children: [value] }] : [value] };
      links.push(inlineLink(text, lines, node, linkStart, linkStart + match[0].length, [linkStart + 1, linkStart + close]));
    }
    previous = 'content';
  }
  return { headings, comments: blockComments, links, references: [], definitions: [], codeLines: [], quoteLines: [], markers: [] };
}

/** The last line of the comment block that starts at `line`, when it ends with its `-->` and holds no submerge marker. */
function commentBlockEnd(lines: LineIndex, line: number): number | undefined {
  const first = lines.lineText(line);
  if (first.startsWith('<!-->') || first.startsWith('<!--->')) return undefined;
  for (let last = line; last < lines.lineCount; last++) {
    const content = lines.lineText(last);
    if (content.includes(SUBMERGE_TOKEN)) return undefined;
    const close = content.indexOf('-->', last === line ? 4 : 0);
    if (close !== -1) return close === content.length - 3 ? last : undefined;
  }
  return undefined;
}

/** Where each segment's nodes were last placed: an edit that keeps the line count moves none. */
const placements = new WeakMap<SegmentNodes, { line: number; nodes: SegmentNodes }>();

/** Places the segments' nodes at their lines in the document and resolves reference links. */
export function collectNodes(segments: readonly ParsedSegment<SegmentNodes>[], lines: LineIndex): Collected {
  const result: Collected = { headings: [], comments: [], markers: [], links: [], definitions: [], codeLines: [], quoteLines: [] };
  const references: ReferenceSite[] = [];
  for (const segment of segments) {
    const nodes = placed(segment.summary, lines.lineAt(segment.start));
    result.headings.push(...nodes.headings);
    result.comments.push(...nodes.comments);
    result.markers.push(...nodes.markers);
    result.links.push(...nodes.links);
    result.definitions.push(...nodes.definitions);
    result.codeLines.push(...nodes.codeLines);
    result.quoteLines.push(...nodes.quoteLines);
    references.push(...nodes.references);
  }
  if (references.length > 0) {
    // CommonMark: the first definition of a label wins.
    const byLabel = new Map<string, Definition>();
    for (const definition of result.definitions) if (!byLabel.has(normaliseLabel(definition.label))) byLabel.set(normaliseLabel(definition.label), definition);
    for (const reference of references) {
      const definition = byLabel.get(normaliseLabel(reference.label));
      result.links.push({ kind: 'reference', ...reference, url: definition?.url ?? '', urlRange: definition?.urlRange, definition });
    }
    result.links.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
  return result;
}

function placed(nodes: SegmentNodes, line: number): SegmentNodes {
  if (line === 0) return nodes;
  const last = placements.get(nodes);
  if (last?.line === line) return last.nodes;
  const shift = (range: Range): Range => ({
    start: { line: range.start.line + line, character: range.start.character },
    end: { line: range.end.line + line, character: range.end.character },
  });
  const shiftSpan = ([from, to]: readonly [number, number]): [number, number] => [from + line, to + line];
  const moved: SegmentNodes = {
    headings: nodes.headings.map((heading) => ({ ...heading, line: heading.line + line, range: shift(heading.range), textRange: shift(heading.textRange) })),
    comments: nodes.comments.map((comment) => ({ ...comment, range: shift(comment.range), startLine: comment.startLine + line, endLine: comment.endLine + line })),
    markers: nodes.markers.map((marker) => ({ ...marker, range: shift(marker.range), item: marker.item && shift(marker.item) })),
    links: nodes.links.map((link) => ({ ...link, line: link.line + line, range: shift(link.range), textRange: shift(link.textRange), urlRange: link.urlRange && shift(link.urlRange) })),
    references: nodes.references.map((site) => ({ ...site, line: site.line + line, range: shift(site.range), textRange: shift(site.textRange) })),
    definitions: nodes.definitions.map((definition) => ({
      ...definition,
      line: definition.line + line,
      range: shift(definition.range),
      urlRange: shift(definition.urlRange),
    })),
    codeLines: nodes.codeLines.map(shiftSpan),
    quoteLines: nodes.quoteLines.map(shiftSpan),
  };
  placements.set(nodes, { line, nodes: moved });
  return moved;
}

const WHITESPACE = /\s/;

function inlineLink(text: string, lines: LineIndex, node: Extract<Nodes, { type: 'link' }>, start: number, end: number, [textStart, textEnd]: [number, number]): Link {
  if (text.charCodeAt(start) !== 91 /* [ */) {
    // An autolink, `<https://…>` or a bare URL.
    const angled = text.charCodeAt(start) === 60; /* < */
    const urlStart = angled ? start + 1 : start;
    return {
      kind: 'autolink',
      text: node.url,
      url: node.url,
      line: lines.lineAt(start),
      range: lines.rangeOf(start, end),
      textRange: lines.rangeOf(urlStart, urlStart + node.url.length),
      urlRange: lines.rangeOf(urlStart, angled ? end - 1 : end),
    };
  }
  // The destination follows the `](` after the text; it ends at whitespace (a title follows) or `)`.
  const destinationStart = text.indexOf('](', textEnd) + 2;
  let urlStart = destinationStart;
  let urlEnd = end - 1;
  if (destinationStart >= 2 && destinationStart <= end) {
    while (urlStart < urlEnd && WHITESPACE.test(text[urlStart])) urlStart++;
    if (text[urlStart] === '<') {
      urlStart++;
      urlEnd = text.indexOf('>', urlStart);
    } else {
      let cursor = urlStart;
      while (cursor < urlEnd && !WHITESPACE.test(text[cursor])) cursor++;
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
 * The comments of an HTML block, one per `<!--`. A comment in which another `<!--` opens before its
 * `-->`, or that never closes, was left unclosed: the site hides everything up to the next `-->`
 * (`<!-- Remove this section if empty>`).
 */
function comments(text: string, lines: LineIndex, start: number, end: number): HtmlComment[] {
  const value = text.slice(start, end);
  const found: HtmlComment[] = [];
  let cursor = 0;
  for (let open = value.indexOf('<!--'); open !== -1; open = value.indexOf('<!--', cursor)) {
    const close = value.indexOf('-->', open + 4);
    const nextOpen = value.indexOf('<!--', open + 4);
    cursor = close === -1 ? value.length : close + 3;
    found.push({
      range: lines.rangeOf(start + open, start + cursor),
      startLine: lines.lineAt(start + open),
      endLine: lines.lineAt(Math.max(start + open, start + cursor - 1)),
      text: value.slice(open, cursor),
      closed: close !== -1 && (nextOpen === -1 || nextOpen > close),
    });
  }
  return found;
}

/** The links that start on lines first … last, from links in document order. */
export function linksOnLines(links: readonly Link[], first: number, last: number): Link[] {
  let low = 0;
  let high = links.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (links[mid].line < first) low = mid + 1;
    else high = mid;
  }
  let end = low;
  while (end < links.length && links[end].line <= last) end++;
  return links.slice(low, end);
}
