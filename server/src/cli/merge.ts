/** `twir-lint merge --events FILE DRAFT [--write]`: a week's events merged into a draft, as the editor's command does. */
import { dirname, basename } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { batchOverBudget } from '../service/commands/merge-events/batch';
import { mergeEvents } from '../service/commands/merge-events/merge';
import { formatMergeReport } from '../service/commands/merge-events/report';
import { buildModel } from '../service/model/build';
import { applyEdits } from '../service/rules/fixes';
import { readTextFile, refusalToWrite, writeFileAtomically } from './file-io';
import { parseSubcommand } from './subcommand';

export interface MergeOptions {
  events: string;
  draft: string;
  write: boolean;
}

export const MERGE_USAGE = `Usage: twir-lint merge --events FILE [--write] DRAFT

Merges a week's events into a draft: FILE holds TWiR event lines (an overview line
and its title line each, region headings allowed) or the JSON of TWiR's meetup
automation / the events linter ({"Europe": [{name, location, date, url, virtual,
organizer_name, organizer_url, hybrid?}, …], …}) in any layout. An event with
the event link of one in the draft replaces it in its region (only the title it
matches; twins in other regions stay); each goes to the region its location
says, in order; events outside the window the draft declares are left out, and
so are events whose text or URLs would not read as Markdown as they say.

Prints what changes, region by region, and the diff; --write applies it.

Exit status: 0 merged (or nothing to merge), 1 merged, but some events of the
batch need a look (left out for another reason than the window, possible
duplicates, or twin listings with other dates), 2 usage error, unreadable file, or a batch or draft the merge
cannot take (nothing is written).
`;

export function parseMergeCommandLine(args: readonly string[]): { kind: 'merge'; options: MergeOptions } | { kind: 'usage-error'; message: string; usage: string } | { kind: 'help'; usage: string } {
  const parsed = parseSubcommand(args, { events: { type: 'string' }, write: { type: 'boolean', default: false } }, MERGE_USAGE);
  if ('kind' in parsed) return parsed;
  const { values, positionals } = parsed;
  if (!values.events) return { kind: 'usage-error', message: 'merge needs --events FILE', usage: MERGE_USAGE };
  if (positionals.length !== 1) return { kind: 'usage-error', message: `merge takes one DRAFT, not ${positionals.length}`, usage: MERGE_USAGE };
  return { kind: 'merge', options: { events: values.events, draft: positionals[0], write: values.write } };
}

/** Runs the merge; output goes through `print` (stdout), problems to stderr. Returns the exit status. */
export function mergeCommand(options: MergeOptions, print: (text: string) => void): number {
  const fail = (message: string) => {
    process.stderr.write(`twir-lint merge: ${message}\n`);
    return 2;
  };
  const batch = readTextFile(options.events, batchOverBudget);
  if ('problem' in batch) return fail(`${options.events}: ${batch.problem}`);
  const draft = readTextFile(options.draft);
  if ('problem' in draft) return fail(`${options.draft}: ${draft.problem}`);
  const model = buildModel(draft.text, { fileName: basename(options.draft) });
  const result = mergeEvents(model, batch.text);
  if ('error' in result) return fail(`${result.error} Nothing was changed.`);
  const merged = applyEdits(draft.text, model.lines, result.edits);
  print(formatMergeReport(result.report, basename(options.events)));
  if (merged !== draft.text) {
    print(`\n${createTwoFilesPatch(options.draft, options.draft, draft.text, merged, undefined, undefined, { context: 1 })}`);
    if (options.write) {
      const refusal = refusalToWrite(options.draft, dirname(options.draft), draft.stats);
      if (refusal) return fail(`${options.draft} not written: ${refusal}.`);
      try {
        writeFileAtomically(options.draft, merged, draft.stats);
      } catch (error) {
        return fail(`${options.draft} not written: ${(error as Error).message}.`);
      }
      print(`\nWrote ${options.draft}.\n`);
    }
  }
  const { possibleDuplicates, twinsToDecide, leftOut } = result.report;
  const needsALook = possibleDuplicates.length + twinsToDecide.length > 0 || leftOut.some((out) => !out.why.includes(' the window '));
  return needsALook ? 1 : 0;
}
