import { describe, expect, it } from 'vitest';
import { eventsLint } from '../../../../../test/oracle/events-lint';
import { readFixture, recentFixtures } from '../../../../../test/unit/fixtures';
import { lint } from '../../lint';
import { buildModel } from '../../model/build';
import type { IssueModel } from '../../model/types';
import { applyEdits } from '../../rules/fixes';
import { RULES } from '../../rules/index';
import { parseIsoDate, addDays } from '../../util/dates';
import { composeDraft, eventsListOf } from '../new-draft';
import { mergeEvents, type MergeResult } from './merge';
import { formatMergeReport } from './report';

/** A draft of 2026-09-02 (its window line agrees) with the given events section body. */
function draft(events: string, { date = '2026-09-02', window = '2026-09-02 - 2026-09-30', eol = '\n' } = {}): string {
  const lines = [
    'Title: This Week in Rust 640',
    'Number: 640',
    `Date: ${date}`,
    'Category: This Week in Rust',
    '',
    '## Upcoming Events',
    '',
    ...(window ? [`Rusty Events between ${window} 🦀`, ''] : []),
    ...events.split('\n'),
    '',
    'If you are running a Rust event please add it to the [calendar] to get',
    'it mentioned here.',
    '',
    '## Jobs',
    '',
    'Please see the latest [Who\'s Hiring thread on r/rust](https://www.reddit.com/r/rust/)',
    '',
  ];
  return lines.join(eol);
}

const FILE = '2026-09-02-this-week-in-rust.md';

function merge(text: string, batch: string, fileName = FILE): { model: IssueModel; result: MergeResult; after: string } {
  const model = buildModel(text, { fileName });
  const result = mergeEvents(model, batch);
  if ('error' in result) throw new Error(result.error);
  return { model, result, after: applyEdits(text, model.lines, result.edits) };
}

function mergeError(text: string, batch: string): string {
  const result = mergeEvents(buildModel(text, { fileName: FILE }), batch);
  if (!('error' in result)) throw new Error('the merge went through');
  return result.error;
}

const event = (date: string, place: string, group: string, title: string, id: string) =>
  `* ${date} | ${place} | [${group}](https://www.meetup.com/${id})\n    * [**${title}**](https://www.meetup.com/${id}/events/${date.replace(/-/g, '')}/)`;

const BERLIN = event('2026-09-03', 'Virtual (Berlin, DE)', 'Rust Berlin', 'Rust Hack and Learn', 'rust-berlin');
const PARIS = event('2026-09-08', 'Paris, FR', 'Rust Paris', 'Rust Paris Meetup', 'rust-paris');
const OSLO = event('2026-09-10', 'Oslo, NO', 'Rust Oslo', "Rust Hack'n'Learn", 'rust-oslo');
const SEATTLE = event('2026-09-17', 'Seattle, WA, US', 'Seattle Rust User Group', 'September Meetup', 'join-srug');

const BASE = ['### Virtual', BERLIN, '', '### Europe', PARIS, OSLO, '', '### North America', SEATTLE].join('\n');

