import { describe, expect, it } from 'vitest';
import { DRAFT, PREVIOUS, editLines, entriesOf, gitMergeFile, withEntries } from '../../../../../test/unit/conflict-sides';
import { applyEdits } from '../../rules/fixes';
import { LineIndex } from '../../util/text';
import { resolveConflicts } from './resolve';

/** The text git leaves (diff3 markers unless asked otherwise), and what resolving every conflict makes of it. */
function resolveMerge(base: string, ours: string, theirs: string, diff3 = true) {
  const merged = gitMergeFile(base, ours, theirs, { diff3 });
  expect(merged.status, 'git leaves a conflict').toBeGreaterThan(0);
  const resolutions = resolveConflicts(merged.text, DRAFT.fileName);
  const text = applyEdits(merged.text, new LineIndex(merged.text), resolutions.flatMap((resolution) => (resolution.edit ? [resolution.edit] : [])));
  return { merged: merged.text, resolutions, text };
}

const OBSERVATIONS = entriesOf(PREVIOUS.text, 'Observations/Thoughts');
const event = (date: string, place: string, group: string, title: string, id: number) =>
  `* ${date} | ${place} | [${group}](https://www.meetup.com/${group.toLowerCase().replace(/ /g, '-')})\n    * [**${title}**](https://www.meetup.com/${group.toLowerCase().replace(/ /g, '-')}/events/${id}/)`;

