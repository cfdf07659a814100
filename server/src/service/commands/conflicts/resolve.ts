/**
 * Resolving git's conflicts in an issue by the rules of the sections they fall in. Inside a list
 * section (community links, CFP projects and events, events regions, jobs) the resolution is the
 * union of both sides' entries: an entry on both sides once (the same link; for events, the merge's
 * matching), an entry one side changed and the other kept as changed (which side changed it, the
 * base says when the markers carry one), an entry one side removed and the other kept removed.
 * Events go in their region at their place in TWiR's order; links stay in the order they came.
 * Where both sides changed one entry differently, one removed what the other changed, or the
 * conflict spans text that is no list entry, the conflict is left for a person, with the reason.
 */
import { diff3Merge } from 'node-diff3';
import { buildModel } from '../../model/build';
import type { Entry, IssueModel, Section, SectionKind } from '../../model/types';
import { compareEvents } from '../../rules/events/common';
import type { TextEdit } from '../../rules/types';
import { comparableUrl } from '../../util/urls';
import { LineIndex } from '../../util/text';
import { sameEvent } from '../merge-events/match';
import { findConflicts, sideText, type Conflict, type Side, type SideText } from './markers';

/** What becomes of one conflict. */
export interface ConflictResolution {
  readonly conflict: Conflict;
  /** The section it is in, as the outline names it (`Newsletters`, `Upcoming Events / Europe`). */
  readonly section?: string;
  /** The edit that replaces the conflict (and the lines of entries it cuts through) by its resolution. */
  readonly edit?: TextEdit;
  /** What the resolution keeps (`3 entries: 1 from both sides, 1 from ours, 1 from theirs`), or why the conflict is left. */
  readonly summary: string;
  readonly resolved: boolean;
}

const LIST_SECTIONS: ReadonlySet<SectionKind> = new Set(['community', 'community-category', 'cfp-projects', 'cfp-events', 'events-region', 'jobs']);

/** Every conflict of the text with its resolution or the reason it is left. */
export function resolveConflicts(text: string, fileName?: string): ConflictResolution[] {
  const lines = new LineIndex(text);
  const { conflicts } = findConflicts(lines);
  if (conflicts.length === 0) return [];
  const sides = (['ours', 'theirs', 'base'] as const).map((side) => {
    const written = sideText(lines, conflicts, side);
    return { side, written, model: buildModel(written.text, { fileName, final: true }) };
  });
  const [ours, theirs, base] = sides;
  return conflicts.map((conflict, index) => {
    try {
      return resolveOne(lines, conflicts, index, ours, theirs, conflict.base === undefined ? undefined : base);
    } catch (error) {
      return { conflict, resolved: false, summary: `left: the resolution failed (${(error as Error).message})` };
    }
  });
}

interface SideModel {
  readonly side: Side;
  readonly written: SideText;
  readonly model: IssueModel;
}

/** A line of the conflict's text on one side: a whole entry, or a line between entries (blank, heading, comment). */
interface Token {
  readonly side: Side;
  readonly kind: 'entry' | 'layout';
  /** The lines as written, with their breaks. */
  readonly raw: string;
  /** The lines without their breaks, joined by `\n`: what sides are compared by. */
  readonly text: string;
  /** The section the token is in (its own, for a heading). */
  readonly section: string;
  readonly entry?: Entry;
  /** The link that identifies a list entry (compared as `links/duplicate` compares). */
  readonly url?: string;
  /** Whether the token is in the lines git marked (not in those the conflict was widened by). */
  readonly marked: boolean;
}

/** The layout of one side's part: lines between entries, and the slots where entries go. */
type LayoutItem = { kind: 'layout'; token: Token } | { kind: 'slot'; section: string; entries: Token[] };

class Unresolvable extends Error {}