describe('mergeEvents: inputs', () => {
  it('reads pasted lines with and without region headings, skipping and counting blank lines', () => {
    const batch = `### Europe:\n\n${event('2026-09-09', 'Zürich, CH', 'Rust Zürich', 'Talks', 'rust-zurich')}\n\n${event('2026-09-04', 'Virtual', 'Women in Rust', 'Lunch & Learn', 'women-in-rust')}\n`;
    const { result, after } = merge(draft(BASE), batch);
    expect(result.report.notes).toContain('2 blank lines of the batch skipped');
    expect(after).toContain(`${BERLIN}\n${event('2026-09-04', 'Virtual', 'Women in Rust', 'Lunch & Learn', 'women-in-rust')}\n\n### Europe`);
    expect(after).toContain(`${PARIS}\n${event('2026-09-09', 'Zürich, CH', 'Rust Zürich', 'Talks', 'rust-zurich')}\n${OSLO}`);
  });

  it('stops at a line that is no event, naming it, and changes nothing', () => {
    expect(mergeError(draft(BASE), `${PARIS}\nSee you there!\n`)).toMatch(/^Not event lines: line 3: "See you there!"/);
    expect(mergeError(draft(BASE), `* 2026-09-31 | Paris, FR | [Rust Paris](https://a.example)\n    * [**x**](https://a.example/1)`)).toBe('line 1: "2026-09-31" is not a date (YYYY-MM-DD).');
    expect(mergeError(draft(BASE), '\n\n')).toBe('The batch is empty.');
  });

  it('reads the JSON of TWiR\'s meetup script (no hybrid field) and of the events linter (hybrid twins)', () => {
    const record = (fields: Record<string, unknown>) => ({ name: 'Rust Night', location: 'Vancouver, BC, CA', date: '2026-09-16', url: 'https://www.meetup.com/vancouver-rust/events/1/', virtual: false, organizer_name: 'Vancouver Rust', organizer_url: 'https://www.meetup.com/vancouver-rust', ...fields });
    const twirScript = JSON.stringify({ 'North America': [record({})], Virtual: [record({ url: 'https://www.meetup.com/x/events/2/', virtual: true, location: 'London, GB', organizer_name: 'Women in Rust  ', organizer_url: 'https://www.meetup.com/women-in-rust' })] });
    const scripted = merge(draft(BASE), twirScript).after;
    expect(scripted).toContain('* 2026-09-16 | Vancouver, BC, CA | [Vancouver Rust](https://www.meetup.com/vancouver-rust)\n    * [**Rust Night**](https://www.meetup.com/vancouver-rust/events/1/)');
    // GB is written UK, as TWiR writes it.
    expect(scripted).toContain('* 2026-09-16 | Virtual (London, UK) | [Women in Rust](https://www.meetup.com/women-in-rust)');

    const hybrid = record({ hybrid: true });
    const linterCopy = JSON.stringify({ Virtual: [hybrid], 'North America': [hybrid] });
    const { result, after } = merge(draft(BASE), linterCopy);
    const listing = '* 2026-09-16 | Hybrid (Vancouver, BC, CA) | [Vancouver Rust](https://www.meetup.com/vancouver-rust)';
    expect(after.split(listing).length - 1).toBe(2);
    expect(result.report.notes).toContain('1 event listed twice in the batch (hybrid, under Virtual and a continent) read as one');
    expect(result.report.regions.map((region) => [region.region, region.added.length])).toEqual([['Virtual', 1], ['North America', 1]]);
  });

  it('names the record that is wrong, and changes nothing', () => {
    expect(mergeError(draft(BASE), '{"Europe": [')).toMatch(/^The batch is not valid JSON: /);
    expect(mergeError(draft(BASE), JSON.stringify({ Europe: [{ name: 'Rust Paris', location: 'Paris, FR', date: '2026-09-08', url: 'https://a.example/1', virtual: false, organizer_name: 'Rust Paris' }] }))).toBe(
      'Europe #1 (Rust Paris): "organizer_url" is missing.',
    );
    expect(mergeError(draft(BASE), JSON.stringify({ Antarctica: [] }))).toMatch(/^"Antarctica" is not a region/);
    expect(mergeError(draft(BASE), JSON.stringify({ Europe: [{ name: 'x', location: 'Paris, FR', date: '08/09/2026', url: 'https://a.example/1', virtual: false, organizer_name: 'x', organizer_url: 'https://a.example' }] }))).toBe(
      'Europe #1 (x): "date" must be a day as YYYY-MM-DD, not "08/09/2026".',
    );
  });
});

