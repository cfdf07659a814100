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
}

/** The first Wednesday after a day. */
export function wednesdayAfter(date: IsoDate): IsoDate {
  let next = addDays(date, 1);
  while (weekdayName(next) !== 'Wednesday') next = addDays(next, 1);
  return next;
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
 * The next draft of the TWiR checkout at `root`, or why there is none. `today` decides the date
 * only when the checkout has no issue yet.
 */
export function nextDraft(root: string, today: IsoDate): Draft | { error: string } {
  const templatePath = join(root, TEMPLATE_PATH);
  const read = readWorkspaceFile(templatePath);
  if ('missing' in read) return { error: `No ${TEMPLATE_PATH} in ${root}: open a This Week in Rust checkout.` };
  if ('problem' in read) return { error: `${read.problem}.` };
  const template = read.text;
  // The newest issue, published or drafted: the one the new draft follows.
  const previous = repositoryIssueFiles(root)[0];
  const previousRead = previous && readWorkspaceFile(previous.path);
  if (previousRead && !('text' in previousRead)) return { error: 'problem' in previousRead ? `${previousRead.problem}.` : `${previous.path} vanished.` };
  const previousText = previousRead?.text;
  const date = wednesdayAfter(previous ? parseIsoDate(previous.date)! : addDays(today, 3));
  const previousNumber = previousText ? buildModel(previousText).header?.issueNumber : undefined;
  const number = previousNumber !== undefined ? previousNumber + 1 : REFERENCE_ISSUE.number + Math.round((date.dayNumber - REFERENCE_ISSUE.date.dayNumber) / 7);
  const text = composeDraft(template, previousText, number, date);
  const path = join(root, 'draft', `${formatIsoDate(date)}-this-week-in-rust.md`);
  if (fileExists(path)) return { error: `${path} exists already.` };
  return { path, uri: fileUri(path), text, number, date: formatIsoDate(date) };
}

/** The first of the folders that holds a TWiR checkout's draft template. */
export function checkoutWithTemplate(folders: readonly string[]): string | undefined {
  return folders.find((folder) => fileExists(join(folder, TEMPLATE_PATH)));
}
