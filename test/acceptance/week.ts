/**
 * A week of an issue as its editors commit it, rebuilt from the published 2026 issues: day 1 the
 * new-draft command's draft of issue N (the template, N−1's events carried over), days 2–6 N's
 * sections added one block of sections a day, day 7 N as published (moved to `content/`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, type LintDiagnostic } from '../../server/src/service/lint';
import { buildModel } from '../../server/src/service/model/build';
import { composeDraft } from '../../server/src/service/commands/new-draft';
import { earlierIssue } from '../../server/src/service/rules/links/shared';
import type { EarlierIssue } from '../../server/src/service/rules/types';
import { parseIsoDate } from '../../server/src/service/util/dates';
import { FIXTURES, recentFixtures } from '../unit/fixtures';

export interface Day {
  /** 1–7. */
  day: number;
  folder: 'draft' | 'content';
  text: string;
}

export interface Week {
  fileName: string;
  number: number;
  days: Day[];
  recentIssues: EarlierIssue[];
}

export const TEMPLATE = readFileSync(join(FIXTURES, 'draft', 'DRAFT_TEMPLATE'), 'utf8');

/** The text cut at its `##` and `#` headings: the part before the first, then one block per heading, keyed by its heading line. */
function blocks(text: string): { preamble: string; blocks: { heading: string; text: string }[] } {
  const lines = text.split('\n');
  const starts = lines.flatMap((line, index) => (/^#{1,2} /.test(line) ? [index] : []));
  const preamble = lines.slice(0, starts[0] ?? lines.length).join('\n');
  return {
    preamble,
    blocks: starts.map((start, i) => ({ heading: lines[start].trim(), text: lines.slice(start, starts[i + 1] ?? lines.length).join('\n') })),
  };
}

/** The draft of day `day` (1–6): the first `(day − 1) / 6` of N's blocks written, the others still as the new draft made them. */
export function dayText(draft: string, published: string, day: number): string {
  const fresh = blocks(draft);
  const final = blocks(published);
  const written = Math.round(((day - 1) * final.blocks.length) / 6);
  const parts = final.blocks.flatMap((block, index) => {
    if (index < written) return [block.text];
    const before = fresh.blocks.find((candidate) => candidate.heading === block.heading);
    return before ? [before.text] : [];
  });
  return [fresh.preamble, ...parts].join('\n');
}

/** Every week of `recent/` that has the issue before it there. */
export function weeks(): Week[] {
  const issues = recentFixtures();
  const summaries = issues.map((issue) => earlierIssue(issue.fileName, buildModel(issue.text, { fileName: issue.fileName, final: true })));
  return issues.slice(1).map((issue, index) => {
    const previous = issues[index];
    const model = buildModel(issue.text, { fileName: issue.fileName, final: true });
    const number = model.header!.issueNumber!;
    const draft = composeDraft(TEMPLATE, previous.text, number, parseIsoDate(issue.fileName.slice(0, 10))!);
    const days: Day[] = [1, 2, 3, 4, 5, 6].map((day) => ({ day, folder: 'draft', text: dayText(draft, issue.text, day) }));
    days.push({ day: 7, folder: 'content', text: issue.text });
    return { fileName: issue.fileName, number, days, recentIssues: summaries.slice(0, index + 1).reverse().slice(0, 25) };
  });
}

/** What the editor sees in Problems on that day: every diagnostic, as the language server lints a file in its folder. */
export function diagnosticsOf(week: Week, day: Day): LintDiagnostic[] {
  const model = buildModel(day.text, { fileName: week.fileName, folder: day.folder });
  return lint(model, { recentIssues: week.recentIssues }).diagnostics;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