describe('mergeEvents: the merge', () => {
  it('replaces an event with the same event link (a trailing / aside): the rescheduled event moves to its date', () => {
    const moved = event('2026-09-12', 'Paris, FR', 'Rust Paris', 'Rust Paris Meetup (new date)', 'rust-paris').replace('/events/20260912/', '/events/20260908');
    const { result, after } = merge(draft(BASE), moved);
    expect(after).not.toContain(PARIS);
    expect(after).toContain(`${OSLO}\n${moved}\n\n### North America`);
    const europe = result.report.regions.find((region) => region.region === 'Europe')!;
    expect(europe.replaced).toHaveLength(1);
    expect(europe.replaced[0].before.draftLine).toBe(15);
  });

  it('keeps the events of the draft the batch does not mention, and merging twice changes nothing the second time', () => {
    const batch = [event('2026-09-05', 'Lyon, FR', 'Rust Lyon', 'Rust Lyon #3', 'rust-lyon'), PARIS].join('\n');
    const once = merge(draft(BASE), batch);
    for (const kept of [BERLIN, PARIS, OSLO, SEATTLE]) expect(once.after).toContain(kept);
    const twice = merge(once.after, batch);
    expect(twice.result.edits).toEqual([]);
    expect(twice.result.report.regions.find((region) => region.region === 'Europe')!.unchanged).toBe(2);
  });

  it('leaves out what is outside the window the window line declares, and says so', () => {
    const late = event('2026-10-01', 'Paris, FR', 'Rust Paris', 'October', 'rust-paris-2');
    const early = event('2026-09-01', 'Virtual', 'Rust DC', 'Rustful', 'rustdc');
    const range = event('2026-08-30', 'Berlin, DE', 'EuroRust', 'EuroRust', 'eurorust').replace('2026-08-30', '2026-08-30 - 2026-09-02');
    const { result, after } = merge(draft(BASE), [late, early, range].join('\n'));
    expect(result.report.leftOut.map((out) => [out.event.source, out.why])).toEqual([
      ['line 1', 'after the window 2026-09-02 - 2026-09-30'],
      ['line 3', 'before the window 2026-09-02 - 2026-09-30'],
    ]);
    expect(after).toContain(range);
    expect(after).not.toContain('October');
  });

  it('removes a draft event that the batch reschedules outside the window', () => {
    const { result, after } = merge(draft(BASE), event('2026-10-08', 'Paris, FR', 'Rust Paris', 'Rust Paris Meetup', 'rust-paris').replace('20261008', '20260908'));
    expect(after).not.toContain('Rust Paris Meetup');
    expect(result.report.regions.find((region) => region.region === 'Europe')!.removed[0].why).toBe('the batch dates it 2026-10-08, outside the window');
  });

  it('stops when the window line is missing or disagrees with the header date', () => {
    expect(mergeError(draft(BASE, { window: '' }), PARIS)).toMatch(/^The draft has no "Rusty Events between START - END" line/);
    expect(mergeError(draft(BASE, { window: '2026-09-09 - 2026-10-07' }), PARIS)).toBe(
      'The merge stops: the window line says 2026-09-09 - 2026-10-07, the header date 2026-09-02 - 2026-09-30. Correct the header or the window line first.',
    );
    expect(mergeError(draft(BASE, { date: '2026-09-03' }), PARIS)).toMatch(/^The merge stops: the header date 2026-09-03 is not a Wednesday/);
  });

  it('puts each event where its location says, whatever the batch says, and creates a region in its place', () => {
    const tokyo = event('2026-09-15', 'Tokyo, JP', 'Tokyo Rust', 'Rust.Tokyo', 'tokyo-rust');
    const sydney = event('2026-09-20', 'Sydney, NSW, AU', 'Rust Sydney', 'Rust Sydney', 'rust-sydney');
    const { result, after } = merge(draft(BASE), `### Europe\n${tokyo}\n### Virtual\n${sydney}`);
    expect(after).toContain(`${BERLIN}\n\n### Asia\n${tokyo}\n\n### Europe`);
    expect(after).toContain(`${SEATTLE}\n\n### Oceania\n${sydney}\n\nIf you are running`);
    expect(result.report.regions.filter((region) => region.created).map((region) => region.region)).toEqual(['Asia', 'Oceania']);
  });

  it('lists a hybrid event under Virtual and its continent, and replaces both listings together', () => {
    const hybrid = event('2026-09-16', 'Hybrid (Vancouver, BC, CA)', 'Vancouver Rust', 'Rust Night', 'vancouver-rust');
    const once = merge(draft(BASE), hybrid).after;
    expect(once.split(hybrid).length - 1).toBe(2);
    const renamed = hybrid.replace('Rust Night', 'Rust Night: Embassy');
    const { result, after } = merge(once, renamed);
    expect(after.split(renamed).length - 1).toBe(2);
    expect(after).not.toContain('[**Rust Night**]');
    expect(result.report.regions.map((region) => [region.region, region.replaced.length])).toEqual([['Virtual', 1], ['North America', 1]]);
  });

  it('reports the same group on the same day under another link as a possible duplicate, and keeps both', () => {
    const other = event('2026-09-08', 'Paris, FR', 'Rust Paris', 'Rust Paris Meetup', 'rust-paris').replace('/events/20260908/', '/events/999/');
    const { result, after } = merge(draft(BASE), other);
    expect(result.report.possibleDuplicates.map((pair) => pair.draft.draftLine)).toEqual([15]);
    expect(after).toContain(other);
    expect(after).toContain(PARIS);
  });

  it('writes incoming events in the issue\'s conventions and repairs mojibake', () => {
    const messy = '- 2026-9-9 | London, GB| [Rust London](https://www.meetup.com/rust-london-user-group/)\n  * [ZÃ¼rich talks](https://www.meetup.com/rust-london-user-group/events/1/)';
    const { after } = merge(draft(BASE), messy);
    expect(after).toContain('* 2026-09-09 | London, UK | [Rust London](https://www.meetup.com/rust-london-user-group/)\n    * [**Zürich talks**](https://www.meetup.com/rust-london-user-group/events/1/)');
  });

  it('places an event without a known country under the region the batch gives, and leaves out one with no location', () => {
    const saoPaulo = event('2026-09-12', 'São Paulo, SP', 'Rust-SP', 'Rust SP', 'rust-sp');
    const nowhere = '* 2026-09-12 | | [Rustikon](https://www.rustikon.dev/)\n    * [**Rustikon**](https://www.rustikon.dev/2026)';
    const { result, after } = merge(draft(BASE), `### South America\n${saoPaulo}\n${nowhere}`);
    expect(after).toContain(`### South America\n${saoPaulo}`);
    expect(result.report.leftOut.map((out) => out.why)).toEqual(['the event has no location']);
    expect(result.report.notes).toContain('line 2: "São Paulo, SP" names no country, listed under South America as the batch lists it');
  });

  it('leaves the draft\'s listing alone when the batch\'s version of it cannot be placed', () => {
    const placeless = PARIS.replace('Paris, FR', 'Paris, Île-de-France');
    const { result, after } = merge(draft(BASE), placeless);
    expect(after).toBe(draft(BASE));
    expect(result.report.leftOut.map((out) => out.why)).toEqual(['no region: "Paris, Île-de-France" names no country TWiR knows (write City, CC)']);
  });

  it('keeps CRLF line endings and every byte outside the merged events', () => {
    const text = draft(BASE, { eol: '\r\n' });
    const { after, result } = merge(text, event('2026-09-05', 'Lyon, FR', 'Rust Lyon', 'Rust Lyon #3', 'rust-lyon'));
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(result.edits).toHaveLength(1);
    expect(result.edits[0].newText).toBe(`${event('2026-09-05', 'Lyon, FR', 'Rust Lyon', 'Rust Lyon #3', 'rust-lyon').replace('\n', '\r\n')}\r\n`);
  });

  it('removes the heading of a region the batch empties', () => {
    const { after } = merge(draft(BASE), event('2026-10-01', 'Seattle, WA, US', 'Seattle Rust User Group', 'September Meetup', 'join-srug').replace('20261001', '20260917'));
    expect(after).not.toContain('### North America');
    expect(after).toContain(`${OSLO}\n\nIf you are running`);
  });

  it('merges into a draft that has no events yet, after the window line', () => {
    const { after } = merge(draft('<!-- Events list goes here -->'), PARIS);
    expect(after).toContain(`Rusty Events between 2026-09-02 - 2026-09-30 🦀\n\n### Europe\n${PARIS}\n\n<!-- Events list goes here -->`);
  });
});

