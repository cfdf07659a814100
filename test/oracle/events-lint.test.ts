/**
 * The events team's linter (bdillo/twir-events-lint, ported in events-lint.ts) as an oracle on the
 * fixtures with modern events and on damaged copies of some: every line it rejects is reported by an
 * events/* rule of ours, on that line or on the event it belongs to, and our fixes never make it
 * reject what it accepted.
 */
import { diffLines } from 'diff';
import { describe, expect, it } from 'vitest';
import { conventionsOf } from '../../server/src/service/conventions';
import { fixUntilStable } from '../../server/src/service/fix-all';
import { lint, type LintDiagnostic } from '../../server/src/service/lint';
import { buildModel } from '../../server/src/service/model/build';
import type { IssueModel } from '../../server/src/service/model/types';
import { currentEvents } from '../../server/src/service/rules/events/common';
import { damageEarlyEvent, DAMAGES } from '../unit/damage';
import { allFixtures, recentFixtures } from '../unit/fixtures';
import { eventsLint, type Rejection } from './events-lint';

type Issue = { name: string; fileName: string; text: string };

/** The fixtures with modern events (no legacy issue, no template): every one of them must be readable by the linter. */
const ISSUES: Issue[] = [...allFixtures(), ...recentFixtures()].filter(({ text, fileName }) => currentEvents(buildModel(text, { fileName })));
const DAMAGED_FROM = ['draft/2026-08-26', 'seeds/2026-01-14', 'published/2024-11-20', 'recent/2026-01-14', 'recent/2026-01-21', 'recent/2026-02-11'];
const DAMAGED: Issue[] = ISSUES.filter(({ name }) => DAMAGED_FROM.some((prefix) => name.startsWith(prefix))).flatMap((issue) =>
  DAMAGES.flatMap((damage) => {
    const copy = damageEarlyEvent(issue.text, issue.fileName, damage);
    return copy ? [{ name: `${issue.name}, an event ${damage.name}`, fileName: issue.fileName, text: copy.text }] : [];
  }),
);

/**
 * The linter's verdict. Before September 2025 a blank line under a region heading was the style of its
 * time (conventions.ts `eventsRightUnderRegion`), which the linter reads as an empty region followed by
 * events outside any: it judges those issues with these blank lines taken out (lines mapped back).
 */