function resolveOne(lines: LineIndex, conflicts: readonly Conflict[], index: number, ours: SideModel, theirs: SideModel, base: SideModel | undefined): ConflictResolution {
  const conflict = conflicts[index];
  const sides = base ? [ours, theirs, base] : [ours, theirs];
  const span = wholeEntries(lines, conflicts, index, sides);
  const section = sectionName(ours.model, span.ours.first);
  const left = (why: string): ConflictResolution => ({ conflict, section, resolved: false, summary: `left for a person: ${why}` });
  try {
    const tokens = {
      ours: tokenize(ours, span.ours, span.marked[0]),
      theirs: tokenize(theirs, span.theirs, span.marked[1]),
      base: base ? tokenize(base, span.base!, span.marked[2]) : undefined,
    };
    // The section where the conflict starts: the one of the line before it, the same on every side.
    const before = sectionPath(sectionAt(ours.model, span.ours.first - 1));
    const { items, counts } = merge(tokens.ours, tokens.theirs, tokens.base, before);
    let newText = items.map((item) => (item.kind === 'layout' ? item.token.raw : item.entries.map((entry) => entry.raw).join(''))).join('');
    const startOffset = lines.starts[span.from];
    const endOffset = span.to + 1 < lines.lineCount ? lines.starts[span.to + 1] : lines.text.length;
    const replaced = lines.text.slice(startOffset, endOffset);
    // The file's last line has no break: neither has the resolution's.
    if (!/\n$/.test(replaced)) newText = newText.replace(/\r?\n$/, '');
    const edit = { range: lines.rangeOf(startOffset, endOffset), newText };
    return { conflict, section, resolved: true, edit, summary: keptSummary(counts) };
  } catch (error) {
    if (error instanceof Unresolvable) return left(error.message);
    throw error;
  }
}

interface Span {
  /** Lines of the marked text replaced by the resolution, first … last inclusive. */
  readonly from: number;
  readonly to: number;
  readonly ours: { first: number; end: number };
  readonly theirs: { first: number; end: number };
  readonly base?: { first: number; end: number };
  /** The lines git marked, per side (ours, theirs, base). */
  readonly marked: { first: number; end: number }[];
}

/**
 * The conflict widened to whole entries — git's hunk may start or end inside an entry (only an
 * event's title line changed) — and to all the events of the regions it touches. The lines it is
 * widened by are the same on every side; it never reaches into another conflict.
 */
function wholeEntries(lines: LineIndex, conflicts: readonly Conflict[], index: number, sides: readonly SideModel[]): Span {
  const conflict = conflicts[index];
  const firstFree = index > 0 ? conflicts[index - 1].end + 1 : 0;
  const lastFree = index + 1 < conflicts.length ? conflicts[index + 1].start - 1 : lines.lineCount - 1;
  let before = 0;
  let after = 0;
  const hunkOf = (side: SideModel) => {
    const first = side.written.hunkStart[index];
    const length = side.side === 'ours' ? (conflict.base ?? conflict.separator) - conflict.start - 1 : side.side === 'theirs' ? conflict.end - conflict.separator - 1 : conflict.separator - conflict.base! - 1;
    return { first: first - before, end: first + length + after };
  };
  for (let round = 0; round < 50; round++) {
    let changed = false;
    for (const side of sides) {
      const hunk = hunkOf(side);
      // Whole entries; in an events region, all its events, so that each added one finds its place in the order.
      const regions = [hunk.first - 1, hunk.first, ...side.model.entries.filter((entry) => entry.line < hunk.end && entry.endLine >= hunk.first).map((entry) => entry.line)]
        .map((line) => sectionAt(side.model, line))
        .filter((section): section is Section => section?.kind === 'events-region' && section.entries.length > 0);
      const spans = [
        ...side.model.entries.filter((entry) => entry.line < hunk.end && entry.endLine >= hunk.first).map((entry) => ({ first: entry.line, last: entry.endLine })),
        ...regions.map((region) => ({ first: region.entries[0].line, last: region.entries[region.entries.length - 1].endLine })),
      ];
      for (const span of spans) {
        if (span.first < hunk.first && conflict.start - before - (hunk.first - span.first) >= firstFree) {
          before += hunk.first - span.first;
          changed = true;
        }
        if (span.last >= hunk.end && conflict.end + after + (span.last - hunk.end + 1) <= lastFree) {
          after += span.last - hunk.end + 1;
          changed = true;
        }
        if (changed) break;
      }
      if (changed) break;
    }
    if (!changed) break;
  }
  const [ours, theirs, base] = sides.map(hunkOf);
  const widenedBy = { before, after };
  [before, after] = [0, 0];
  const marked = sides.map(hunkOf);
  return { from: conflict.start - widenedBy.before, to: conflict.end + widenedBy.after, ours, theirs, base, marked };
}