/** An event of the draft with two talks, a regular and a student track, each its own link. */
const TALKS = [
  '* 2026-09-15 | Berlin, DE | [Rust Berlin](https://www.meetup.com/rust-berlin)',
  '    * [**Rust Talks**](https://www.meetup.com/rust-berlin/events/1/)',
  '    * [**Rust Talks: student track**](https://www.meetup.com/rust-berlin/events/2/)',
].join('\n');
const WITH_TALKS = ['### Virtual', BERLIN, '', '### Europe', PARIS, OSLO, TALKS, '', '### North America', SEATTLE].join('\n');

describe('mergeEvents: every title and every twin is kept', () => {
  it('replaces only the title an incoming event matches, in place, and says the event keeps the others', () => {
    const renamed = TALKS.split('\n')[0] + '\n    * [**Rust Talks: Embassy**](https://www.meetup.com/rust-berlin/events/1/)';
    const { result, after } = merge(draft(WITH_TALKS), renamed);
    expect(after).toContain(`${renamed}\n    * [**Rust Talks: student track**](https://www.meetup.com/rust-berlin/events/2/)\n\n### North America`);
    expect(after).not.toContain('[**Rust Talks**]');
    const europe = result.report.regions.find((region) => region.region === 'Europe')!;
    expect(europe.replaced.map((replaced) => replaced.kept)).toEqual([['Rust Talks: student track']]);
    expect(formatMergeReport(result.report, 'batch')).toContain('only the title it matches: the event keeps "Rust Talks: student track"');
    expect(merge(after, renamed).result.edits).toEqual([]);
  });

  it('moves a rescheduled title to its own event and leaves the other title with its event', () => {
    const moved = '* 2026-09-22 | Berlin, DE | [Rust Berlin](https://www.meetup.com/rust-berlin)\n    * [**Rust Talks**](https://www.meetup.com/rust-berlin/events/1/)';
    const { after } = merge(draft(WITH_TALKS), moved);
    expect(after).toContain(`${TALKS.split('\n')[0]}\n    * [**Rust Talks: student track**](https://www.meetup.com/rust-berlin/events/2/)\n${moved}\n\n### North America`);
  });

  it('reads the JSON records of a two-talk event (one per link) as that event: nothing changes', () => {
    const talk = (name: string, id: number) => ({ name, location: 'Berlin, DE', date: '2026-09-15', url: `https://www.meetup.com/rust-berlin/events/${id}/`, virtual: false, organizer_name: 'Rust Berlin', organizer_url: 'https://www.meetup.com/rust-berlin' });
    const { result } = merge(draft(WITH_TALKS), JSON.stringify({ Europe: [talk('Rust Talks', 1), talk('Rust Talks: student track', 2)] }));
    expect(result.edits).toEqual([]);
    expect(result.report.regions.find((region) => region.region === 'Europe')!.unchanged).toBe(2);
  });

  it('adds a virtual twin of one title beside the in-person event and removes nothing', () => {
    const twin = '* 2026-09-15 | Virtual (Berlin, DE) | [Rust Berlin](https://www.meetup.com/rust-berlin)\n    * [**Rust Talks**](https://www.meetup.com/rust-berlin/events/1/)';
    const { result, after } = merge(draft(WITH_TALKS), twin);
    expect(after).toContain(TALKS);
    expect(after).toContain(`${BERLIN}\n${twin}\n\n### Europe`);
    expect(result.report.regions.flatMap((region) => region.removed)).toEqual([]);
    // An in-person twin of the draft's only North America event leaves it and its region in place.
    const online = event('2026-09-17', 'Virtual', 'Seattle Rust User Group', 'September Meetup', 'join-srug');
    expect(merge(draft(BASE), online).after).toContain(`### North America\n${SEATTLE}`);
  });

  it('keeps a date range the draft lists under a continent when the batch dates the event\'s twin one day, and asks a person', () => {
    const hybrid = (date: string) => `* ${date} | Hybrid (Berlin, DE) | [EuroRust](https://eurorust.eu)\n    * [**EuroRust 2026**](https://eurorust.eu/2026/)`;
    const text = draft(['### Virtual', BERLIN, hybrid('2026-09-10'), '', '### Europe', PARIS, hybrid('2026-09-10 - 2026-09-12'), OSLO].join('\n'));
    const json = JSON.stringify(Object.fromEntries(['Virtual', 'Europe'].map((region) => [region, [{ name: 'EuroRust 2026', location: 'Berlin, DE', date: '2026-09-10', url: 'https://eurorust.eu/2026/', virtual: true, hybrid: true, organizer_name: 'EuroRust', organizer_url: 'https://eurorust.eu' }]])));
    const { result, after } = merge(text, json);
    expect(after).toBe(text);
    expect(result.report.twinsToDecide.map((twin) => [twin.event.source, twin.twin.draftLine])).toEqual([['Virtual #1 (EuroRust 2026)', 19]]);
    expect(formatMergeReport(result.report, 'batch')).toMatch(/Twin listings with other dates, all kept for you to decide \(1\):/);
  });

  it('places twin listings of the batch with different dates each in its region, and asks a person', () => {
    const hybrid = (date: string) => `* ${date} | Hybrid (Berlin, DE) | [EuroRust](https://eurorust.eu)\n    * [**EuroRust 2026**](https://eurorust.eu/2026/)`;
    const { result, after } = merge(draft(BASE), `### Virtual\n${hybrid('2026-09-10')}\n### Europe\n${hybrid('2026-09-10 - 2026-09-12')}`);
    expect(after).toContain(`${BERLIN}\n${hybrid('2026-09-10')}\n\n### Europe`);
    expect(after).toContain(`${PARIS}\n${hybrid('2026-09-10 - 2026-09-12')}\n${OSLO}`);
    expect(result.report.twinsToDecide.map((twin) => twin.why)).toEqual(['listed under Virtual on 2026-09-10 and under Europe on 2026-09-10 - 2026-09-12: both kept, a person decides']);
  });

  it('leaves out an event whose link shares one title line of the draft with another title', () => {
    const shared = '* 2026-09-15 | Berlin, DE | [Rust Berlin](https://www.meetup.com/rust-berlin)\n    * [**Rust Talks**](https://www.meetup.com/rust-berlin/events/1/) + [**Student track**](https://www.meetup.com/rust-berlin/events/2/)';
    const text = draft(['### Europe', PARIS, shared].join('\n'));
    const { result, after } = merge(text, shared.split('\n')[0] + '\n    * [**Rust Talks (new room)**](https://www.meetup.com/rust-berlin/events/1/)');
    expect(after).toBe(text);
    expect(result.report.leftOut.map((out) => out.why)).toEqual(['its link is one of several titles on line 14 of the draft: merge it by hand']);
  });
});

