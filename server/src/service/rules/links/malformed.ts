import { linksOnLines } from '../../model/collect';
import type { IssueModel } from '../../model/types';
import { comparePositions, lineSpan, type Position } from '../../util/text';
import { mistypedWebPrefix } from '../../util/urls';
import type { Finding, Rule } from '../types';
import { visibleLines, withoutCodeSpans } from '../visible-text';
import { urlSpan, writtenUrls } from './shared';
import { linksIn, type LineSpan } from '../span';

/** `[text] (https://…)`: the space keeps Markdown from making a link. */
const SPACE_BEFORE_DESTINATION = /\]([ \t]+)\((?=\s*(?:[a-z][a-z0-9+.-]*:|www\.))/gi;
/** A destination followed by a title, which may hold spaces: `(url "title")`. */
const DESTINATION_WITH_TITLE = /^\S+\s+(?:"[^"]*"|'[^']*'|\([^)]*\))$/;

const rule: Rule = {
  id: 'links/malformed',
  fixable: true,
  local: true,
  certainty: 'defect',
  docs:
    'Link syntax that does not make the intended link: an empty URL `[text]()`, empty link text `[](url)` (nothing ' +
    'to click), a mistyped scheme (`hhttps://`, `https//`, `https://https://`), a space inside a URL, `[text] (url)` ' +
    'with a space between, a missing `)` or an extra `]` (`[text](url`, `[text]](url)`), a stray `)` or `]` right ' +
    'after a link (`[text](url))`). Markdown renders most of these as plain brackets and text. Fixed where the ' +
    'intent is plain: the scheme, the space between, the missing `)` at the end of a line, the extra or stray ' +
    'bracket.',
  peers: { twirCi: 'shares one case: `* [](url)` is an empty list item to the CI' },
  example: {
    in: 'community',
    wrong: '* [A post] (https://example.com/post)',
    right: '* [A post](https://example.com/post)',
  },
  check({ model, span }) {
    return [...urlFindings(model, span), ...linkTextFindings(model, span), ...syntaxFindings(model, span)].sort((a, b) => comparePositions(a.range.start, b.range.start));
  },
};

/** Links that Markdown made, with an empty or mistyped URL. */
function urlFindings(model: IssueModel, span: LineSpan | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const link of linksIn(model, span)) {
    // `[ - ]()` is the template's example line, reported by placeholder/link.
    if (link.kind === 'inline' && link.url === '' && link.text.trim() !== '-') {
      findings.push({ range: link.range, message: 'The link has an empty URL.' });
    }
  }
  for (const url of writtenUrls(model, span)) {
    const mistyped = mistypedWebPrefix(url.text);
    if (!mistyped) continue;
    const range = urlSpan(url, 0, mistyped.end);
    const written = url.text.slice(0, mistyped.end);
    const message = mistyped.replacement ? `Mistyped scheme \`${written}\`: \`${mistyped.replacement}\` is meant.` : `The scheme \`${written}\` is written twice.`;
    findings.push({ range, message, fix: { title: mistyped.replacement ? `Write ${mistyped.replacement}` : 'Remove the repeated scheme', edits: [{ range, newText: mistyped.replacement }] } });
  }
  return findings;
}

/** Links that Markdown made with no text, or with a `)` or `]` after them that nothing opened. */
function linkTextFindings(model: IssueModel, span: LineSpan | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const link of linksIn(model, span)) {
    if (link.kind !== 'inline') continue;
    if (link.text === '' && link.url !== '') findings.push({ range: link.range, message: 'The link has no text: the site shows nothing to click.' });
    const { line, character: end } = link.range.end;
    const stray = model.lines.lineText(line)[end];
    if (stray !== ')' && stray !== ']') continue;
    const before = blockTextBefore(model, link.range.start);
    if (stray === ')' ? openDepth(before, before.length, '(', ')') === 0 : openDepth(before, before.length) === 0) {
      const range = lineSpan(line, end, end + 1);
      findings.push({ range, message: `A stray \`${stray}\` after the link.`, fix: { title: `Remove the \`${stray}\``, edits: [{ range, newText: '' }] } });
    }
  }
  return findings;
}

const BLOCK_START = /^\s*(?:[*+-]|\d+[.)])\s/;

/** The text before `position` in its paragraph or list item, from the item's first line (a `(` may open a line earlier). */
function blockTextBefore(model: IssueModel, position: Position): string {
  let first = position.line;
  while (first > 0 && !BLOCK_START.test(model.lines.lineText(first)) && model.lineKinds[first - 1] !== 'blank' && model.lineKinds[first - 1] !== 'heading') first--;
  const lines: string[] = [];
  for (let line = first; line < position.line; line++) lines.push(model.lines.lineText(line));
  lines.push(model.lines.lineText(position.line).slice(0, position.character));
  return lines.join('\n');
}

