import type { IssueModel, Section } from '../model/types';

export interface FoldingRegion {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

/** The last line of a range of lines that is not blank, so folds do not swallow trailing blank lines. */
function lastContentLine(model: IssueModel, from: number, to: number): number {
  let line = to;
  while (line > from && model.lineKinds[line] === 'blank') line--;
  return line;
}

/** Folds: the metadata header, every section, and every multi-line HTML comment. */
export function foldingRanges(model: IssueModel): FoldingRegion[] {
  const folds: FoldingRegion[] = [];
  if (model.header && model.header.endLine > 1) folds.push({ startLine: 0, endLine: model.header.endLine - 1, kind: 'region' });
  const addSection = (section: Section) => {
    const endLine = lastContentLine(model, section.heading.line, section.endLine - 1);
    if (endLine > section.heading.line) folds.push({ startLine: section.heading.line, endLine });
    section.children.forEach(addSection);
  };
  model.sections.forEach(addSection);
  for (const comment of model.comments) {
    if (comment.endLine > comment.startLine) folds.push({ startLine: comment.startLine, endLine: comment.endLine, kind: 'comment' });
  }
  return folds.sort((a, b) => a.startLine - b.startLine);
}
