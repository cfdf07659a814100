import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../test/unit/fixtures';
import { lint } from '../lint';
import { buildModel } from '../model/build';
import { publishReadiness } from './readiness';

function readinessOf(text: string, fileName = '2026-08-26-this-week-in-rust.md', folder = 'draft') {
  const model = buildModel(text, { fileName, folder });
  return publishReadiness(model, lint(model, { rules: {}, recentIssues: [] }).diagnostics);
}

describe('publish readiness', () => {
  const draft = readFixture('draft/2026-08-26-this-week-in-rust.md').text;
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle));

  it('lists what stands between a draft and publication, by group, each item at its line', () => {
    const readiness = readinessOf(draft);
    expect(readiness.ready).toBe(false);
    const byGroup = (group: string) => readiness.items.filter((item) => item.group[0] === group);
    // The groups in the order a view lists them.
    expect([...new Set(readiness.items.map((item) => item.group[0]))]).toEqual(['Placeholders left', 'Still missing', 'Empty sections', 'Events outside the window']);
    // The r/rust link can only be filled in once the issue is out: it does not block publishing.
    expect(byGroup('Placeholders left').map((item) => [item.line, item.detail, item.severity])).toEqual([
      [lineOf(draft, '(INSERT_LINK_HERE)'), 'Jobs', 'error'],
      [lineOf(draft, '(REDDIT_LINK_HERE)'), 'Quote of the Week', 'info'],
    ]);
    expect(byGroup('Still missing').map((item) => [item.label, item.line])).toEqual([
      ['No crate of the week yet', lineOf(draft, '## Crate of the Week')],
      ['No quote of the week yet', lineOf(draft, '# Quote of the Week')],
    ]);
    // Every section publishing would show empty: those with a "none" sentence, and the others.
    expect(byGroup('Empty sections').map((item) => [item.label, item.severity])).toEqual([
      ...['Official', 'Foundation', 'Newsletters', 'Project/Tooling Updates', 'Observations/Thoughts', 'Rust Walkthroughs', 'Research', 'Miscellaneous'].map((name) => [`Updates from Rust Community › ${name}`, 'error']),
      ['Calls for Testing', 'error'],
      ['Call for Participation; projects and speakers › CFP - Projects', 'error'],
      ['Call for Participation; projects and speakers › CFP - Events', 'error'],
      ['Updates from the Rust Project', 'error'],
      ['Updates from the Rust Project › Rust Compiler Performance Triage', 'error'],
      ['Updates from the Rust Project › Approved RFCs', 'error'],
      ['Updates from the Rust Project › Final Comment Period › Tracking Issues & PRs', 'error'],
      ['Updates from the Rust Project › Final Comment Period › New and Updated RFCs', 'error'],
    ]);
    // 16 of the draft's events are from the week before its window.
    const outside = byGroup('Events outside the window');
    expect(outside).toHaveLength(16);
    expect(outside[0]).toMatchObject({ label: '2026-08-19 · Vancouver Rust', detail: 'Upcoming Events › Virtual', line: lineOf(draft, '* 2026-08-19 | Hybrid (Vancouver, CA)'), severity: 'error' });
    // Counted as Problems shows the draft: its publishing tasks are information while it is in draft/.
    expect(readiness.summary).toBe('TWiR 666 · 24 infos');
    expect(readiness.summary).toBe(`TWiR 666 · ${lint(buildModel(draft, { fileName: '2026-08-26-this-week-in-rust.md', folder: 'draft' })).diagnostics.filter((diagnostic) => diagnostic.severity === 'info').length} infos`);
  });

  it('lists the other errors and warnings under their section', () => {
    const text = draft.replace('## Jobs\n', '## Jobs\n\n## Jobs\n');
    const problems = readinessOf(text).items.filter((item) => item.kind === 'problem');
    expect(problems).toEqual([
      { kind: 'problem', group: ['Errors and warnings', 'Jobs'], line: lineOf(text, '## Jobs') + 2, label: expect.stringContaining('Jobs'), detail: 'section/duplicate-heading', severity: 'warning' },
    ]);
  });

  it('is ready when no error and no placeholder is left', () => {
    const published = readFixture('recent/2026-01-21-this-week-in-rust.md');
    const readiness = readinessOf(published.text, published.fileName, 'content');
    expect(readiness.items.filter((item) => item.severity === 'error')).toEqual([]);
    expect(readiness.ready).toBe(true);
    expect(readiness.summary).toBe('TWiR 635 · 1 warning · ready to publish');
  });

  it('counts a published issue\'s REDDIT_LINK_HERE as Problems does: a warning, a reminder, no blocker', () => {
    const published = readFixture('recent/2026-01-21-this-week-in-rust.md');
    const text = `${published.text}\n<small>[Discuss on r/rust](REDDIT_LINK_HERE)</small>\n`;
    const readiness = readinessOf(text, published.fileName, 'content');
    expect(readiness.items.filter((item) => item.kind === 'placeholder').map((item) => item.severity)).toEqual(['warning']);
    expect(readiness.ready).toBe(true);
    expect(readiness.summary).toBe('TWiR 635 · 2 warnings · ready to publish');
  });
});
