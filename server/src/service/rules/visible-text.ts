import type { IssueModel } from '../model/types';
import { perModel } from './per-model';

const HIDDEN_LINE_KINDS = new Set(['header', 'comment', 'code', 'blank']);
const CODE_SPAN = /(`+)(?:(?!\1)[\s\S])*?\1/g;

/**
 * The lines a reader of the site sees as text, each with its HTML comments blanked out (same
 * length, so columns stay right): where rules look for what remark does not parse, such as
 * placeholders and broken link syntax, without reporting the template's instructions and examples.
 */
export const visibleLines = perModel((model: IssueModel): readonly { line: number; text: string }[] => {
  const result: { line: number; text: string }[] = [];
  for (let line = 0; line < model.lines.lineCount; line++) {
    if (HIDDEN_LINE_KINDS.has(model.lineKinds[line])) continue;
    let text = model.lines.lineText(line);
    for (const comment of model.comments) {
      if (comment.range.start.line > line || comment.range.end.line < line) continue;
      const start = comment.range.start.line === line ? comment.range.start.character : 0;
      const end = comment.range.end.line === line ? comment.range.end.character : text.length;
      text = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
    }
    result.push({ line, text });
  }
  return result;
});

/** The text with its inline code spans blanked out, so that code is not read as Markdown syntax. */
export function withoutCodeSpans(text: string): string {
  return text.replace(CODE_SPAN, (span) => ' '.repeat(span.length));
}
