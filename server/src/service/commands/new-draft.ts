import { join } from 'node:path';
import { buildModel } from '../model/build';
import { fileExists, fileUri, readWorkspaceFile } from '../workspace/read';
import { repositoryIssueFiles } from '../workspace/recent-issues';
import { addDays, EVENTS_WINDOW_DAYS, formatIsoDate, parseIsoDate, weekdayName, type IsoDate } from '../util/dates';

/**
 * "New issue draft", as TWiR's `tools/create_draft.py` makes one: the next number and Wednesday,
 * the events window, the template's `$twir_…` placeholders filled in, and the previous issue's
 * events list carried over (the editors then remove what has already happened).
 */

export const TEMPLATE_PATH = join('draft', 'DRAFT_TEMPLATE');
const EVENTS_START = 'Rusty Events between';
const EVENTS_END = 'If you are running a Rust event';
const EVENTS_LIST_PLACEHOLDER = '<!-- Events list goes here -->';
/** The script's reference point: issue 424 appeared on 2022-01-05, one issue a week since. */
const REFERENCE_ISSUE = { number: 424, date: parseIsoDate('2022-01-05')! };

export interface Draft {
  readonly path: string;
  readonly uri: string;
  readonly text: string;
  readonly number: number;
  readonly date: string;
  /** What it holds, for the person: `issue 667 of 2026-09-02, events window …, 36 events carried over from issue 666`. */
  readonly summary: string;
}

/**
 * The date `create_draft.py` picks when it is given none: the Wednesday 4 to 10 days ahead (it is
 * run about a week before the issue goes out, and an issue may come out early or late).
 */
export function defaultDraftDate(today: IsoDate): IsoDate {
  let date = addDays(today, 4);
  while (weekdayName(date) !== 'Wednesday') date = addDays(date, 1);
  return date;
}

/** The previous issue's events list: the lines between the window line and the calendar note. */
export function eventsListOf(text: string): string | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  const start = lines.findIndex((line) => line.trim().startsWith(EVENTS_START));
  if (start < 0) return undefined;
  const end = lines.findIndex((line, index) => index > start && line.trim().startsWith(EVENTS_END));
  if (end < 0) return undefined;
  return lines.slice(start + 1, end).join('\n').replace(/^\n+|\n+$/g, '');
}

/** Fills `$name` / `${name}` as Python's string.Template does (`$$` is a dollar). */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\$(?:\$|(\w+)|\{(\w+)\})/g, (whole, bare: string | undefined, braced: string | undefined) => {
    const name = bare ?? braced;
    if (name === undefined) return '$';
    return name in values ? values[name] : whole;
  });
}

/** The draft of issue `number` on `date`: the template filled in, the previous issue's events carried over. */
export function composeDraft(template: string, previousText: string | undefined, number: number, date: IsoDate): string {
  const eol = template.includes('\r\n') ? '\r\n' : '\n';
  const events = (previousText && eventsListOf(previousText)) ?? EVENTS_LIST_PLACEHOLDER;
  return fillTemplate(template, {
    twir_issue_number: String(number),
    twir_issue_date: formatIsoDate(date),
    twir_events_end_date: formatIsoDate(addDays(date, EVENTS_WINDOW_DAYS)),
    twir_events_list: events.replace(/\r?\n/g, eol),
  });
}

/**
 * The draft of the issue of `date` (a Wednesday) in the TWiR checkout at `root`, or why there is
 * none: numbered after the issue a week before, else counted in weeks from issue 424 as the script
 * does; its events carried over from the newest issue before it.
 */
export function nextDraft(root: string, dateText: string): Draft | { error: string } {
  const date = parseIsoDate(dateText);
  if (!date || formatIsoDate(date) !== dateText) return { error: `"${dateText}" is not a date: write YYYY-MM-DD.` };
  if (weekdayName(date) !== 'Wednesday') return { error: `${dateText} is a ${weekdayName(date)}: issues come out on Wednesdays.` };
  const path = join(root, 'draft', `${dateText}-this-week-in-rust.md`);
  if (fileExists(path)) return { error: `${path} exists already.` };
  const read = readTemplate(root);
  if ('error' in read) return read;
  const template = read.text;
  // The newest issue before it, published or drafted: the one the new draft follows.
  const previous = repositoryIssueFiles(root).find((file) => file.date < dateText);
  const previousRead = previous && readWorkspaceFile(previous.path);
  if (previousRead && !('text' in previousRead)) return { error: 'problem' in previousRead ? `${previousRead.problem}.` : `${previous.path} vanished.` };
  const previousText = previousRead?.text;
  const previousNumber = previousText ? buildModel(previousText).header?.issueNumber : undefined;
  const weeksAfter = previous ? (date.dayNumber - parseIsoDate(previous.date)!.dayNumber) / 7 : undefined;
  const number = previousNumber !== undefined && weeksAfter !== undefined && Number.isInteger(weeksAfter) ? previousNumber + weeksAfter : REFERENCE_ISSUE.number + Math.round((date.dayNumber - REFERENCE_ISSUE.date.dayNumber) / 7);
  const events = previousText && eventsListOf(previousText);
  const windowEnd = formatIsoDate(addDays(date, EVENTS_WINDOW_DAYS));
  const text = composeDraft(template, previousText, number, date);
  const carried = events ? buildModel(text).events?.regions.reduce((sum, region) => sum + region.events.length, 0) : 0;
  const from = previous && events ? `, ${carried} events carried over from ${previousNumber !== undefined ? `issue ${previousNumber}` : previous.fileName}` : ', no events to carry over';
  return { path, uri: fileUri(path), text, number, date: dateText, summary: `issue ${number} of ${dateText}, events window ${dateText} – ${windowEnd}${from}` };
}

/** The checkout's draft template, or why it cannot be read. */
export function readTemplate(root: string): { text: string } | { error: string } {
  const read = readWorkspaceFile(join(root, TEMPLATE_PATH));
  if ('missing' in read) return { error: `No ${TEMPLATE_PATH} in ${root}: open a This Week in Rust checkout.` };
  if ('problem' in read) return { error: `${read.problem}.` };
  return { text: read.text };
}

/** The first of the folders that holds a TWiR checkout's draft template. */
export function checkoutWithTemplate(folders: readonly string[]): string | undefined {
  return folders.find((folder) => fileExists(join(folder, TEMPLATE_PATH)));
}