describe('mergeEvents: what a batch writes is Markdown that reads as it says', () => {
  const record = (fields: Record<string, unknown>) => ({ name: 'Rust Night', location: 'Lyon, FR', date: '2026-09-16', url: 'https://www.meetup.com/rust-lyon/events/1/', virtual: false, organizer_name: 'Rust Lyon', organizer_url: 'https://www.meetup.com/rust-lyon', ...fields });
  const json = (...records: Record<string, unknown>[]) => JSON.stringify({ Europe: records.map(record) });
  const findings = (text: string) => lint(buildModel(text, { fileName: FILE })).diagnostics.filter((diagnostic) => ['markdown/html', 'markdown/backticks', 'links/malformed', 'links/scheme', 'events/title-line', 'events/overview-format'].includes(diagnostic.rule));

  it('escapes raw HTML, bold markers and brackets in the names of a JSON batch', () => {
    const { after } = merge(draft(BASE), json({ name: 'Rust ** Night [2] <script>alert(1)</script>', organizer_name: 'Rust <img src=x onerror=alert(1)> Lyon' }));
    expect(after).toContain('* 2026-09-16 | Lyon, FR | [Rust &lt;img src=x onerror=alert(1)> Lyon](https://www.meetup.com/rust-lyon)');
    expect(after).toContain('    * [**Rust \\*\\* Night \\[2\\] &lt;script>alert(1)&lt;/script>**](https://www.meetup.com/rust-lyon/events/1/)');
    const merged = buildModel(after, { fileName: FILE }).events!.regions.find((region) => region.name === 'Europe')!.events.find((entry) => entry.line > 0 && entry.event?.date?.text === '2026-09-16')!;
    expect(merged.event!.titles.map((title) => title.text)).toEqual(['Rust ** Night [2] <script>alert(1)</script>']);
    expect(findings(after)).toEqual([]);
  });

  it('percent-encodes spaces, quotes and angle brackets in a URL of a JSON batch and names the event', () => {
    const { result, after } = merge(draft(BASE), json({ url: 'https://www.meetup.com/rust-lyon/events/1/ "title"', organizer_url: 'https://www.meetup.com/rust-lyon/<b>' }));
    expect(after).toContain('[Rust Lyon](https://www.meetup.com/rust-lyon/%3Cb%3E)\n    * [**Rust Night**](https://www.meetup.com/rust-lyon/events/1/%20%22title%22)');
    expect(result.report.notes).toEqual([
      'Europe #1 (Rust Night): "url" percent-encoded as https://www.meetup.com/rust-lyon/events/1/%20%22title%22',
      'Europe #1 (Rust Night): "organizer_url" percent-encoded as https://www.meetup.com/rust-lyon/%3Cb%3E',
    ]);
    expect(findings(after)).toEqual([]);
  });

  it('leaves out, naming it, an event with a URL that is not http(s), a bidirectional override, or Markdown in its location', () => {
    const { result, after } = merge(
      draft(BASE),
      json({ url: 'javascript:alert(1)' }, { name: 'Rust \u202Etxt.exe', url: 'https://www.meetup.com/rust-lyon/events/2/' }, { location: 'Lyon, FR | [x](https://evil.example)', url: 'https://www.meetup.com/rust-lyon/events/3/' }, { url: 'https://www.meetup.com/rust-lyon/events/4/' }),
    );
    expect(result.report.leftOut.map((out) => `${out.event.source}: ${out.why}`)).toEqual([
      'Europe #1 (Rust Night): "url" must be a web address (http or https), not "javascript:alert(1)"',
      'Europe #2 (Rust <U+202E>txt.exe): "name" holds a bidirectional-override character (U+202E)',
      'Europe #3 (Rust Night): "location" holds "|", which Markdown or the event line would read as syntax',
    ]);
    expect(after).toContain('https://www.meetup.com/rust-lyon/events/4/');
    for (const refused of ['javascript:', '\u202E', 'evil.example']) expect(after).not.toContain(refused);
    expect(formatMergeReport(result.report, 'batch')).not.toContain('\u202E');
  });

  it('leaves out pasted events with raw HTML, a link title, brackets or ** that change the line, or a bidirectional override', () => {
    const paris = (overview: string, title: string) => `* 2026-09-09 | Paris, FR | ${overview}\n    * ${title}`;
    const batch = [
      paris('[Rust <img src=x onerror=alert(1)>](https://www.meetup.com/rust-paris)', '[**Talks**](https://www.meetup.com/rust-paris/events/1/)'),
      paris('[Rust Paris](https://www.meetup.com/rust-paris)', '[**Talks**](https://www.meetup.com/rust-paris/events/2/ "title")'),
      paris('[Rust Paris](https://www.meetup.com/rust-paris)', '[**Rust ** Talks**](https://www.meetup.com/rust-paris/events/3/)'),
      paris('[Rust [Paris]](https://www.meetup.com/rust-paris)', '[**Talks**](https://www.meetup.com/rust-paris/events/4/)'),
      paris('[Rust Paris](https://www.meetup.com/rust-paris)', '[**Talks \u2066here**](https://www.meetup.com/rust-paris/events/5/)'),
      paris('[Rust Paris](https://www.meetup.com/rust-paris)', '[**Talks \\[6\\]**](https://www.meetup.com/rust-paris/events/6/)'),
      paris('[**Rust Paris**](https://www.meetup.com/rust-paris)', '[**Talks**](https://www.meetup.com/rust-paris/events/7/)'),
    ].join('\n');
    const { result, after } = merge(draft(BASE), batch);
    expect(result.report.leftOut.map((out) => `${out.event.source}: ${out.why}`)).toEqual([
      'line 1: it holds raw HTML ("<img…"): write the text without it',
      'line 9: it holds a bidirectional-override character (U+2066)',
      'line 3: its link [**Talks**](https://www.meetup.com/rust-paris/events/2/ "title") is not written [text](address): nothing may follow the address',
      'line 5: the link text "**Rust ** Talks**" holds **, which ends the bold early',
      'line 7: the link text "Rust [Paris]" holds [ or ], which change the line\'s structure (write \\[ \\])',
    ]);
    expect(after).toContain('    * [**Talks \\[6\\]**](https://www.meetup.com/rust-paris/events/6/)');
    // A group written bold as a whole (as a real draft of 2026-04-15 has it) is no structure change.
    expect(after).toContain('* 2026-09-09 | Paris, FR | [**Rust Paris**](https://www.meetup.com/rust-paris)\n    * [**Talks**](https://www.meetup.com/rust-paris/events/7/)');
    for (const refused of ['/events/1/', '/events/2/', '/events/3/', '/events/4/', '/events/5/']) expect(after).not.toContain(refused);
    expect(findings(after)).toEqual([]);
  });
});

