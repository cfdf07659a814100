/**
 * Issue 23's acceptance test: every week of 2026 as its editors commit it (week.ts) — the new
 * draft, N's sections added over six days, N published on the seventh. Mid-week, Problems shows
 * only what an editor can act on: the week's publishing tasks (carried-over events, placeholders,
 * empty sections) are information until the issue is published.
 */
import { describe, expect, it } from 'vitest';
import { diagnosticsOf, median, weeks } from './week';

const shown = (severity: string) => severity === 'error' || severity === 'warning';

describe('a week of a 2026 draft, day by day', () => {
  const all = weeks();
  const table = all.map((week) => ({
    week,
    days: week.days.map((day) => {
      const diagnostics = diagnosticsOf(week, day);
      return { day, diagnostics, count: diagnostics.filter((diagnostic) => shown(diagnostic.severity)).length };
    }),
  }));

  it('rebuilds every week of recent/ that has the week before it', () => {
    expect(all.length).toBe(32);
    // Day 1 is the new draft: last week's events carried over.
    expect(table.every(({ days }) => days[0].diagnostics.some((diagnostic) => diagnostic.rule === 'events/out-of-window'))).toBe(true);
  });

  it('mid-week (days 1–6), the median of errors and warnings is at most 3', () => {
    const midWeek = table.flatMap(({ days }) => days.filter(({ day }) => day.day <= 6).map(({ count }) => count));
    // Day by day, for the record: `week: e/w per day`.
    console.log(table.map(({ week, days }) => `${week.fileName.slice(0, 10)}: ${days.map(({ count }) => count).join(' ')}`).join('\n'));
    console.log(`median over days 1–6 of ${all.length} weeks: ${median(midWeek)}`);
    expect(median(midWeek)).toBeLessThanOrEqual(3);
  });

  it('mid-week, no publishing task is an error or a warning; on day 7 (content/) the carried-over events and placeholders would be errors', () => {
    const tasks = new Set(['events/out-of-window', 'placeholder/link', 'section/empty', 'placeholder/boilerplate']);
    for (const { days } of table) {
      for (const { day, diagnostics } of days.slice(0, 6)) {
        expect(diagnostics.filter((diagnostic) => tasks.has(diagnostic.rule) && shown(diagnostic.severity)), `day ${day.day}`).toEqual([]);
        expect(diagnostics.filter((diagnostic) => diagnostic.rule === 'events/out-of-window').every((diagnostic) => diagnostic.severity === 'info')).toBe(true);
      }
    }
    // The first week's new draft, had it been published as it was made.
    const [{ week }] = table;
    const unpublished = { ...week.days[0], folder: 'content' as const };
    expect(diagnosticsOf(week, unpublished).some((diagnostic) => diagnostic.rule === 'events/out-of-window' && diagnostic.severity === 'error')).toBe(true);
  });

  it('demoting carried-over events to information leaves fix-all removing them', async () => {
    const { fixAllEdits } = await import('../../server/src/service/actions');
    const [{ days }] = table;
    const outOfWindow = days[0].diagnostics.filter((diagnostic) => diagnostic.rule === 'events/out-of-window');
    expect(outOfWindow.length).toBeGreaterThan(0);
    expect(fixAllEdits(outOfWindow).length).toBe(outOfWindow.length);
  });
});

describe("a contributor's one-link change on any day of a 2026 draft (--since)", () => {
  it('adds no finding when the link is clean, and exactly its own when it is not', async () => {
    const { baseline, findingKeys, newOnly } = await import('../../server/src/cli/since');
    const { buildModel } = await import('../../server/src/service/model/build');
    const { lint } = await import('../../server/src/service/lint');
    const withLink = (text: string, link: string) => text.replace(/^### Observations\/Thoughts\n/m, `### Observations/Thoughts\n${link}\n`);
    let checked = 0;
    for (const week of weeks()) {
      for (const day of week.days.slice(0, 6)) {
        const options = { recentIssues: week.recentIssues, moment: 'in-progress' as const };
        const model = (text: string) => buildModel(text, { fileName: week.fileName, folder: 'draft' });
        const base = baseline(findingKeys(model(day.text), options));
        const added = (link: string) => {
          const changed = model(withLink(day.text, link));
          return newOnly(lint(changed, options), changed, base).result.diagnostics.map((diagnostic) => diagnostic.rule);
        };
        expect(added(`* [A post of week ${week.number}](https://example.com/twir-${week.number}-day-${day.day})`), `${week.fileName} day ${day.day}`).toEqual([]);
        expect(added(`* [A post](https://example.com/post-${week.number}?utm_source=x)`), `${week.fileName} day ${day.day}`).toEqual(['links/tracking']);
        checked++;
      }
    }
    expect(checked).toBe(32 * 6);
  }, 300_000);
});
