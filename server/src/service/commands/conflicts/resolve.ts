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
import { buildModel } from '../../model/build';
import type { Entry, IssueModel, Section, SectionKind } from '../../model/types';
import { compareEvents } from '../../rules/events/common';
import type { TextEdit } from '../../rules/types';
import { comparableUrl } from '../../util/urls';
import { LineIndex } from '../../util/text';
import { sameEvent } from '../merge-events/merge';
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
  /** Side lines, first … last inclusive. */
  readonly first: number;
  readonly last: number;
  /** The lines as written, with their breaks. */
  readonly raw: string;
  /** The lines without their breaks, joined by `\n`: what sides are compared by. */
  readonly text: string;
  /** The section the token is in (its own, for a heading). */
  readonly section: string;
  readonly entry?: Entry;
  /** The link that identifies a list entry (compared as `links/duplicate` compares). */
  readonly url?: string;
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
      ours: tokenize(ours, span.ours),
      theirs: tokenize(theirs, span.theirs),
      base: base ? tokenize(base, span.base!) : undefined,
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
}

/**
 * The conflict widened to whole entries: git's hunk may start or end inside an entry (only an
 * event's title line changed). The lines it is widened by are the same on every side.
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
      for (const entry of side.model.entries) {
        if (entry.line >= hunk.end || entry.endLine < hunk.first) continue;
        if (entry.line < hunk.first && conflict.start - before - (hunk.first - entry.line) >= firstFree) {
          before += hunk.first - entry.line;
          changed = true;
        }
        if (entry.endLine >= hunk.end && conflict.end + after + (entry.endLine - hunk.end + 1) <= lastFree) {
          after += entry.endLine - hunk.end + 1;
          changed = true;
        }
        if (changed) break;
      }
      if (changed) break;
    }
    if (!changed) break;
  }
  const [ours, theirs, base] = sides.map(hunkOf);
  return { from: conflict.start - before, to: conflict.end + after, ours, theirs, base };
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
function tokenize({ side, model }: SideModel, hunk: { first: number; end: number }): Token[] {
  const tokens: Token[] = [];
  const raw = (first: number, last: number) => model.text.slice(model.lines.starts[first], last + 1 < model.lines.lineCount ? model.lines.starts[last + 1] : model.text.length);
  const joined = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, offset) => model.lines.lineText(first + offset)).join('\n');
  let line = hunk.first;
  while (line < hunk.end) {
    const section = sectionAt(model, line);
    const entry = section?.entries.find((candidate) => candidate.line === line);
    if (entry) {
      if (!LIST_SECTIONS.has(section!.kind)) throw new Unresolvable(`the conflict is in ${sectionPath(section)}, which is not a list section the resolution knows (community links, CFPs, events, jobs)`);
      if (entry.kind === 'stray-line') throw new Unresolvable(`line ${line + 1} of ${sideName(side)} is no event ("${clip(model.lines.lineText(line))}")`);
      const url = entry.kind === 'event' ? undefined : entry.links[0]?.url;
      tokens.push({ side, kind: 'entry', first: line, last: entry.endLine, raw: raw(line, entry.endLine), text: joined(line, entry.endLine), section: sectionPath(section), entry, url: url && comparableUrl(url) });
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
      tokens.push({ side, kind: 'entry', first: line, last: line, raw: raw(line, line), text: joined(line, line), section: sectionPath(section) });
    } else {
      tokens.push({ side, kind: 'layout', first: line, last: line, raw: raw(line, line), text: joined(line, line), section: sectionPath(kind === 'heading' ? sectionAt(model, line) : section) });
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

/** The layout of a side: its lines between entries, with a slot (of the section there) before, between and after them. */
function layoutOf(tokens: readonly Token[], firstSection: string): LayoutItem[] {
  const items: LayoutItem[] = [{ kind: 'slot', section: firstSection, entries: [] }];
  for (const token of tokens) {
    if (token.kind === 'layout') {
      items.push({ kind: 'layout', token }, { kind: 'slot', section: token.section, entries: [] });
    } else {
      const slot = items[items.length - 1] as Extract<LayoutItem, { kind: 'slot' }>;
      slot.entries.push(token);
    }
  }
  return items;
}

function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let at = 0;
  for (const item of long) if (at < short.length && short[at] === item) at++;
  return at === short.length;
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