describe('resolving conflicts by the sections\' rules, on conflicts rebuilt from the draft of 2026-08-26', () => {
  it('two pull requests adding links to one category: both sides\' links, ours first, with or without the base', () => {
    const ours = withEntries(DRAFT.text, 'Observations/Thoughts', OBSERVATIONS.slice(0, 3));
    const theirs = withEntries(DRAFT.text, 'Observations/Thoughts', OBSERVATIONS.slice(3, 6));
    for (const diff3 of [true, false]) {
      const { resolutions, text } = resolveMerge(DRAFT.text, ours, theirs, diff3);
      expect(resolutions.map((resolution) => resolution.summary)).toEqual(['resolved: 6 entries kept (3 from ours, 3 from theirs)']);
      expect(resolutions[0].section).toBe('Updates from Rust Community / Observations/Thoughts');
      expect(text).toBe(withEntries(DRAFT.text, 'Observations/Thoughts', OBSERVATIONS.slice(0, 6)));
    }
  });

  it('a link both sides added is kept once, where the other side had put it', () => {
    const shared = OBSERVATIONS[0];
    const ours = withEntries(DRAFT.text, 'Observations/Thoughts', [shared, OBSERVATIONS[1]]);
    const theirs = withEntries(DRAFT.text, 'Observations/Thoughts', [OBSERVATIONS[2], shared]);
    const { text, resolutions } = resolveMerge(DRAFT.text, ours, theirs);
    expect(resolutions[0].summary).toBe('resolved: 3 entries kept (1 on both sides, 1 from ours, 1 from theirs)');
    expect(text).toBe(withEntries(DRAFT.text, 'Observations/Thoughts', [OBSERVATIONS[2], shared, OBSERVATIONS[1]]));
  });

  it('a link one side retitled and the other kept: the new title, from the base', () => {
    const base = withEntries(DRAFT.text, 'Observations/Thoughts', OBSERVATIONS.slice(0, 2));
    const ours = withEntries(base, 'Observations/Thoughts', [OBSERVATIONS[2]]);
    const theirs = editLines(withEntries(base, 'Observations/Thoughts', [OBSERVATIONS[3]]), 'rolandsdev', (line) => line.replace('From Go to Rust', 'From Go to Rust, a year on'));
    const { text, resolutions } = resolveMerge(base, ours, theirs);
    expect(resolutions.every((resolution) => resolution.resolved)).toBe(true);
    expect(text).toContain('[From Go to Rust, a year on](https://rolandsdev.blog/posts/from-go-to-rust/)');
    expect(text).not.toContain('[From Go to Rust](');
    expect(text).toContain(OBSERVATIONS[2]);
    expect(text).toContain(OBSERVATIONS[3]);
  });

  it('events: removed stale ones stay removed, added ones go to their date, a renamed one is taken as renamed', () => {
    // Ours: the week's clean-up, the events before the issue date go. Theirs: a batch adds two and renames one.
    const ours = editLines(editLines(DRAFT.text, 'rust-berlin/events/316151073', () => null), 'Rust Summer Party', () => null).replace(
      /\* 2026-08-20 \| Berlin, DE \| \[Rust Berlin\]\(https:\/\/www\.meetup\.com\/rust-berlin\)\n/,
      '',
    );
    expect(ours).not.toContain('Rust Summer Party');
    const added = [event('2026-08-24', 'Zürich, CH', 'Rust Zurich', 'Rust Zürich meetup', 1001), event('2026-08-21', 'Copenhagen, DK', 'Copenhagen Rust', 'Hack night', 1002)];
    const theirs = editLines(withEntries(DRAFT.text, 'Europe', [], 'bottom'), 'Rust Summer Party!', (line) => line.replace('Rust Summer Party!', 'Rust Summer Party! (moved indoors)')).replace(
      '* 2026-08-26 | Dresden, DE',
      `${added[0]}\n* 2026-08-26 | Dresden, DE`,
    ).replace('* 2026-08-21 | Edinburgh, UK', `${added[1]}\n* 2026-08-21 | Edinburgh, UK`);
    const { text, resolutions, merged } = resolveMerge(DRAFT.text, ours, theirs);
    expect(merged).toContain('<<<<<<<');
    // Ours removed the party, theirs renamed it: a person decides.
    expect(resolutions.some((resolution) => !resolution.resolved && resolution.summary.includes('ours removed "Rust Summer Party! (moved indoors)", which theirs changed'))).toBe(true);
    expect(text).toContain(added[0]);
    expect(text).toContain(added[1]);
  });

  it('events of two batches in one region: each once, in date order', () => {
    const ours = withEntries(DRAFT.text, 'Europe', [event('2026-09-16', 'Prague, CZ', 'Rust Prague', 'Rust Prague #12', 2001), event('2026-09-20', 'Oslo, NO', 'Rust Oslo', 'Oslo Rust', 2002)]);
    const theirs = withEntries(DRAFT.text, 'Europe', [event('2026-09-15', 'Amsterdam, NL', 'Rust Nederland', 'Rust NL', 2003), event('2026-09-20', 'Oslo, NO', 'Rust Oslo', 'Oslo Rust', 2002)]);
    const { text, resolutions } = resolveMerge(DRAFT.text, ours, theirs);
    expect(resolutions.map((resolution) => resolution.summary)).toEqual(['resolved: 3 entries kept (1 on both sides, 1 from ours, 1 from theirs)']);
    const europe = text.slice(text.indexOf('### Europe'), text.indexOf('### North America'));
    const dates = [...europe.matchAll(/^\* (\S+) \| (\S+)/gm)].map((match) => `${match[1]} ${match[2]}`);
    expect(dates.slice(-4)).toEqual(['2026-09-15 Amsterdam,', '2026-09-15 Leipzig,', '2026-09-16 Prague,', '2026-09-20 Oslo,']);
    expect(europe.match(/Oslo Rust/g)).toHaveLength(1);
  });

  it('a region one side removed, whose event the other removed too: the heading stays removed', () => {
    const johannesburg = /\* 2026-09-08 \| Johannesburg[^\n]*\n[^\n]*\n/;
    const ours = DRAFT.text.replace(new RegExp(`\n### Africa\n${johannesburg.source}`), '\n');
    const theirs = DRAFT.text.replace(johannesburg, '');
    const { text, resolutions } = resolveMerge(DRAFT.text, ours, theirs);
    expect(resolutions.map((resolution) => resolution.resolved)).toEqual([true]);
    expect(text).toBe(ours);
  });

  it('leaves an event added to a region whose heading the other side removed', () => {
    const ours = DRAFT.text.replace(/\n### Africa\n\* 2026-09-08 \| Johannesburg[^\n]*\n[^\n]*\n/, '\n');
    const theirs = withEntries(DRAFT.text, 'Africa', [event('2026-09-09', 'Lagos, NG', 'Rust Lagos', 'Rust Lagos', 3001)], 'top');
    const { resolutions } = resolveMerge(DRAFT.text, ours, theirs);
    expect(resolutions.map((resolution) => resolution.summary)).toEqual(['left for a person: "Rust Lagos" of theirs is in Upcoming Events / Africa, whose heading the other side removed']);
  });

  it('leaves a conflict where both sides changed one entry differently, and says which', () => {
    const base = withEntries(DRAFT.text, 'Observations/Thoughts', OBSERVATIONS.slice(0, 1));
    const ours = base.replace('[From Go to Rust]', '[From Go to Rust (part 1)]');
    const theirs = base.replace('[From Go to Rust]', '[From Go, to Rust]');
    const { text, resolutions, merged } = resolveMerge(base, ours, theirs);
    expect(resolutions.map((resolution) => resolution.summary)).toEqual(['left for a person: both sides changed "From Go to Rust (part 1)" differently']);
    expect(text).toBe(merged);
    const plain = resolveMerge(base, ours, theirs, false);
    expect(plain.resolutions[0].summary).toMatch(/markers carry no base.*merge\.conflictStyle diff3/);
  });

  it('leaves a conflict outside the list sections (the crate of the week), and says why', () => {
    const ours = DRAFT.text.replace('<!-- COTW goes here -->', 'This week\'s crate is [foo](https://crates.io/crates/foo).');
    const theirs = DRAFT.text.replace('<!-- COTW goes here -->', 'This week\'s crate is [bar](https://crates.io/crates/bar).');
    const { resolutions } = resolveMerge(DRAFT.text, ours, theirs);
    expect(resolutions).toHaveLength(1);
    expect(resolutions[0].resolved).toBe(false);
    expect(resolutions[0].summary).toMatch(/^left for a person: the conflict spans text that is not a list entry/);
  });

  it('keeps CRLF line breaks', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const ours = withEntries(DRAFT.text, 'Official', OBSERVATIONS.slice(0, 1));
    const theirs = withEntries(DRAFT.text, 'Official', OBSERVATIONS.slice(1, 2));
    const { text } = resolveMerge(crlf(DRAFT.text), crlf(ours), crlf(theirs));
    expect(text).toBe(crlf(withEntries(DRAFT.text, 'Official', OBSERVATIONS.slice(0, 2))));
  });
});