/** The innermost section holding a line. */
function sectionAt(model: IssueModel, line: number): Section | undefined {
  let found: Section | undefined;
  for (const section of model.allSections) {
    if (section.heading.line > line) break;
    if (line < section.endLine) found = section;
  }
  return found;
}

function sectionPath(section: Section | undefined): string {
  if (!section) return '(before the first section)';
  const names: string[] = [];
  for (let current: Section | undefined = section; current; current = current.parent) names.unshift(current.heading.text.trim());
  return names.join(' / ');
}

function sectionName(model: IssueModel, line: number): string | undefined {
  const section = sectionAt(model, line);
  return section ? sectionPath(section) : undefined;
}

/** One side's part of the conflict as tokens: whole entries of list sections, and the lines between them. */
function tokenize({ side, model }: SideModel, hunk: { first: number; end: number }, marked: { first: number; end: number }): Token[] {
  const tokens: Token[] = [];
  const raw = (first: number, last: number) => model.text.slice(model.lines.starts[first], last + 1 < model.lines.lineCount ? model.lines.starts[last + 1] : model.text.length);
  const isMarked = (first: number, last: number) => first < marked.end && last >= marked.first;
  const joined = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, offset) => model.lines.lineText(first + offset)).join('\n');
  let line = hunk.first;
  while (line < hunk.end) {
    const section = sectionAt(model, line);
    const entry = section?.entries.find((candidate) => candidate.line === line);
    if (entry) {
      if (!LIST_SECTIONS.has(section!.kind)) throw new Unresolvable(`the conflict is in ${sectionPath(section)}, which is not a list section the resolution knows (community links, CFPs, events, jobs)`);
      if (entry.kind === 'stray-line') throw new Unresolvable(`line ${line + 1} of ${sideName(side)} is no event ("${clip(model.lines.lineText(line))}")`);
      const url = entry.kind === 'event' ? undefined : entry.links[0]?.url;
      tokens.push({ side, kind: 'entry', raw: raw(line, entry.endLine), text: joined(line, entry.endLine), section: sectionPath(section), entry, url: url && comparableUrl(url), marked: isMarked(line, entry.endLine) });
      line = entry.endLine + 1;
      continue;
    }
    const kind = model.lineKinds[line];
    const isNone = section?.noneSentence?.start.line === line;
    if (kind !== 'blank' && kind !== 'heading' && kind !== 'comment' && !isNone) {
      throw new Unresolvable(`the conflict spans text that is not a list entry (${sideName(side)}, "${clip(model.lines.lineText(line))}")`);
    }
    if (isNone) {
      // "No calls … this week": an entry of its own, which a side that adds the first call removes.
      tokens.push({ side, kind: 'entry', raw: raw(line, line), text: joined(line, line), section: sectionPath(section), marked: isMarked(line, line) });
    } else {
      tokens.push({ side, kind: 'layout', raw: raw(line, line), text: joined(line, line), section: sectionPath(kind === 'heading' ? sectionAt(model, line) : section), marked: isMarked(line, line) });
    }
    line++;
  }
  return tokens;
}

function sideName(side: Side): string {
  return side === 'base' ? 'the base' : side;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

type Slot = Extract<LayoutItem, { kind: 'slot' }>;

/** Layout lines with a slot (of the section there) before, between and after them. */
function slotted(layout: readonly Token[], firstSection: string): LayoutItem[] {
  const items: LayoutItem[] = [{ kind: 'slot', section: firstSection, entries: [] }];
  for (const token of layout) items.push({ kind: 'layout', token }, { kind: 'slot', section: token.section, entries: [] });
  return items;
}

/** Which of the slots with the same section an entry of a side sits in: 0 for the first. */
function slotOrdinal(tokens: readonly Token[], entry: Token, firstSection: string): number {
  let section = firstSection;
  const seen = new Map<string, number>([[section, 0]]);
  for (const token of tokens) {
    if (token === entry) return seen.get(section) ?? 0;
    if (token.kind === 'layout') {
      section = token.section;
      seen.set(section, (seen.get(section) ?? -1) + 1);
    }
  }
  return 0;
}

function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let at = 0;
  for (const item of long) if (at < short.length && short[at] === item) at++;
  return at === short.length;
}