/** Link syntax that Markdown did not make a link of, read from the visible text of each line. */
function syntaxFindings(model: IssueModel, span: LineSpan | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const { line, text } of visibleLines(model, span)) {
    if (text.includes(']')) findings.push(...lineSyntaxFindings(text, line, linkSpansOn(model, line), continuationOf(model, line)));
  }
  return findings;
}

/** The columns of the line that Markdown made links of, as `start-end,…` (links rarely span lines: those starting up to two lines before are enough). */
function linkSpansOn(model: IssueModel, line: number): string {
  return linksOnLines(model.links, Math.max(0, line - 2), line)
    .filter((link) => link.range.end.line >= line)
    .map((link) => `${link.range.start.line === line ? link.range.start.character : 0}-${link.range.end.line === line ? link.range.end.character : Infinity}`)
    .join(',');
}

/** The next line when it continues the same paragraph or item (not blank, no new item or heading), else undefined. */
function continuationOf(model: IssueModel, line: number): string | undefined {
  if (line + 1 >= model.lines.lineCount || model.lineKinds[line + 1] === 'blank' || model.lineKinds[line + 1] === 'heading') return undefined;
  const next = model.lines.lineText(line + 1);
  return BLOCK_START.test(next) ? undefined : next;
}

function lineSyntaxFindings(visibleText: string, line: number, linkSpans: string, continuation?: string): Finding[] {
  const spans = linkSpans ? linkSpans.split(',').map((span) => span.split('-').map(Number)) : [];
  const inLink = (character: number) => spans.some(([start, end]) => start <= character && character < end);
  const text = withoutCodeSpans(visibleText);
  const findings: Finding[] = [];
  for (const match of text.matchAll(SPACE_BEFORE_DESTINATION)) {
    if (inLink(match.index)) continue;
    const space = lineSpan(line, match.index + 1, match.index + 1 + match[1].length);
    findings.push({
      range: space,
      message: 'A space between `]` and `(` keeps this from being a link.',
      fix: { title: 'Remove the space', edits: [{ range: space, newText: '' }] },
    });
  }
  for (const match of text.matchAll(/\]\(/g)) {
    if (inLink(match.index)) continue;
    const finding = destinationFinding(text, line, match.index, continuation);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** What is wrong with the `](…` at `close` that Markdown did not make a link of. */
function destinationFinding(text: string, line: number, close: number, continuation?: string): Finding | undefined {
  const depth = openDepth(text, close);
  if (depth === 0) {
    if (text[close - 1] === ']' && openDepth(text, close - 1) === 1) {
      const extra = lineSpan(line, close, close + 1);
      return { range: extra, message: 'An extra `]` keeps this from being a link.', fix: { title: 'Remove the extra `]`', edits: [{ range: extra, newText: '' }] } };
    }
    return { range: lineSpan(line, close, close + 2), message: '`](` without an opening `[`: this is no link.' };
  }
  const open = close + 1;
  const end = matchingParenthesis(text, open);
  if (end === undefined) {
    const token = /^\S*/.exec(text.slice(open + 1))![0];
    const tokenEnd = open + 1 + token.length;
    const range = lineSpan(line, open, tokenEnd);
    const wrapped = continuation !== undefined && token !== '' && text.slice(tokenEnd).trim() === '' && /^\s*[^\s()]*\)/.exec(continuation);
    if (wrapped) {
      // Python-Markdown reads a destination across the line break (the site links it; browsers drop the
      // break), a CommonMark preview does not: one line is what both read.
      const indent = continuation!.length - continuation!.trimStart().length;
      const joint = { start: { line, character: tokenEnd }, end: { line: line + 1, character: indent } };
      return {
        range,
        certainty: 'convention',
        message: 'The URL goes on on the next line: the site makes a link of it, an editor\'s preview does not. Join the URL into one line.',
        fix: { title: 'Join the URL', edits: [{ range: joint, newText: '' }] },
      };
    }
    const message = 'The link\'s `(` is never closed: this is no link.';
    if (token === '' || text.slice(tokenEnd).trim() !== '') return { range, message };
    const insertAt = lineSpan(line, tokenEnd, tokenEnd);
    return { range, message, fix: { title: 'Close the link with `)`', edits: [{ range: insertAt, newText: ')' }] } };
  }
  const destination = text.slice(open + 1, end).trim();
  if (/\s/.test(destination) && !DESTINATION_WITH_TITLE.test(destination)) {
    return { range: lineSpan(line, open + 1, end), message: 'A space inside the URL keeps this from being a link (write it as `%20`, or remove it).' };
  }
  return undefined;
}

/** How many `[` (or other `open` brackets) are open just before `at` (escaped brackets do not count). */
function openDepth(text: string, at: number, open = '[', close = ']'): number {
  let depth = 0;
  for (let index = 0; index < at; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === open) depth++;
    else if (text[index] === close && depth > 0) depth--;
  }
  return depth;
}

/** The index of the `)` that closes the `(` at `open`, or undefined. */
function matchingParenthesis(text: string, open: number): number | undefined {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === '(') depth++;
    else if (text[index] === ')' && --depth === 0) return index;
  }
  return undefined;
}


export default rule;
