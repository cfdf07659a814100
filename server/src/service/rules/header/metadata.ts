import { conventionsAt } from '../../conventions';
import type { HeaderField, IssueModel } from '../../model/types';
import { fileNameDate, formatIsoDate, isWednesday, parseIsoDate, type IsoDate } from '../../util/dates';
import type { Finding, Rule } from '../types';

/** `Number:` exists since issue 92 (2015-08-17). */
const FIRST_NUMBERED_ISSUE = 92;
const CATEGORY = 'This Week in Rust';
/** `Date:` as written: a date, and in old issues a time. */
const DATE_VALUE = /^(\S+?)(\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const TITLE_NUMBER = /(This Week in Rust )(\d+)\s*$/i;

const rule: Rule = {
  id: 'header/metadata',
  fixable: true,
  certainty: 'defect',
  docs:
    'The Pelican metadata header: `Title`, `Number` (since issue 92), `Date` and `Category` present; the number ' +
    'in the title equal to `Number`; `Date` an ISO date (old issues add a time), a Wednesday (since issue 342, ' +
    '2020-06-10) and the date in the file name. Fixes fill in what the rest of the header or the file name ' +
    'tells unambiguously, take the title number from `Number` and pad unpadded dates.',
  example: {
    in: 'file',
    wrong: 'Title: This Week in Rust 633\nNumber: 634\nDate: 2026-01-14\nCategory: This Week in Rust\n\nHello and welcome to another issue of *This Week in Rust*!\n',
    right: 'Title: This Week in Rust 634\nNumber: 634\nDate: 2026-01-14\nCategory: This Week in Rust\n\nHello and welcome to another issue of *This Week in Rust*!\n',
  },
  check({ model }) {
    const header = model.header;
    if (!header) {
      return [{ range: model.lines.lineRange(0), message: 'The issue has no metadata header (`Title:`, `Number:`, `Date:`, `Category:` lines).' }];
    }
    const findings: Finding[] = [];
    const fileDate = fileNameDate(model.fileName);
    const titleNumber = header.title ? TITLE_NUMBER.exec(header.title.value) : null;

    if (!header.title) {
      const number = header.number?.value;
      findings.push(missing(model, 'Title', number && /^\d+$/.test(number) ? `This Week in Rust ${number}` : undefined, 0));
    }
    if (!header.number && (header.issueNumber ?? Infinity) >= FIRST_NUMBERED_ISSUE) {
      const after = header.title ? header.title.line + 1 : 0;
      findings.push({ ...missing(model, 'Number', titleNumber?.[2], after), certainty: 'convention' });
    }
    if (!header.date) findings.push(missing(model, 'Date', fileDate ? formatIsoDate(fileDate) : undefined, header.endLine));
    if (!header.category) findings.push(missing(model, 'Category', CATEGORY, header.endLine));

    if (header.number && !/^\d+$/.test(header.number.value)) {
      findings.push({ range: header.number.valueRange, message: `\`Number:\` is not a number: "${header.number.value}".` });
    } else if (header.number && titleNumber && Number(titleNumber[2]) !== Number(header.number.value)) {
      const start = header.title!.valueRange.start.character + titleNumber.index + titleNumber[1].length;
      const range = { start: { line: header.title!.line, character: start }, end: { line: header.title!.line, character: start + titleNumber[2].length } };
      findings.push({
        range,
        message: `The title says issue ${titleNumber[2]}, \`Number:\` says ${header.number.value}.`,
        fix: { title: `Number the title ${header.number.value}`, edits: [{ range, newText: header.number.value }] },
      });
    }
    if (header.date) findings.push(...dateFindings(header.date, fileDate));
    return findings;
  },
};

function dateFindings(field: HeaderField, fileDate: IsoDate | undefined): Finding[] {
  const [, dateText, time] = DATE_VALUE.exec(field.value) ?? [];
  const date = dateText ? parseIsoDate(dateText) : undefined;
  if (!date) return [{ range: field.valueRange, message: `\`Date:\` is not a date as YYYY-MM-DD: "${field.value}".` }];
  const findings: Finding[] = [];
  const iso = formatIsoDate(date);
  const dateRange = { start: field.valueRange.start, end: { line: field.line, character: field.valueRange.start.character + dateText.length } };
  if (dateText !== iso) {
    findings.push({
      range: dateRange,
      message: `Write the date as YYYY-MM-DD: ${iso}.`,
      certainty: 'convention',
      fix: { title: `Write ${iso}`, edits: [{ range: dateRange, newText: iso }] },
    });
  }
  if (conventionsAt(date).wednesdayIssues && !isWednesday(date)) {
    findings.push({ range: dateRange, message: `${iso} is not a Wednesday: issues come out on Wednesdays.`, certainty: 'convention' });
  }
  // Old issues with a time of day may carry the previous or next day (time zones).
  const slack = time ? 1 : 0;
  if (fileDate && Math.abs(fileDate.dayNumber - date.dayNumber) > slack) {
    findings.push({ range: dateRange, message: `The date ${iso} differs from the file name's ${formatIsoDate(fileDate)}.`, certainty: 'convention' });
  }
  return findings;
}

/** A missing key, with a fix that inserts its line before `line` when its value is known. */
function missing(model: IssueModel, key: string, value: string | undefined, line: number): Finding {
  const range = model.header?.range ?? model.lines.lineRange(0);
  const message = `The metadata header has no \`${key}:\` line.`;
  if (value === undefined) return { range, message };
  const text = `${key}: ${value}`;
  // Insert before the line (after a BOM on the first one); past the last line, after a line break.
  const edit =
    line < model.lines.lineCount
      ? { range: { start: { line, character: line === 0 && model.bom ? 1 : 0 }, end: { line, character: line === 0 && model.bom ? 1 : 0 } }, newText: `${text}${model.eol}` }
      : { range: { start: model.lines.positionAt(model.text.length), end: model.lines.positionAt(model.text.length) }, newText: `${model.eol}${text}` };
  return { range, message, fix: { title: `Add \`${text}\``, edits: [edit] } };
}

export default rule;
