import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/service/model/build';
import { allFixtures, readFixture } from './fixtures';

function model(name: string) {
  const { fileName, text } = readFixture(name);
  return buildModel(text, { fileName });
}

/** Event counts per region, counted independently of the model (awk over the `* YYYY` lines). */
const EVENT_COUNTS: Record<string, Record<string, number>> = {
  'seeds/2024-01-24-this-week-in-rust.md': { Virtual: 20, Europe: 13, 'North America': 10, Oceania: 1 },
  'seeds/2026-01-14-this-week-in-rust.md': { Virtual: 19, Asia: 3, Europe: 11, 'North America': 19 },
  'published/2022-03-02-this-week-in-rust.md': { Virtual: 20, Europe: 1, 'North America': 2 },
  'published/2022-07-20-this-week-in-rust.md': { Virtual: 21, Europe: 6, 'North America': 6, Oceania: 1 },
  'published/2023-06-14-this-week-in-rust.md': { Virtual: 18, Asia: 1, Europe: 12, 'North America': 10 },
  'published/2023-06-28-this-week-in-rust.md': { Virtual: 14, Asia: 1, Europe: 10, 'North America': 11, Oceania: 2, 'South America': 1 },
  'published/2024-11-20-this-week-in-rust.md': { Virtual: 18, Africa: 2, Asia: 3, Europe: 23, 'North America': 11, Oceania: 2 },
  'published/2025-07-30-this-week-in-rust.md': { Virtual: 19, Europe: 11, 'North America': 18, Oceania: 3, 'South America': 1 },
  'published/2025-09-10-this-week-in-rust.md': { Virtual: 11, Asia: 4, Europe: 15, 'North America': 13, 'Oceania:': 1 },
  'published/2026-08-19-this-week-in-rust.md': { Virtual: 22, Africa: 1, Asia: 4, Europe: 9, 'North America': 17, Oceania: 2 },
  'draft/2026-08-26-this-week-in-rust.md': { Virtual: 22, Africa: 1, Asia: 4, Europe: 9, 'North America': 17, Oceania: 2 },
};

