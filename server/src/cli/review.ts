/** `twir-lint review [--previous FILE] [--format text|json] DRAFT`: this week against last week. */
import { basename } from 'node:path';
import { formatReview, reviewWeek } from '../service/commands/review';
import { buildModel } from '../service/model/build';
import { previousIssueFile } from '../service/workspace/recent-issues';
import { readTextFile } from './file-io';
import { LookBack } from './look-back';
import { parseSubcommand } from './subcommand';

export interface ReviewOptions {
  draft: string;
  previous?: string;
  format: 'text' | 'json';
}

export const REVIEW_USAGE = `Usage: twir-lint review [--previous FILE] [--format text|json] DRAFT

Compares a draft with the issue before it: the latest issue in the content/ folder
beside the draft's folder, or FILE. Per section, the entries added, removed and
kept; the events matched by their event link as the merge matches them (new,
carried over, changed with before → after, dropped and whether the window
explains it); and the links that one of the 25 recent issues already had.

Exit status: 0 compared, 2 usage error, unreadable file or no issue to compare with.
`;

export function parseReviewCommandLine(args: readonly string[]): { kind: 'review'; options: ReviewOptions } | { kind: 'usage-error'; message: string; usage: string } | { kind: 'help'; usage: string } {
  const parsed = parseSubcommand(args, { previous: { type: 'string' }, format: { type: 'string', default: 'text' } }, REVIEW_USAGE);
  if ('kind' in parsed) return parsed;
  const { values, positionals } = parsed;
  if (values.format !== 'text' && values.format !== 'json') return { kind: 'usage-error', message: `review --format is text or json, not ${values.format}`, usage: REVIEW_USAGE };
  if (positionals.length !== 1) return { kind: 'usage-error', message: `review takes one DRAFT, not ${positionals.length}`, usage: REVIEW_USAGE };
  return { kind: 'review', options: { draft: positionals[0], previous: values.previous, format: values.format } };
}

/** Runs the review; output goes through `print` (stdout), problems to stderr. Returns the exit status. */
export function reviewCommand(options: ReviewOptions, print: (text: string) => void): number {
  const fail = (message: string) => {
    process.stderr.write(`twir-lint review: ${message}\n`);
    return 2;
  };
  const draft = readTextFile(options.draft);
  if ('problem' in draft) return fail(`${options.draft}: ${draft.problem}`);
  const model = buildModel(draft.text, { fileName: basename(options.draft), final: true });
  const previousPath = options.previous ?? previousIssueFile(options.draft, model);
  if (!previousPath) return fail(`${options.draft}: no earlier issue in a content/ folder beside its folder; name one with --previous FILE.`);
  const previous = readTextFile(previousPath);
  if ('problem' in previous) return fail(`${previousPath}: ${previous.problem}`);
  const previousModel = buildModel(previous.text, { fileName: basename(previousPath), final: true });
  const review = reviewWeek(model, previousModel, basename(previousPath), new LookBack().earlierIssues(options.draft, model));
  // Lines 1-based, as in the lint's JSON.
  print(options.format === 'json' ? `${JSON.stringify(review, (key, value) => (key === 'line' || key === 'previousLine' ? value + 1 : value), 2)}\n` : formatReview(review, options.draft, previousPath));
  return 0;
}
