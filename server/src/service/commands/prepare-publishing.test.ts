import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../test/unit/fixtures';
import { fixAllEdits } from '../actions';
import { lint } from '../lint';
import { buildModel } from '../model/build';
import { applyEdits } from '../rules/fixes';
import { preparePublishing } from './prepare-publishing';

const NONE_SENTENCE = /^\*No .*this week\.\*$/gm;

describe('Prepare for Publishing', () => {
  const { text, fileName } = readFixture('draft/2026-08-26-this-week-in-rust.md');
  const model = buildModel(text, { fileName, folder: 'draft' });
  const lintOf = (next: typeof model) => lint(next).diagnostics;

  it('does every publishing task a fix can do, and names what is left for a person', () => {
    const prepared = preparePublishing(model, lintOf);
    expect(prepared.done).toEqual(['remove 16 events outside the window', expect.stringMatching(/^write the "none this week" sentence in \d+ empty sections$/)]);
    const after = applyEdits(text, model.lines, prepared.edits);
    const remaining = lint(buildModel(after, { fileName, folder: 'draft' })).diagnostics.map((diagnostic) => diagnostic.rule);
    expect(remaining).not.toContain('events/out-of-window');
    expect(remaining).not.toContain('section/empty');
    expect((after.match(NONE_SENTENCE) ?? []).length).toBeGreaterThan((text.match(NONE_SENTENCE) ?? []).length);
    expect(prepared.left).toEqual(
      expect.arrayContaining(['Placeholders left: Placeholder `INSERT_LINK_HERE` left in the issue: put the real link here.', 'Still missing: No crate of the week yet', 'Empty sections: Updates from the Rust Project › Rust Compiler Performance Triage']),
    );
    // The r/rust link is filled in after publishing: not left as a blocker.
    expect(prepared.left.some((item) => item.includes('REDDIT_LINK_HERE'))).toBe(false);
  });

  it('while fix-all on the same draft removes the events and writes no sentence', () => {
    const after = applyEdits(text, model.lines, fixAllEdits(lint(model).diagnostics));
    expect((after.match(NONE_SENTENCE) ?? []).length).toBe((text.match(NONE_SENTENCE) ?? []).length);
    expect(lint(buildModel(after, { fileName, folder: 'draft' })).diagnostics.filter((diagnostic) => diagnostic.rule === 'events/out-of-window').length).toBeLessThan(16);
  });
});
