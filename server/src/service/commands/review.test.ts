import { describe, expect, it } from 'vitest';
import { recentFixtures } from '../../../../test/unit/fixtures';
import { buildModel } from '../model/build';
import { earlierIssue } from '../rules/links/shared';
import { formatReview, reviewWeek } from './review';

const modelOf = (text: string, fileName: string) => buildModel(text, { fileName, final: true });

/**
 * The events section as plain text, without the model: each top-level bullet line starts an event,
 * indented lines continue it, and an event is its region and its lines, trimmed.
 */
function plainEvents(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => /^##? Upcoming Events/.test(line));
  const events: string[] = [];
  let region = '';
  for (const line of lines.slice(start + 1)) {
    if (/^##? /.test(line)) break;
    if (line.startsWith('### ')) region = line.slice(4).trim();
    else if (/^[*-] /.test(line)) events.push(`${region}\n${line.trim()}`);
    else if (/^\s+\S/.test(line) && events.length > 0 && !line.trim().startsWith('<!--')) events[events.length - 1] += `\n${line.trim()}`;
  }
  return events;
}

/** A plain diff of two lists as multisets: how many items only the second has, only the first has, and both. */
function multisetDiff(before: readonly string[], after: readonly string[]): { added: number; removed: number; kept: number } {
  const left = new Map<string, number>();
  for (const item of before) left.set(item, (left.get(item) ?? 0) + 1);
  let kept = 0;
  for (const item of after) {
    const count = left.get(item) ?? 0;
    if (count > 0) {
      left.set(item, count - 1);
      kept++;
    }
  }
  return { added: after.length - kept, removed: before.length - kept, kept };
}

describe('this week against last week', () => {
  const recent = recentFixtures();
  const pairs = recent.slice(1).map((draft, index) => ({ previous: recent[index], draft }));

  it.each(pairs.map((pair) => [pair.draft.fileName, pair] as const))('%s: the event counts agree with a plain diff of the two events sections, every change named once', (_name, { previous, draft }) => {
    const review = reviewWeek(modelOf(draft.text, draft.fileName), modelOf(previous.text, previous.fileName), previous.fileName, []);
    const { events } = review;
    const plain = multisetDiff(plainEvents(previous.text), plainEvents(draft.text));
    expect(events.carried.length).toBe(plain.kept);
    expect(events.new.length + events.changed.length).toBe(plain.added);
    expect(events.dropped.length + events.changed.length).toBe(plain.removed);
    // Each listing once: of the draft in new, carried or changed; of the previous issue in changed or dropped.
    const draftLines = [...events.new, ...events.carried, ...events.changed.map((change) => change.event)].map((event) => event.line);
    expect(new Set(draftLines).size).toBe(draftLines.length);
    const previousLines = [...events.changed.map((change) => change.previousLine), ...events.dropped.map((dropped) => dropped.event.line)];
    expect(new Set(previousLines).size).toBe(previousLines.length);
    for (const change of events.changed) {
      const fields = change.fields.map((field) => field.field);
      expect(fields.length).toBeGreaterThan(0);
      expect(new Set(fields).size).toBe(fields.length);
      for (const field of change.fields) expect(field.before).not.toBe(field.after);
    }
    // The per-region rows of the section table are the same plain diff.
    const regions = review.sections.filter((section) => section.section.startsWith('Upcoming Events › '));
    expect(regions.reduce((sum, section) => sum + section.kept, 0)).toBe(plain.kept);
    expect(regions.reduce((sum, section) => sum + section.added.length, 0)).toBe(plain.added);
    // In 2026 the window explains most drops: the week that passed.
    expect(events.dropped.filter((dropped) => dropped.outside === 'before the window').length).toBeGreaterThan(0);
  });

  it('names each changed event with its fields before → after, and whether the window explains a drop', () => {
    const head = (number: number, date: string) => `Title: This Week in Rust ${number}\nNumber: ${number}\nDate: ${date}\nCategory: This Week in Rust\n\n## Updates from Rust Community\n\n### Official\n\n`;
    const previous = `${head(600, '2026-01-07')}* [Announcing Rust 1.93](https://blog.rust-lang.org/2026/01/01/Rust-1.93.0/)
* [An old post](https://example.com/old)

## Upcoming Events

Rusty Events between 2026-01-07 - 2026-02-04 🦀

### Virtual
* 2026-01-08 | Virtual (Berlin, DE) | [Rust Berlin](https://www.meetup.com/rust-berlin)
    * [**Rust Hack and Learn**](https://www.meetup.com/rust-berlin/events/1/)
* 2026-01-20 | Virtual | [Rust Maven](https://www.meetup.com/code-mavens)
    * [**Async Rust**](https://www.meetup.com/code-mavens/events/2/)

### Europe
* 2026-01-22 | Paris, FR | [Rust Paris](https://www.meetup.com/rust-paris)
    * [**Rust meetup #82**](https://www.meetup.com/rust-paris/events/3/)
* 2026-01-23 | Oslo, NO | [Rust Oslo](https://www.meetup.com/rust-oslo)
    * [**Rust and Beer**](https://www.meetup.com/rust-oslo/events/4/)
`;
    const draft = `${head(601, '2026-01-14')}* [Announcing Rust 1.93](https://blog.rust-lang.org/2026/01/01/Rust-1.93.0/)
* [A new post](https://example.com/new)

## Upcoming Events

Rusty Events between 2026-01-14 - 2026-02-11 🦀

### Virtual
* 2026-01-20 | Virtual | [Rust Maven](https://www.meetup.com/code-mavens)
    * [**Async Rust**](https://www.meetup.com/code-mavens/events/2/)
* 2026-02-05 | Virtual | [Rust Maven](https://www.meetup.com/code-mavens)
    * [**Embedded Rust**](https://www.meetup.com/code-mavens/events/5/)

### Europe
* 2026-01-29 | Lyon, FR | [Rust Paris](https://www.meetup.com/rust-paris)
    * [**Rust meetup #83**](https://www.meetup.com/rust-paris/events/3/)
`;
    const recentIssue = earlierIssue('2025-12-31-this-week-in-rust.md', modelOf(`${head(599, '2025-12-31')}* [Announcing Rust 1.93](https://blog.rust-lang.org/2026/01/01/Rust-1.93.0)\n`, '2025-12-31-this-week-in-rust.md'));
    const review = reviewWeek(modelOf(draft, '2026-01-14-this-week-in-rust.md'), modelOf(previous, '2026-01-07-this-week-in-rust.md'), '2026-01-07-this-week-in-rust.md', [recentIssue]);
    expect(formatReview(review, 'draft/2026-01-14-this-week-in-rust.md', 'content/2026-01-07-this-week-in-rust.md')).toBe(`draft/2026-01-14-this-week-in-rust.md against TWiR 600 (content/2026-01-07-this-week-in-rust.md)

Section                                 added  removed  kept
Updates from Rust Community › Official      1        1     1
Upcoming Events › Virtual                   1        1     1
Upcoming Events › Europe                    1        2     0

Events (window 2026-01-14 - 2026-02-11): 1 new, 1 carried over, 1 changed, 2 dropped (1 outside the window)
  New:
    draft/2026-01-14-this-week-in-rust.md:20  Virtual  2026-02-05 | Virtual | Rust Maven — Embedded Rust
  Changed:
    draft/2026-01-14-this-week-in-rust.md:24  Europe  2026-01-29 | Lyon, FR | Rust Paris — Rust meetup #83
      date: 2026-01-22 → 2026-01-29
      place: Paris, FR → Lyon, FR
      title: Rust meetup #82 → Rust meetup #83
  Dropped:
    content/2026-01-07-this-week-in-rust.md:18  Virtual  2026-01-08 | Virtual (Berlin, DE) | Rust Berlin — Rust Hack and Learn  (before the window)
    content/2026-01-07-this-week-in-rust.md:26  Europe  2026-01-23 | Oslo, NO | Rust Oslo — Rust and Beer  (inside the window)

Links repeated from the 1 recent issues: 1
    draft/2026-01-14-this-week-in-rust.md:10  https://blog.rust-lang.org/2026/01/01/Rust-1.93.0/  (TWiR 599)
`);
  });
});
