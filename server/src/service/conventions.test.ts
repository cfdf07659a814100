/**
 * Each convention that changed over time, on both sides of its date: the rule that reads it reports on
 * one side and not the other. The date an issue is judged by is its `Date:`, else its file name's,
 * never the system clock.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONVENTION_CHANGES, conventionsOf, type ConventionName } from './conventions';
import { buildModel } from './model/build';
import { ruleById } from './rules/index';
import { eventsIssue, findingsOf, issue } from './rules/testing';
import { addDays, formatIsoDate, parseIsoDate } from './util/dates';

const event = (location: string) => `* 2026-01-20 | ${location} | [Group](https://example.com/g)\n    * [**Meetup**](https://example.com/g/1)`;
const SYDNEY = eventsIssue(`### Oceania\n${event('Sydney, AU')}`);

/** Per convention: the rule that reads it, an issue that breaks it (dated 2026-01-14), and on which side of the date it is reported. */
const CASES: Record<Exclude<ConventionName, 'wednesdayIssues'>, { rule: string; code: string; reported: 'from its date' | 'before its date' }> = {
  starBullets: { rule: 'render/bullet', code: issue('## Updates from Rust Community\n\n### Official\n\n- [A post](https://blog.rust-lang.org/a)\n'), reported: 'from its date' },
  regionOrder: { rule: 'events/region-heading', code: eventsIssue(`### Europe\n${event('Paris, FR')}\n\n### Asia\n${event('Seoul, KR')}`), reported: 'from its date' },
  h1OnlyForQuote: { rule: 'render/h1', code: issue('## Updates from Rust Community\n\n# Rust Jobs\n\n# Quote of the Week\n'), reported: 'from its date' },
  hybridForm: { rule: 'events/location', code: eventsIssue(`### Virtual\n${event('Virtual and In-Person (Vancouver, BC, CA)')}`), reported: 'from its date' },
  eventsRightUnderRegion: { rule: 'events/blank-lines', code: eventsIssue(`### Europe\n\n${event('Paris, FR')}`), reported: 'from its date' },
  cfpBoldNames: {
    rule: 'cfp/event-format',
    code: issue('## Call for Participation; projects and speakers\n\n### CFP - Events\n\n* [RustConf](https://example.com/cfp) | CFP closes 2025-06-01 | Montreal, Quebec, Canada | 2025-09-08\n'),
    reported: 'from its date',
  },
  optionalAuCaStates: { rule: 'events/location', code: SYDNEY, reported: 'before its date' },
};

const dated = (code: string, date: string) => code.replace('Date: 2026-01-14', `Date: ${date}`);
const dayBefore = (date: string) => formatIsoDate(addDays(parseIsoDate(date)!, -1));
const reported = (rule: string, code: string, fileName?: string) => findingsOf(ruleById(rule)!, code, fileName).length > 0;

describe('conventions on both sides of their date', () => {
  it('every convention has a case', () => {
    expect([...Object.keys(CASES), 'wednesdayIssues'].sort()).toEqual(Object.keys(CONVENTION_CHANGES).sort());
  });

  // The date is the convention's subject here: a Tuesday before it, a Thursday from it.
  it(`wednesdayIssues: header/metadata reports a day other than Wednesday from ${CONVENTION_CHANGES.wednesdayIssues.since}`, () => {
    const code = issue('## Updates from Rust Community\n');
    expect(reported('header/metadata', dated(code, '2020-06-09'))).toBe(false);
    expect(reported('header/metadata', dated(code, '2020-06-11'))).toBe(true);
  });

  for (const [name, { rule, code, reported: side }] of Object.entries(CASES)) {
    const change = CONVENTION_CHANGES[name as ConventionName];
    it(`${name}: ${rule} reports it ${side} ${change.since}`, () => {
      expect(reported(rule, dated(code, dayBefore(change.since))), `on ${dayBefore(change.since)}`).toBe(side === 'before its date');
      expect(reported(rule, dated(code, change.since)), `on ${change.since}`).toBe(side === 'from its date');
    });
  }
});

describe('the date an issue is judged by', () => {
  afterEach(() => vi.useRealTimers());
  const withoutDate = (code: string) => code.replace(/^Date: .*\n/m, '');

  it('is its Date:, even when the file name says otherwise', () => {
    expect(formatIsoDate(conventionsOf(buildModel(dated(SYDNEY, '2025-11-19'), { fileName: '2026-01-14-this-week-in-rust.md' })).date!)).toBe('2025-11-19');
    expect(reported('events/location', dated(SYDNEY, '2025-11-19'), '2026-01-14-this-week-in-rust.md')).toBe(true);
    expect(reported('events/location', SYDNEY, '2025-11-19-this-week-in-rust.md')).toBe(false);
  });

  it("is the file name's date when there is no Date:", () => {
    expect(reported('events/location', withoutDate(SYDNEY), '2025-11-19-this-week-in-rust.md')).toBe(true);
    expect(reported('events/location', withoutDate(SYDNEY), '2026-01-14-this-week-in-rust.md')).toBe(false);
  });

  it('is never the system clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2014-06-01T12:00:00Z'));
    expect(reported('events/location', SYDNEY)).toBe(false);
    expect(reported('events/location', withoutDate(SYDNEY), '2025-11-19-this-week-in-rust.md')).toBe(true);
    // With neither date, today's conventions hold, whatever the clock says: `-` bullets are reported.
    expect(conventionsOf(buildModel(withoutDate(CASES.starBullets.code))).date).toBeUndefined();
    expect(reported('render/bullet', withoutDate(CASES.starBullets.code))).toBe(true);
    vi.setSystemTime(new Date('2025-11-19T12:00:00Z'));
    expect(reported('events/location', SYDNEY)).toBe(false);
  });
});