describe('issue model on the fixtures', () => {
  for (const fixture of allFixtures()) {
    it(`builds ${fixture.name} with ranges inside the document`, () => {
      const built = buildModel(fixture.text, { fileName: fixture.fileName });
      const inside = (range: { start: { line: number }; end: { line: number } }) =>
        range.start.line >= 0 && range.end.line < built.lines.lineCount && range.start.line <= range.end.line;
      expect(built.links.every((link) => inside(link.range) && (!link.urlRange || inside(link.urlRange)))).toBe(true);
      expect(built.allSections.every((section) => inside(section.range))).toBe(true);
      expect(built.lineKinds).toHaveLength(built.lines.lineCount);
    });
  }

  for (const [name, counts] of Object.entries(EVENT_COUNTS)) {
    it(`counts the events of ${name} per region`, () => {
      const events = model(name).events!;
      expect(events.legacy).toBe(false);
      expect(Object.fromEntries(events.regions.map((region) => [region.name, region.events.length]))).toEqual(counts);
    });
  }

  it('reads the metadata header with ranges', () => {
    const header = model('seeds/2026-01-14-this-week-in-rust.md').header!;
    expect(header.issueNumber).toBe(634);
    expect(header.issueDate).toMatchObject({ year: 2026, month: 1, day: 14 });
    expect(header.title?.value).toBe('This Week in Rust 634');
    expect(header.category?.value).toBe('This Week in Rust');
    expect(header.date?.valueRange).toEqual({ start: { line: 2, character: 6 }, end: { line: 2, character: 16 } });
    // 2014: no Number, a time after the date.
    const old = model('published/2014-03-12-this-week-in-rust.markdown').header!;
    expect(old.issueNumber).toBe(40);
    expect(old.issueDate).toMatchObject({ year: 2014, month: 3, day: 11 });
  });

  it('builds the section tree with kinds, linked headings and the H1 after H2s', () => {
    const built = model('seeds/2026-01-14-this-week-in-rust.md');
    expect(built.sections.map((section) => `${section.heading.level} ${section.heading.text} (${section.kind})`)).toEqual([
      '2 Updates from Rust Community (community)',
      '2 Crate of the Week (crate-of-the-week)',
      '2 Calls for Testing (calls-for-testing)',
      '2 Call for Participation; projects and speakers (cfp)',
      '2 Updates from the Rust Project (project-updates)',
      '2 Upcoming Events (events)',
      '2 Jobs (jobs)',
      '1 Quote of the Week (quote)',
    ]);
    const testing = built.sections[2];
    expect(testing.children.map((child) => [child.heading.text, child.heading.url, child.kind])).toEqual([
      ['RFCs', 'https://github.com/rust-lang/rfcs/issues?q=label%3Acall-for-testing', 'cft-repo'],
      ['Rust', 'https://github.com/rust-lang/rust/labels/call-for-testing', 'cft-repo'],
      ['Rustup', 'https://github.com/rust-lang/rustup/labels/call-for-testing', 'cft-repo'],
    ]);
    const community = built.sections[0];
    expect(community.children.map((child) => child.kind)).toEqual(Array(8).fill('community-category'));
    const tooling = community.children.find((child) => child.heading.text === 'Project/Tooling Updates')!;
    expect(tooling.entries.map((entry) => [entry.kind, entry.links[0].url])).toEqual([
      ['community-link', 'https://lwn.net/SubscriberLink/1053142/8ec93e58d5d3cc06/'],
    ]);
  });

  it('treats HTML comments as comments, and records the one left unclosed', () => {
    const built = model('seeds/2024-01-24-this-week-in-rust.md');
    const unclosed = built.comments.filter((comment) => !comment.closed);
    expect(unclosed.map((comment) => comment.startLine + 1)).toEqual([121]);
    // The heading swallowed by that comment is no section; the template's example lines are no entries.
    expect(built.allSections.some((section) => section.heading.text === 'Unsafe Code Guidelines')).toBe(false);
    expect(built.lineKinds[122]).toBe('comment');
    const seed = model('seeds/2026-01-14-this-week-in-rust.md');
    expect(seed.entries.some((entry) => entry.links.some((link) => link.url === 'https://example.com/my_article'))).toBe(false);
  });

  it('parses event lines into fields with ranges', () => {
    const built = model('seeds/2026-01-14-this-week-in-rust.md');
    const [first] = built.events!.regions[0].events;
    const event = first.event!;
    expect(event.date?.text).toBe('2026-01-07');
    expect(event.date?.start).toMatchObject({ year: 2026, month: 1, day: 7 });
    expect(event.location).toMatchObject({ kind: 'virtual', city: 'Girona', country: 'ES' });
    const line = built.lines.lineText(first.line);
    expect(line.slice(event.location!.countryRange!.start.character, event.location!.countryRange!.end.character)).toBe('ES');
    expect(event.groups.map((link) => [link.text, link.url])).toEqual([['Rust Girona', 'https://lu.ma/rust-girona']]);
    expect(event.titles.map((link) => link.text)).toEqual(['Sessi贸 setmanal de codificaci贸 / Weekly coding session']);
    expect(built.events!.window).toMatchObject({ start: { dayNumber: expect.any(Number) }, end: { day: 11 } });
  });

  it('keeps every title line of a multi-day event in one entry', () => {
    const built = model('seeds/2024-01-24-this-week-in-rust.md');
    const calgary = built.events!.regions.find((region) => region.name === 'North America')!.events.find((entry) => entry.event!.date!.text === '2024-01-27-28')!;
    expect(calgary.lines).toHaveLength(3);
    expect(calgary.event!.date!.start).toBeUndefined();
    expect(calgary.event!.titles).toHaveLength(2);
  });

  it('marks issues before the two-line event format as legacy', () => {
    for (const name of ['published/2015-03-09-this-week-in-rust.md', 'published/2018-06-12-this-week-in-rust.md', 'published/2020-06-10-this-week-in-rust.md', 'published/2021-11-24-this-week-in-rust.md']) {
      expect(model(name).events?.legacy, name).toBe(true);
    }
    expect(model('draft/DRAFT_TEMPLATE').isTemplate).toBe(true);
  });

  it('resolves reference links against definitions anywhere in the issue', () => {
    const built = model('seeds/2026-01-14-this-week-in-rust.md');
    const calendar = built.links.find((link) => link.kind === 'reference' && link.label === 'calendar')!;
    expect(calendar.url).toMatch(/^https:\/\/www\.google\.com\/calendar/);
    expect(calendar.definition?.line).toBeGreaterThan(calendar.line);
  });

  it('keeps positions right with a BOM and CRLF line endings', () => {
    const { text, fileName } = readFixture('seeds/2026-01-14-this-week-in-rust.md');
    const plain = buildModel(text, { fileName });
    const crlf = buildModel(`\uFEFF${text.replace(/\n/g, '\r\n')}`, { fileName });
    expect(crlf.bom).toBe(true);
    expect(crlf.eol).toBe('\r\n');
    expect(crlf.header?.issueNumber).toBe(634);
    const strip = (links: typeof plain.links) => links.map((link) => [link.url, link.line, link.range.end.character - link.range.start.character]);
    expect(strip(crlf.links)).toEqual(strip(plain.links));
    expect(crlf.events!.regions.map((region) => region.events.length)).toEqual(plain.events!.regions.map((region) => region.events.length));
  });
});