/**
 * The lines between entries (headings, blank lines, comments) of both sides: merged three-way
 * with the base, so that a heading one side removed stays removed; without a base, the side that
 * has more of them, when it holds all of the other's.
 */
function mergeLayout(ours: readonly Token[], theirs: readonly Token[], base: readonly Token[] | undefined): Token[] {
  const texts = (tokens: readonly Token[]) => tokens.map((token) => token.text);
  if (!base) {
    if (isSubsequence(texts(theirs), texts(ours))) return [...ours];
    if (isSubsequence(texts(ours), texts(theirs))) return [...theirs];
    throw new Unresolvable('both sides changed the headings or the lines between entries differently');
  }
  const byText = new Map([...theirs, ...ours].map((token) => [token.text, token]));
  const merged: Token[] = [];
  for (const region of diff3Merge(texts(ours), texts(base), texts(theirs), { excludeFalseConflicts: true })) {
    if (region.conflict) throw new Unresolvable('both sides changed the headings or the lines between entries differently');
    merged.push(...(region.ok ?? []).map((text) => byText.get(text) ?? base.find((token) => token.text === text)!));
  }
  return merged;
}

/** Whether two entries are the same entry (changed or not): the same event, the same link, or the same text. */
function sameEntry(a: Token, b: Token): boolean {
  if (a.entry?.kind === 'event' && b.entry?.kind === 'event') return a.section === b.section && sameEvent(a.entry, b.entry);
  if (a.url !== undefined || b.url !== undefined) return a.url === b.url;
  return a.section === b.section && a.text.trim() === b.text.trim();
}

const identical = (a: Token, b: Token) => a.section === b.section && a.text === b.text;

/** Pairs the entries of two sides: identical ones first, then the same entry changed. */
function pairEntries(xs: readonly Token[], ys: readonly Token[]): Map<Token, Token> {
  const pairs = new Map<Token, Token>();
  const taken = new Set<Token>();
  for (const match of [identical, sameEntry]) {
    for (const x of xs) {
      if (pairs.has(x)) continue;
      const y = ys.find((candidate) => !taken.has(candidate) && match(x, candidate));
      if (y) {
        pairs.set(x, y);
        taken.add(y);
      }
    }
  }
  return pairs;
}

interface Counts {
  both: number;
  ours: number;
  theirs: number;
  dropped: number;
}

function describe(token: Token): string {
  const link = token.entry?.event?.titles[0] ?? token.entry?.links[0];
  return link ? `"${clip(link.text.replace(/^\*\*|\*\*$/g, ''))}"` : `"${clip(token.text.trim())}"`;
}

