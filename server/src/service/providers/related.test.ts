import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../model/build';
import { comparableUrl } from '../util/urls';
import { hover } from './hover';
import { knownEvents } from './known';
import { relatedIssue } from './related';

const FIXTURES = resolve(__dirname, '../../../../test/fixtures');
const read = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8');
/** Mojibake (the seeds), a group name whose emoji were lost (seed 2026-01-14) or written whole (2026-01-07), hybrid events, the largest issue. */
const ISSUES = ['seeds/2024-01-24', 'seeds/2026-01-14', 'recent/2026-01-07', 'recent/2026-08-19', 'published/2024-11-20', 'draft/2026-08-26'].map((name) => `${name}-this-week-in-rust.md`);
/** An issue with no events: what it knows of events comes from the issues beside it. */
const NO_EVENTS = buildModel('Title: This Week in Rust 700\nNumber: 700\nDate: 2027-04-07\nCategory: This Week in Rust\n\nHello.\n');

describe('the digest of an issue beside the file', () => {
  it.each(ISSUES)('gives completions the groups and places the model of %s gives', (name) => {
    const model = buildModel(read(name));
    expect(knownEvents(NO_EVENTS, [relatedIssue(name, model)])).toEqual(knownEvents(model, []));
  });

  it('gives hovers the recent issues that have a link to the same place, as their models say', () => {
    const draft = buildModel(read('draft/2026-08-26-this-week-in-rust.md'));
    const neighbours = ['recent/2026-08-19-this-week-in-rust.md', 'recent/2026-08-12-this-week-in-rust.md'].map((name) => ({ name, model: buildModel(read(name)) }));
    const related = neighbours.map(({ name, model }) => relatedIssue(name, model));
    let found = 0;
    for (const link of draft.links.filter((candidate) => /^https?:/.test(candidate.url))) {
      const markdown = hover(draft, { line: link.line, character: link.range.start.character + 1 }, [], related)?.markdown ?? '';
      const expected = neighbours.filter(({ model }) => model.links.some((other) => other.url && comparableUrl(other.url) === comparableUrl(link.url))).map(({ name }) => name);
      const said = /Also in \d+ recent issues?: (.*)/.exec(markdown)?.[1];
      expect(said?.split(', ') ?? []).toEqual(expected);
      if (expected.length > 0) found++;
    }
    expect(found).toBeGreaterThan(5);
  });
});