/**
 * The week's chore on real issues: each issue of 2026 turned into next week's draft as New Issue
 * Draft does, and the following issue's events merged into it as a batch.
 */
describe('mergeEvents: a week of real events', () => {
  const template = readFixture('draft/DRAFT_TEMPLATE').text;
  const issues = recentFixtures();
  const onlyEventsRules = Object.fromEntries(RULES.filter((rule) => !rule.id.startsWith('events/')).map((rule) => [rule.id, 'off' as const]));
  const eventsFindings = (model: IssueModel) =>
    new Set(lint(model, { rules: onlyEventsRules }).diagnostics.filter((diagnostic) => diagnostic.rule.startsWith('events/')).map((diagnostic) => `${diagnostic.rule} ${model.lines.lineText(diagnostic.range.start.line).trim()}`));

  for (const [index, later] of issues.entries()) {
    // Every third week (all of them pass; the rest adds time, not cases).
    if (index % 3 !== 1 && index !== issues.length - 1) continue;
    it(`${issues[index - 1].fileName} → ${later.fileName}`, () => {
      const date = parseIsoDate(later.fileName.slice(0, 10))!;
      const text = composeDraft(template, issues[index - 1].text, 0, date);
      const batch = eventsListOf(later.text)!;
      const { model, result, after } = merge(text, batch, later.fileName);
      expect(result.report.incoming).toBeGreaterThan(20);

      // Only the events section changes.
      const events = model.events!.section;
      const [head, tail] = [model.lines.starts[events.heading.line], model.text.length - model.lines.starts[events.endLine]];
      expect(after.slice(0, head)).toBe(text.slice(0, head));
      expect(after.slice(after.length - tail)).toBe(text.slice(text.length - tail));

      // No events finding that the draft or the batch did not already carry.
      const merged = buildModel(after, { fileName: later.fileName });
      const carried = new Set([...eventsFindings(model), ...eventsFindings(buildModel(later.text, { fileName: later.fileName }))]);
      const fresh = [...eventsFindings(merged)].filter((finding) => !carried.has(finding) && !finding.startsWith('events/out-of-window') && !finding.startsWith('events/order'));
      expect(fresh).toEqual([]);
      // Nor a line the events team's linter rejects that it did not reject in the inputs.
      const rejected = (document: string) => new Set((eventsLint(document) ?? []).filter((rejection) => !['out-of-range', 'out-of-order'].includes(rejection.reason)).map((rejection) => `${rejection.reason} ${rejection.text.trim()}`));
      const rejectedBefore = new Set([...rejected(text), ...rejected(later.text)]);
      expect([...rejected(after)].filter((rejection) => !rejectedBefore.has(rejection))).toEqual([]);

      // Every in-window event of the batch is in the result; merging again changes nothing.
      const window = { start: date.dayNumber, end: addDays(date, 28).dayNumber };
      for (const region of buildModel(later.text, { fileName: later.fileName }).events!.regions) {
        for (const entry of region.events) {
          const start = entry.event?.date?.reading?.start?.dayNumber;
          const url = entry.event?.titles[0]?.url;
          if (start !== undefined && url && start >= window.start && start <= window.end && entry.event?.location?.country) expect(after).toContain(url);
        }
      }
      expect(merge(after, batch, later.fileName).result.edits).toEqual([]);
    });
  }
});
