/**
 * Each convention that changed over time, on both sides of its date: the rule that reads it reports on
 * one side and not the other. The date an issue is judged by is its `Date:`, else its file name's,
 * never the system clock.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONVENTION_CHANGES, conventionsOf, type ConventionName } from './conventions';
import { buildModel } from './model/build';
import { ruleById } from './rules/index';
import { communityIssue, eventsIssue, findingsOf, issue } from './rules/testing';
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
  dashDateRanges: { rule: 'events/overview-format', code: eventsIssue('### Europe\n* 2026-01-20 & 2026-01-21 | Paris, FR | [Group](https://example.com/g)\n    * [**Conference**](https://example.com/g/1)'), reported: 'from its date' },
  sameDayOrder: { rule: 'events/order', code: eventsIssue(`### Europe\n${event('Paris, FR')}\n${event('Berlin, DE')}`), reported: 'from its date' },
  eventsLinterBlankLines: { rule: 'events/blank-lines', code: eventsIssue(`### Asia\n${event('Seoul, KR')}\n    \n### Europe\n${event('Paris, FR')}`), reported: 'from its date' },
  optionalAuStates: { rule: 'events/location', code: SYDNEY, reported: 'before its date' },
  optionalCaStates: { rule: 'events/location', code: eventsIssue(`### North America\n${event('Toronto, CA')}`), reported: 'before its date' },
  groupsJoinedByPlus: {
    rule: 'events/overview-format',
    code: eventsIssue('### Europe\n* 2026-01-20 | Paris, FR | [A](https://example.com/a) | [B](https://example.com/b)\n    * [**Meetup**](https://example.com/a/1)'),
    reported: 'from its date',
  },
  repoOrCrateWarned: { rule: 'links/repo-or-crate', code: communityIssue('* [A new crate](https://github.com/owner/crate)'), reported: 'from its date' },
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

describe('older forms of a convention, on both sides of its date', () => {
  const at = (date: string, code: string, rule: string) => findingsOf(ruleById(rule)!, dated(code, date)).map((finding) => finding.message);
  const before = (name: ConventionName) => dayBefore(CONVENTION_CHANGES[name].since);
  const since = (name: ConventionName) => CONVENTION_CHANGES[name].since;

  it.each(['Virtual + Portland, OR, US', 'Munich, DE + Virtual', 'Hybrid - Vancouver, BC, CA', 'Hybrid: Virtual and In-Person (Montreal, QC, CA)', 'Praha, CZ - Virtual + In-person', 'Virtual + In Person (Barcelona, ES)'])(
    'hybridForm: "%s" is the style of its time, reported from the date',
    (location) => {
      const code = eventsIssue(`### Europe\n${event(location)}`);
      expect(at(before('hybridForm'), code, 'events/location')).toEqual([]);
      expect(at(since('hybridForm'), code, 'events/location')).not.toEqual([]);
    },
  );

  it('dashDateRanges: `D & MM-DD` and `D, D` of 2022 are silent, a warning from the date; the same day twice is an error on both sides', () => {
    const range = (date: string) => eventsIssue(`### Europe\n* ${date} | Berlin, DE | [Group](https://example.com/g)\n    * [**Conference**](https://example.com/g/1)`);
    for (const written of ['2026-01-20 & 01-21', '2026-01-20, 2026-01-21', '2026-01-20 & 2026-01-21']) {
      expect(at(before('dashDateRanges'), range(written), 'events/overview-format')).toEqual([]);
      expect(at(since('dashDateRanges'), range(written), 'events/overview-format')).toHaveLength(1);
    }
    // Both dates written in full: the dates are right, the form is today's convention broken.
    expect(findingsOf(ruleById('events/overview-format')!, dated(range('2026-01-20, 2026-01-21'), since('dashDateRanges')))[0].certainty).toBe('convention');
    for (const date of [before('dashDateRanges'), since('dashDateRanges')]) {
      const twice = findingsOf(ruleById('events/overview-format')!, dated(range('2026-01-20 & 2026-01-20'), date));
      expect(twice.map((finding) => [finding.certainty, finding.message])).toEqual([[undefined, expect.stringContaining('The same day twice')]]);
    }
  });

  it('sameDayOrder: events of different dates out of order are reported on both sides', () => {
    const code = eventsIssue(`### Europe\n${event('Paris, FR').replace('2026-01-20', '2026-01-22')}\n${event('Berlin, DE')}`);
    expect(at(before('sameDayOrder'), code, 'events/order')).toHaveLength(1);
    expect(at(since('sameDayOrder'), code, 'events/order')).toHaveLength(1);
  });

  it('eventsLinterBlankLines: a region heading right under an event is reported from the date', () => {
    const code = eventsIssue(`### Asia\n${event('Seoul, KR')}\n### Europe\n${event('Paris, FR')}`);
    expect(at(before('eventsLinterBlankLines'), code, 'events/blank-lines')).toEqual([]);
    expect(at(since('eventsLinterBlankLines'), code, 'events/blank-lines')).toHaveLength(1);
  });
});

describe('the date an issue is judged by', () => {
  afterEach(() => vi.useRealTimers());
  const withoutDate = (code: string) => code.replace(/^Date: .*\n/m, '');

  it('is its Date:, even when the file name says otherwise', () => {
    expect(formatIsoDate(conventionsOf(buildModel(dated(SYDNEY, '2024-06-05'), { fileName: '2026-01-14-this-week-in-rust.md' })).date!)).toBe('2024-06-05');
    expect(reported('events/location', dated(SYDNEY, '2024-06-05'), '2026-01-14-this-week-in-rust.md')).toBe(true);
    expect(reported('events/location', SYDNEY, '2024-06-05-this-week-in-rust.md')).toBe(false);
  });

  it("is the file name's date when there is no Date:", () => {
    expect(reported('events/location', withoutDate(SYDNEY), '2024-06-05-this-week-in-rust.md')).toBe(true);
    expect(reported('events/location', withoutDate(SYDNEY), '2026-01-14-this-week-in-rust.md')).toBe(false);
  });

  it('is never the system clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2014-06-01T12:00:00Z'));
    expect(reported('events/location', SYDNEY)).toBe(false);
    expect(reported('events/location', withoutDate(SYDNEY), '2024-06-05-this-week-in-rust.md')).toBe(true);
    // With neither date, today's conventions hold, whatever the clock says: `-` bullets are reported.
    expect(conventionsOf(buildModel(withoutDate(CASES.starBullets.code))).date).toBeUndefined();
    expect(reported('render/bullet', withoutDate(CASES.starBullets.code))).toBe(true);
    vi.setSystemTime(new Date('2024-06-05T12:00:00Z'));
    expect(reported('events/location', SYDNEY)).toBe(false);
  });
});