function verdict(model: IssueModel): Rejection[] {
  if (conventionsOf(model).eventsRightUnderRegion) return eventsLint(model.text)!;
  const lines = model.text.split('\n');
  const kept = lines.map((_, line) => line).filter((line) => !(lines[line] === '' && /^### /.test(lines[line - 1] ?? '')));
  return eventsLint(kept.map((line) => lines[line]).join('\n'))!.map((rejection) => ({ ...rejection, line: kept[rejection.line - 1] + 1 }));
}

/** Where the linter and we deliberately differ: why a rejected line carries no finding of ours, or undefined. */
function excuse(model: IssueModel, findings: readonly LintDiagnostic[], rejection: Rejection): string | undefined {
  const line = rejection.line - 1;
  const reported = (rules: string[], from: number, to = from) => findings.some((finding) => rules.includes(finding.rule) && from <= finding.range.start.line && finding.range.start.line <= to);
  const region = model.events?.regions.find(({ section }) => section.heading.line <= line && line < section.endLine);
  const event = region?.events.find((entry) => entry.line <= line && line <= entry.endLine)?.event;
  if (rejection.reason === 'unparseable' && /^ {4}\* \[[^\]]*\][^(]*\]\(/.test(rejection.text))
    return 'a `]` inside a title: its link parser stops at the first `]`, Markdown (and ours) reads the whole link';
  if (event?.location?.kind === 'hybrid' && !conventionsOf(model).hybridForm)
    return 'an older hybrid form (`Virtual + In Person (…)`), the style of its time before 2025 (conventions.ts hybridForm)';
  if (rejection.reason === 'out-of-order' && event?.date?.start && !conventionsOf(model).sameDayOrder) {
    const previous = region?.events.filter((entry) => entry.line < line).pop()?.event?.date?.start;
    if (previous?.dayNumber === event.date.start.dayNumber) return 'a day out of location order before the events linter sorted each day (conventions.ts sameDayOrder)';
  }
  if (rejection.reason === 'empty-region' && region && region.events.length > 0)
    return 'the events of the region are lines it cannot read (each reported on its own line)';
  if (rejection.reason === 'unexpected' && region && reported(['events/region-heading'], region.section.heading.line))
    return 'the region heading is one it cannot read (reported): it rejects every line under it';
  if (rejection.reason === 'unexpected' && region && reported(['events/blank-lines'], region.section.heading.line + 1, line - 1))
    return 'a blank line (reported) ended the region for it, and it rejects every line after it';
  if ((rejection.reason === 'unexpected' || rejection.reason === 'unexpected-end') && reported(['events/title-line', 'events/blank-lines'], line - 1))
    return 'it rejects the line after a missing title or a line of spaces, which we report where they are';
  return undefined;
}

/** The rejected lines that no events/* finding of ours points at (on the line, or on the event it belongs to). */
function unreported({ text, fileName }: Issue): string[] {
  const model = buildModel(text, { fileName });
  const findings = lint(model).diagnostics.filter((diagnostic) => diagnostic.rule.startsWith('events/'));
  return verdict(model)
    .filter((rejection) => {
      const line = rejection.line - 1;
      const entry = model.entries.find((candidate) => candidate.section.kind === 'events-region' && candidate.line <= line && line <= candidate.endLine);
      const [from, to] = entry ? [entry.line, entry.endLine] : [line, line];
      return !findings.some((finding) => from <= finding.range.start.line && finding.range.start.line <= to) && !excuse(model, findings, rejection);
    })
    .map((rejection) => `${rejection.line} ${rejection.reason}: ${rejection.text}`);
}

/** The 1-based lines of `to` that differ from `from`. */
function changedLines(from: string, to: string): Set<number> {
  const changed = new Set<number>();
  let line = 1;
  for (const part of diffLines(from, to)) {
    if (part.removed) continue;
    for (let index = 0; index < (part.count ?? 0); index++, line++) if (part.added) changed.add(line);
  }
  return changed;
}

/** After fix-all: what the linter rejects, before and after, and the lines our fixes changed that it newly rejects. */
function afterFixes({ text, fileName }: Issue) {
  const model = buildModel(text, { fileName });
  const { model: fixed, unsettled, heldBack } = fixUntilStable(model, lint(model), {});
  const [before, after] = [verdict(model), verdict(fixed)];
  const known = new Set(before.map((rejection) => `${rejection.reason} ${rejection.text}`));
  const changed = changedLines(text, fixed.text);
  const newlyRejected = after.filter((rejection) => changed.has(rejection.line) && !known.has(`${rejection.reason} ${rejection.text}`));
  return { unsettled: unsettled ?? heldBack, before, after, newlyRejected: newlyRejected.map((rejection) => `${rejection.line} ${rejection.reason}: ${rejection.text}`) };
}

describe('the events linter port', () => {
  const document = (events: string) =>
    `## Upcoming Events\n\nRusty Events between 2026-01-14 - 2026-02-11 🦀\n\n${events}\n\nIf you are running a Rust event please add it to the [calendar] to get\n`;
  const event = (date: string, location: string, title = 'Meetup') => `* ${date} | ${location} | [Group](https://example.com/g)\n    * [**${title}**](https://example.com/${title})`;

  it('accepts a well-formed section, and rejects each kind of defect on its line', () => {
    expect(eventsLint(document(`### Virtual\n${event('2026-01-15', 'Virtual (Berlin, DE)')}\n\n### Europe\n${event('2026-01-20', 'Paris, FR')}`))).toEqual([]);
    const reasons = (events: string) => eventsLint(document(events))!.map(({ line, reason }) => `${line} ${reason}`);
    expect(reasons(`### Europe\n${event('2026-01-20', 'Paris, FR')}\n${event('2026-01-20', 'Berlin, DE', 'Other')}`)).toEqual(['8 out-of-order']);
    expect(reasons(`### Europe\n${event('2026-01-20', 'Paris, FR')}\n${event('2026-01-21', 'Paris, FR')}`)).toEqual(['9 duplicate']);
    expect(reasons(`### Europe\n${event('2026-03-20', 'Paris, FR')}`)).toEqual(['6 out-of-range']);
    expect(reasons(`### Asia\n\n### Europe\n${event('2026-01-20', 'Virtual(Paris, FR)')}`)).toEqual(['5 empty-region', '7 empty-region', '8 unparseable', '9 unexpected']);
    expect(reasons(`### Europe\n${event('2026-01-20', 'Paris, FR')}\n\n${event('2026-01-21', 'Lyon, FR', 'Other')}`)).toEqual(['9 unexpected', '10 unexpected']);
    expect(reasons(`### Europe\n${event('2026-01-20', 'Paris, FR')}\n### Asia\n${event('2026-01-21', 'Tokyo, JP')}`)).toEqual(['8 unexpected']);
    // Any text before ` |` is an in-person location to it, `Online` too; `Virtual(…)` and `Hybrid` without a place are not.
    expect(reasons(`### Virtual\n${event('2026-01-20', 'Online')}`)).toEqual([]);
    expect(reasons(`### Virtual\n${event('2026-01-20', 'Hybrid')}`)).toEqual(['5 empty-region', '6 unparseable', '7 unexpected']);
  });
});

describe.each(ISSUES.map((issue) => [issue.name, issue] as const))('%s', (_, issue) => {
  it('every line the events linter rejects is reported by us', () => {
    expect(unreported(issue)).toEqual([]);
  });

  it('our fixes never make the events linter reject what it accepted', () => {
    const { unsettled, before, after, newlyRejected } = afterFixes(issue);
    expect(unsettled, 'fix-all settles').toBeUndefined();
    if (before.length === 0) expect(after).toEqual([]);
    expect(newlyRejected).toEqual([]);
  });
});

describe.each(DAMAGED.map((issue) => [issue.name, issue] as const))('%s', (_, issue) => {
  it('is reported by us where the events linter rejects it, and fixed without new rejections', () => {
    expect(unreported(issue)).toEqual([]);
    const { unsettled, newlyRejected } = afterFixes(issue);
    expect(unsettled, 'fix-all settles').toBeUndefined();
    expect(newlyRejected).toEqual([]);
  });
});

it('the oracle has issues and damaged copies to judge, each readable by the linter', () => {
  expect(ISSUES.length).toBeGreaterThanOrEqual(40);
  for (const { name, text } of [...ISSUES, ...DAMAGED]) expect(eventsLint(text), name).toBeDefined();
  expect(DAMAGED.length).toBeGreaterThanOrEqual(30);
});