/** The union of both sides' entries, in the merged layout. */
function merge(ours: readonly Token[], theirs: readonly Token[], base: readonly Token[] | undefined, firstSection: string): { items: LayoutItem[]; counts: Counts } {
  const entries = (tokens: readonly Token[]) => tokens.filter((token) => token.kind === 'entry');
  const layout = (tokens: readonly Token[]) => tokens.filter((token) => token.kind === 'layout');
  const [oursEntries, theirsEntries, baseEntries] = [entries(ours), entries(theirs), base ? entries(base) : undefined];
  const counts: Counts = { both: 0, ours: 0, theirs: 0, dropped: 0 };
  const items = slotted(mergeLayout(layout(ours), layout(theirs), base && layout(base)), firstSection);
  const slots = items.filter((item): item is Slot => item.kind === 'slot');

  const pairs = pairEntries(oursEntries, theirsEntries);
  const theirsPaired = new Set(pairs.values());
  const oursBase = baseEntries ? pairEntries(oursEntries, baseEntries) : new Map<Token, Token>();
  const theirsBase = baseEntries ? pairEntries(theirsEntries, baseEntries) : new Map<Token, Token>();

  const decide = (mine: Token | undefined, other: Token | undefined, original: Token | undefined): Token | undefined => {
    const entry = (mine ?? other)!;
    if (mine && other) {
      if (identical(mine, other)) return (counts.both += mine.marked || other.marked ? 1 : 0), mine;
      if (original && identical(original, mine)) return counts.theirs++, other;
      if (original && identical(original, other)) return counts.ours++, mine;
      if (!baseEntries) throw new Unresolvable(`both sides wrote ${describe(entry)} differently, and the markers carry no base to tell which side changed it (git config merge.conflictStyle diff3)`);
      throw new Unresolvable(`both sides changed ${describe(entry)} differently`);
    }
    if (original) {
      if (identical(original, entry)) return counts.dropped++, undefined;
      throw new Unresolvable(`${entry.side === 'ours' ? 'theirs' : 'ours'} removed ${describe(entry)}, which ${entry.side} changed`);
    }
    counts[entry.side as 'ours' | 'theirs']++;
    return entry;
  };
  /** Ours' entries stay where ours has them (an event another side moved in time or region is placed again); the rest is inserted. */
  const placedAt = new Map<Token, Token>();
  const insert: Token[] = [];
  for (const mine of oursEntries) {
    const kept = decide(mine, pairs.get(mine), oursBase.get(mine) ?? (pairs.has(mine) ? theirsBase.get(pairs.get(mine)!) : undefined));
    if (!kept) continue;
    const moved = kept !== mine && kept.entry?.kind === 'event' && (kept.section !== mine.section || compareEvents(kept.entry, mine.entry!) !== 0);
    if (moved || kept.section !== mine.section) insert.push(kept);
    else placedAt.set(mine, kept);
  }
  for (const other of theirsEntries) {
    if (theirsPaired.has(other)) continue;
    const kept = decide(undefined, other, theirsBase.get(other));
    if (kept) insert.push(kept);
  }

  const slotFor = (token: Token, side: readonly Token[]) => {
    const candidates = slots.filter((slot) => slot.section === token.section);
    if (candidates.length === 0) throw new Unresolvable(`${describe(token)} of ${token.side} is in ${token.section}, whose heading the other side removed`);
    return candidates[Math.min(slotOrdinal(side, token, firstSection), candidates.length - 1)];
  };
  for (const [mine, kept] of placedAt) slotFor(mine, ours).entries.push(kept);
  for (const token of insert) place(token);
  function place(token: Token) {
    const own = token.side === 'ours' ? ours : theirs;
    const slot = slotFor(token, own);
    if (token.entry?.kind === 'event') {
      const before = slot.entries.findIndex((other) => other.entry?.kind === 'event' && compareEvents(other.entry, token.entry!) > 0);
      slot.entries.splice(before < 0 ? slot.entries.length : before, 0, token);
      return;
    }
    // A link goes after the entry it followed on its own side, else before the one it preceded, else last.
    const versionsOf = (neighbour: Token) => {
      const counterpart = token.side === 'ours' ? undefined : [...pairs.entries()].find(([, theirsVersion]) => theirsVersion === neighbour)?.[0];
      return new Set([neighbour, counterpart, counterpart && placedAt.get(counterpart)].filter((version): version is Token => version !== undefined));
    };
    const sideEntries = own.filter((candidate) => candidate.kind === 'entry');
    const at = sideEntries.indexOf(token);
    for (let back = at - 1; back >= 0; back--) {
      const versions = versionsOf(sideEntries[back]);
      const found = slot.entries.findIndex((entry) => versions.has(entry));
      if (found >= 0) return void slot.entries.splice(found + 1, 0, token);
    }
    for (let ahead = at + 1; ahead < sideEntries.length; ahead++) {
      const versions = versionsOf(sideEntries[ahead]);
      const found = slot.entries.findIndex((entry) => versions.has(entry));
      if (found >= 0) return void slot.entries.splice(found, 0, token);
    }
    slot.entries.push(token);
  }
  return { items, counts };
}

function keptSummary(counts: Counts): string {
  const parts = [counts.both > 0 && `${counts.both} on both sides`, counts.ours > 0 && `${counts.ours} from ours`, counts.theirs > 0 && `${counts.theirs} from theirs`].filter(Boolean);
  const kept = counts.both + counts.ours + counts.theirs;
  const dropped = counts.dropped > 0 ? `; ${counts.dropped} removed by one side` : '';
  return `resolved: ${kept} ${kept === 1 ? 'entry' : 'entries'} kept${parts.length > 0 ? ` (${parts.join(', ')})` : ''}${dropped}`;
}
