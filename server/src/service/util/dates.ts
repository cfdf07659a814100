/** Calendar dates as written in TWiR (`YYYY-MM-DD`), with day arithmetic. */
export interface IsoDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Days since 1970-01-01: compare and subtract these. */
  readonly dayNumber: number;
}

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Parses `YYYY-MM-DD` (also unpadded `YYYY-M-D`); undefined when the text is not a real calendar date. */
export function parseIsoDate(text: string): IsoDate | undefined {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return { year, month, day, dayNumber: Math.round(time / DAY_MS) };
}

export function dateFromDayNumber(dayNumber: number): IsoDate {
  const date = new Date(dayNumber * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), dayNumber };
}

export function formatIsoDate(date: IsoDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dateFromDayNumber(date.dayNumber + days);
}

export function weekdayName(date: IsoDate): string {
  return WEEKDAYS[((date.dayNumber % 7) + 7 + 4) % 7];
}

export function isWednesday(date: IsoDate): boolean {
  return weekdayName(date) === 'Wednesday';
}

/** The events window of an issue: its date and the four weeks after it. */
export const EVENTS_WINDOW_DAYS = 28;

const FILE_NAME_DATE = /^(\d{4}-\d{1,2}-\d{1,2})-/;

/** The date an issue's file name starts with (`2026-01-14-this-week-in-rust.md`). */
export function fileNameDate(fileName: string | undefined): IsoDate | undefined {
  const match = fileName ? FILE_NAME_DATE.exec(fileName) : null;
  return match ? parseIsoDate(match[1]) : undefined;
}
