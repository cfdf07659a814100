import type { IssueModel } from '../model/types';
import { perModel } from './per-model';
import { isWhole, spanOrWhole, type LineSpan } from './span';

const HIDDEN_LINE_KINDS = new Set(['header', 'comment', 'code', 'blank']);
const CODE_SPAN = /(`+)(?:(?!\1)[\s\S])*?\1/g;

/**
 * The lines a reader of the site sees as text, each with its HTML comments blanked out (same
 * length, so columns stay right): where rules look for what remark does not parse, such as
 * placeholders and broken link syntax, without reporting the template's instructions and examples.
 * With a span, those of its lines.
 */
export function visibleLines(model: IssueModel, span?: LineSpan): readonly { line: number; text: string }[] {
  return isWhole(model, span) ? allVisibleLines(model) : visibleLinesIn(model, span!);
}

const allVisibleLines = perModel((model: IssueModel) => visibleLinesIn(model, spanOrWhole(model, undefined)));

function visibleLinesIn(model: IssueModel, { from, to }: LineSpan): { line: number; text: string }[] {
  // The comment spans on each line, so that each line looks only at its own.
  const spans = new Map<number, [number, number][]>();
  for (const comment of model.comments) {
    if (comment.range.end.line < from || comment.range.start.line >= to) continue;
    for (let line = comment.range.start.line; line <= comment.range.end.line; line++) {
      const start = line === comment.range.start.line ? comment.range.start.character : 0;
      const end = line === comment.range.end.line ? comment.range.end.character : Infinity;
      spans.set(line, [...(spans.get(line) ?? []), [start, end]]);
    }
  }
  const result: { line: number; text: string }[] = [];
  for (let line = from; line < to; line++) {
    if (HIDDEN_LINE_KINDS.has(model.lineKinds[line])) continue;
    let text = model.lines.lineText(line);
    for (const [start, spanEnd] of spans.get(line) ?? []) {
      const end = Math.min(spanEnd, text.length);
      text = text.slice(0, start) + ' '.repeat(Math.max(0, end - start)) + text.slice(end);
    }
    result.push({ line, text });
  }
  return result;
}

/** The text with its inline code spans blanked out, so that code is not read as Markdown syntax. */
export function withoutCodeSpans(text: string): string {
  if (!text.includes('`')) return text;
  return text.replace(CODE_SPAN, (span) => ' '.repeat(span.length));
}
