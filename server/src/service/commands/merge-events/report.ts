/** The merge report as a person reads it: in the editor before applying, and from `twir-lint merge`. */
import type { EventMention, MergeReport } from './merge';

/** `3 added, 1 replaced, 2 left out`, or that nothing changes. */
export function mergeSummary(report: MergeReport): string {
  const count = (what: (region: MergeReport['regions'][number]) => number) => report.regions.reduce((sum, region) => sum + what(region), 0);
  const parts = [
    [count((region) => region.added.length), 'added'],
    [count((region) => region.replaced.length), 'replaced'],
    [count((region) => region.removed.length), 'removed'],
    [report.leftOut.length, 'left out'],
    [report.possibleDuplicates.length, 'possible duplicate'],
    [report.twinsToDecide.length, 'twin listing with other dates'],
  ] as const;
  const said = parts.filter(([number]) => number > 0).map(([number, what]) => `${number} ${number > 1 ? what.replace(/^(possible duplicate|twin listing)/, '$1s') : what}`);
  const unchanged = count((region) => region.unchanged);
  if (said.length === 0) return unchanged > 0 ? `nothing to merge: the ${unchanged} listings of the batch are in the draft already` : 'nothing to merge';
  return said.join(', ');
}

/** A few lines for a confirmation: each region's changes, and what needs a look. */
export function mergeOverview(report: MergeReport): string {
  const lines = report.regions
    .filter((region) => region.added.length + region.replaced.length + region.removed.length > 0)
    .map((region) => `${region.region}${region.created ? ' (new region)' : ''}: ${regionCounts(region, false)}`);
  const outsideWindow = report.leftOut.filter((out) => out.why.includes(' the window ')).length;
  if (outsideWindow > 0) lines.push(`Left out, outside the window ${report.window}: ${outsideWindow}`);
  if (report.leftOut.length > outsideWindow) lines.push(`Left out for another reason: ${report.leftOut.length - outsideWindow}`);
  if (report.possibleDuplicates.length > 0) lines.push(`Possible duplicates (kept): ${report.possibleDuplicates.length}`);
  if (report.twinsToDecide.length > 0) lines.push(`Twin listings with other dates (kept, to decide): ${report.twinsToDecide.length}`);
  return lines.join('\n');
}

function regionCounts(region: MergeReport['regions'][number], withUnchanged: boolean): string {
  const counts = [
    [region.added.length, 'added'],
    [region.replaced.length, 'replaced'],
    [region.removed.length, 'removed'],
    [withUnchanged ? region.unchanged : 0, 'unchanged'],
  ] as const;
  return counts.filter(([number]) => number > 0).map(([number, what]) => `${number} ${what}`).join(', ');
}

/** The whole report, region by region, in plain text (Markdown-safe enough for a preview). */
export function formatMergeReport(report: MergeReport, batchName: string): string {
  const lines = [`Merging ${report.incoming} events from ${batchName} into the window ${report.window}: ${mergeSummary(report)}.`];
  for (const region of report.regions) {
    lines.push('', `${region.region}${region.created ? ' (new region)' : ''}: ${regionCounts(region, true)}`);
    for (const event of region.added) lines.push(`  + ${describe(event)}`);
    for (const { before, after, kept } of region.replaced) {
      // When only links differ, the lines as written show what changes.
      const [was, now] = summary(before) === summary(after) ? [before, after].map((event) => `${event.block.replace(/\n\s*/g, ' ')} (${where(event)})`) : [describe(before), describe(after)];
      lines.push(`  ~ ${was}`, `    → ${now}`);
      if (kept.length > 0) lines.push(`    only the title it matches: the event keeps ${titles(kept)}`);
    }
    for (const { event, why, kept } of region.removed) lines.push(`  - ${describe(event)}: ${why}${kept.length > 0 ? `; only the title it matches goes, the event keeps ${titles(kept)}` : ''}`);
  }
  if (report.leftOut.length > 0) {
    lines.push('', `Left out (${report.leftOut.length}):`);
    for (const { event, why } of report.leftOut) lines.push(`  ${describe(event)}: ${why}`);
  }
  if (report.possibleDuplicates.length > 0) {
    lines.push('', `Possible duplicates, both kept (${report.possibleDuplicates.length}):`);
    for (const { event, draft } of report.possibleDuplicates) lines.push(`  ${describe(event)}`, `    and ${describe(draft)}: the same group on the same day, under another link`);
  }
  if (report.twinsToDecide.length > 0) {
    lines.push('', `Twin listings with other dates, all kept for you to decide (${report.twinsToDecide.length}):`);
    for (const { event, twin, why } of report.twinsToDecide) lines.push(`  ${describe(event)}`, `    and ${describe(twin)}: ${why}`);
  }
  if (report.notes.length > 0) lines.push('', 'Notes:', ...report.notes.map((note) => `  ${note}`));
  return `${lines.join('\n')}\n`;
}

/** `2026-09-03 | Berlin, DE | Rust Berlin — Rust Hack and Learn (line 12)`: links by their text. */
export function describe(event: EventMention): string {
  return `${summary(event)} (${where(event)})`;
}

function titles(texts: readonly string[]): string {
  return texts.map((text) => `"${text}"`).join(', ');
}

function summary(event: EventMention): string {
  const overview = event.overview.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return `${overview}${event.title ? ` — ${event.title}` : ''}`;
}

function where(event: EventMention): string {
  return event.draftLine !== undefined ? `draft line ${event.draftLine}` : (event.source ?? 'batch');
}
