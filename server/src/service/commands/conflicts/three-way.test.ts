import { describe, expect, it } from 'vitest';
import { DRAFT, PREVIOUS, entriesOf, gitMergeFile, withEntries } from '../../../../../test/unit/conflict-sides';
import { mergeIssue } from './three-way';

const OBSERVATIONS = entriesOf(PREVIOUS.text, 'Observations/Thoughts');
const crate = (name: string) => DRAFT.text.replace('<!-- COTW goes here -->', `This week's crate is [${name}](https://crates.io/crates/${name}).`);
const quote = (text: string, base = DRAFT.text) => base.replace(/(# Quote of the Week\n)/, `$1\n> ${text}\n`);

/** Edits of the draft whose conflicts are outside the list sections: the driver must write what `git merge-file` writes. */
const OUTSIDE_LISTS: [string, string, string][] = [
  ['the crate of the week, chosen twice', crate('foo'), crate('bar')],
  ['the quote, and the crate on one side only', quote('Ours is the quote.'), quote('Theirs is the quote.', crate('baz'))],
  ['the header date and the window line, on both sides', DRAFT.text.replace('Date: 2026-08-26', 'Date: 2026-08-27'), DRAFT.text.replace('Date: 2026-08-26', 'Date: 2026-09-02').replace('between 2026-08-26 - 2026-09-23', 'between 2026-09-02 - 2026-09-30')],
  ['changes that do not overlap', crate('foo'), quote('A quote.')],
  ['the same change on both sides', crate('foo'), crate('foo')],
];

describe('the three-way merge of the merge driver', () => {
  for (const [name, ours, theirs] of OUTSIDE_LISTS) {
    it(`outside the list sections, writes what git merge-file writes: ${name}`, () => {
      const git = gitMergeFile(DRAFT.text, ours, theirs);
      const merged = mergeIssue(DRAFT.text, ours, theirs, { fileName: DRAFT.fileName });
      expect(merged.text).toBe(git.text);
      expect(merged.conflicts).toBe(git.status);
    });
  }

  it('the same with CRLF line breaks and markers of another size', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const [base, ours, theirs] = [DRAFT.text, crate('foo'), crate('bar')].map(crlf);
    const git = gitMergeFile(base, ours, theirs, { markerSize: 10 });
    const merged = mergeIssue(base, ours, theirs, { markerSize: 10 });
    expect(merged.text).toBe(git.text);
    expect(merged.text).toContain('\r\n<<<<<<<<<< ours\r\n');
  });

  it('resolves the conflict in a list section and leaves the other as git does', () => {
    const ours = withEntries(crate('foo'), 'Observations/Thoughts', OBSERVATIONS.slice(0, 2));
    const theirs = withEntries(crate('bar'), 'Observations/Thoughts', OBSERVATIONS.slice(2, 4));
    const merged = mergeIssue(DRAFT.text, ours, theirs, { fileName: DRAFT.fileName });
    expect(merged.conflicts).toBe(1);
    expect(merged.resolutions.map((resolution) => resolution.resolved)).toEqual([true, false]);
    // What git writes, with the links of both sides in the category.
    const git = gitMergeFile(withEntries(DRAFT.text, 'Observations/Thoughts', OBSERVATIONS.slice(0, 4)), withEntries(crate('foo'), 'Observations/Thoughts', OBSERVATIONS.slice(0, 4)), withEntries(crate('bar'), 'Observations/Thoughts', OBSERVATIONS.slice(0, 4)));
    expect(merged.text).toBe(git.text);
  });

  it('merges cleanly two pull requests of links to one category', () => {
    const ours = withEntries(DRAFT.text, 'Observations/Thoughts', OBSERVATIONS.slice(0, 2));
    const theirs = withEntries(DRAFT.text, 'Observations/Thoughts', OBSERVATIONS.slice(2, 4));
    const merged = mergeIssue(DRAFT.text, ours, theirs, { fileName: DRAFT.fileName });
    expect(merged.conflicts).toBe(0);
    expect(merged.text).toBe(withEntries(DRAFT.text, 'Observations/Thoughts', OBSERVATIONS.slice(0, 4)));
  });
});

describe('the three-way merge on odd text', () => {
  it('a lone carriage return inside a line does not shift the resolution', () => {
    const base = DRAFT.text.replace('### Official', 'An odd\rline\n\n### Official');
    const ours = withEntries(base, 'Observations/Thoughts', OBSERVATIONS.slice(0, 1));
    const theirs = withEntries(base, 'Observations/Thoughts', OBSERVATIONS.slice(1, 2));
    const merged = mergeIssue(base, ours, theirs, { fileName: DRAFT.fileName });
    expect(merged.conflicts).toBe(0);
    expect(merged.text).toBe(withEntries(base, 'Observations/Thoughts', OBSERVATIONS.slice(0, 2)));
  });
});