/** The union of both sides' entries in the layout of one of them. */
function merge(ours: readonly Token[], theirs: readonly Token[], base: readonly Token[] | undefined, firstSection: string): { items: LayoutItem[]; counts: Counts } {
  const entries = (tokens: readonly Token[]) => tokens.filter((token) => token.kind === 'entry');
  const [oursEntries, theirsEntries, baseEntries] = [entries(ours), entries(theirs), base ? entries(base) : undefined];
  const counts: Counts = { both: 0, ours: 0, theirs: 0, dropped: 0 };

  // The layout (headings, blank lines) of the side that has more of it, when it holds the other's.
  const layoutTexts = (tokens: readonly Token[]) => tokens.filter((token) => token.kind === 'layout').map((token) => token.text);
  const [oursLayout, theirsLayout] = [layoutTexts(ours), layoutTexts(theirs)];
  const layoutSide = isSubsequence(theirsLayout, oursLayout) ? 'ours' : isSubsequence(oursLayout, theirsLayout) ? 'theirs' : undefined;
  if (!layoutSide) throw new Unresolvable('both sides changed the headings or the lines between entries differently');
  const [host, guest] = layoutSide === 'ours' ? [oursEntries, theirsEntries] : [theirsEntries, oursEntries];
  const hostTokens = layoutSide === 'ours' ? ours : theirs;
  const items = layoutOf(hostTokens.filter((token) => token.kind === 'layout'), firstSection);
  // Where each host entry sat: its slot, in order.
  const slots = items.filter((item): item is Extract<LayoutItem, { kind: 'slot' }> => item.kind === 'slot');
  {
    let slot = 0;
    for (const token of hostTokens) {
      if (token.kind === 'layout') slot++;
      else slots[slot].entries.push(token);
    }
  }

  const pairs = pairEntries(oursEntries, theirsEntries);
  const theirsPaired = new Set(pairs.values());
  const oursBase = baseEntries ? pairEntries(oursEntries, baseEntries) : new Map<Token, Token>();
  const theirsBase = baseEntries ? pairEntries(theirsEntries, baseEntries) : new Map<Token, Token>();

  /** The version kept of each entry, by the host token it replaces (undefined: removed), and the guest versions to insert. */
  const replacement = new Map<Token, Token | undefined>();
  const insert: Token[] = [];
  const decide = (mine: Token | undefined, other: Token | undefined, original: Token | undefined): Token | undefined => {
    const entry = (mine ?? other)!;
    if (mine && other) {
      if (identical(mine, other)) return counts.both++, mine;
      if (original && identical(original, mine)) return counts[other.side as 'ours' | 'theirs']++, other;
      if (original && identical(original, other)) return counts[mine.side as 'ours' | 'theirs']++, mine;
      if (!baseEntries) throw new Unresolvable(`both sides wrote ${describe(entry)} differently, and the markers carry no base to tell which side changed it (git config merge.conflictStyle diff3)`);
      throw new Unresolvable(`both sides changed ${describe(entry)} differently`);
    }
    const only = entry;
    if (original) {
      if (identical(original, only)) return counts.dropped++, undefined;
      throw new Unresolvable(`${only.side === 'ours' ? 'theirs' : 'ours'} removed ${describe(only)}, which ${only.side} changed`);
    }
    counts[only.side as 'ours' | 'theirs']++;
    return only;
  };
  for (const mine of oursEntries) {
    const other = pairs.get(mine);
    const original = oursBase.get(mine) ?? (other && theirsBase.get(other));
    const kept = decide(mine, other, original);
    record(mine, other, kept);
  }
  for (const other of theirsEntries) {
    if (theirsPaired.has(other)) continue;
    record(undefined, other, decide(undefined, other, theirsBase.get(other)));
  }
  function record(mine: Token | undefined, other: Token | undefined, kept: Token | undefined) {
    const hosted = layoutSide === 'ours' ? mine : other;
    if (hosted) {
      // An event whose date or place the other side changed is placed again by TWiR's order.
      const moves = kept && kept !== hosted && kept.entry?.kind === 'event' && (kept.section !== hosted.section || compareEvents(kept.entry, hosted.entry!) !== 0);
      replacement.set(hosted, moves ? undefined : kept);
      if (moves) insert.push(kept!);
    } else if (kept) {
      insert.push(kept);
    }
  }

  for (const slot of slots) slot.entries = slot.entries.flatMap((token) => replacement.get(token) ?? []);
  const guestOrder = guest;
  for (const token of insert) place(token);
  function place(token: Token) {
    const candidates = slots.filter((slot) => slot.section === token.section);
    if (candidates.length === 0) throw new Unresolvable(`${describe(token)} belongs to ${token.section}, which the other side's layout has no place for`);
    if (token.entry?.kind === 'event') {
      const slot = candidates[candidates.length - 1];
      const before = slot.entries.findIndex((other) => other.entry?.kind === 'event' && compareEvents(other.entry, token.entry!) > 0);
      slot.entries.splice(before < 0 ? slot.entries.length : before, 0, token);
      return;
    }
    // A link goes after the entry it followed on its own side, else before the one it preceded, else last.
    const own = guestOrder.includes(token) ? guestOrder : host;
    const at = own.indexOf(token);
    const counterpart = (neighbour: Token) => [...pairs.entries()].find(([a, b]) => a === neighbour || b === neighbour);
    const locate = (neighbour: Token | undefined) => {
      if (!neighbour) return undefined;
      const pair = counterpart(neighbour);
      const versions = new Set([neighbour, ...(pair ?? [])].flatMap((version) => [version, replacement.get(version)]).filter((version): version is Token => version !== undefined));
      for (const slot of candidates) {
        const found = slot.entries.findIndex((entry) => versions.has(entry));
        if (found >= 0) return { slot, found };
      }
      return undefined;
    };
    for (let back = at - 1; back >= 0; back--) {
      const hit = locate(own[back]);
      if (hit) return void hit.slot.entries.splice(hit.found + 1, 0, token);
    }
    for (let ahead = at + 1; ahead < own.length; ahead++) {
      const hit = locate(own[ahead]);
      if (hit) return void hit.slot.entries.splice(hit.found, 0, token);
    }
    const slot = candidates[candidates.length - 1];
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
