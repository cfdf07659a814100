/**
 * Property: never lose a side. Two random edits of a real issue — each side adds, removes or
 * changes entries in the same list sections (community links, CFP projects, events regions) — are
 * merged by the merge driver's three-way merge (which resolves conflicts by the sections' rules).
 * The result holds every entry either side added or changed; no entry either side removed, unless
 * the other changed it (then both stay, in a conflict); and no finding (rule and line) that
 * neither side had.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeIssue } from '../../server/src/service/commands/conflicts/three-way';
import { lint } from '../../server/src/service/lint';
import { buildModel } from '../../server/src/service/model/build';
import type { Entry, IssueModel, SectionKind } from '../../server/src/service/model/types';
import { regionNamed } from '../../server/src/service/rules/events/common';
import { readFixture } from '../unit/fixtures';
import { runs, seed } from './documents';

const LIST_KINDS: ReadonlySet<SectionKind> = new Set(['community-category', 'cfp-projects', 'events-region']);

/** The issues edited: the draft of 2026-08-26 (events, empty categories) and two published issues (every section full). */
const BASES = ['draft/2026-08-26-this-week-in-rust.md', 'recent/2026-08-19-this-week-in-rust.md', 'recent/2026-01-14-this-week-in-rust.md'].map(readFixture);
/** Where added entries come from: the same sections of other weeks. */
const DONORS = ['recent/2026-07-29-this-week-in-rust.md', 'recent/2026-08-05-this-week-in-rust.md', 'recent/2026-08-12-this-week-in-rust.md', 'recent/2026-02-11-this-week-in-rust.md'].map(readFixture);

const textOf = (model: IssueModel, entry: Entry) => Array.from({ length: entry.endLine - entry.line + 1 }, (_, offset) => model.lines.lineText(entry.line + offset)).join('\n');

/** Entries of the donors per section name, for additions: none is in any base. */
const POOL = new Map<string, string[]>();
{
  const inBases = new Set(BASES.flatMap(({ text }) => text.split('\n')));
  for (const donor of DONORS) {
    const model = buildModel(donor.text);
    for (const entry of model.entries) {
      if (!LIST_KINDS.has(entry.section.kind) || (entry.kind !== 'community-link' && entry.kind !== 'event' && entry.kind !== 'cfp-project')) continue;
      const text = textOf(model, entry);
      if (text.split('\n').some((line) => inBases.has(line))) continue;
      const name = entry.section.kind === 'events-region' ? (regionNamed(entry.section.heading.text) ?? '') : entry.section.heading.text;
      POOL.set(name, [...new Set([...(POOL.get(name) ?? []), text])]);
    }
  }
}

type Operation = { kind: 'add' | 'remove' | 'change'; section: number; at: number; pick: number };
const where = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const operation: fc.Arbitrary<Operation> = fc.record({ kind: fc.constantFrom('add' as const, 'remove' as const, 'change' as const), section: where, at: where, pick: where });

interface Side {
  text: string;
  /** Entries the side added or changed (their new text). */
  written: string[];
  /** Entries the side removed or changed (their text in the base). */
  gone: string[];
}

/** Applies a side's operations to the base, on sections chosen among `sections`; entries touched once each. */
function edit(base: IssueModel, sections: readonly string[], operations: readonly Operation[], side: 'ours' | 'theirs'): Side {
  const lines = base.text.split('\n');
  const touched = new Set<Entry>();
  const inserts = new Map<number, string[]>();
  const replaced = new Map<number, string[] | null>();
  const written: string[] = [];
  const gone: string[] = [];
  const allLines = base.text.split('\n');
  const unique = (entry: Entry) => textOf(base, entry).split('\n').every((line) => allLines.filter((other) => other === line).length === 1);
  for (const op of operations) {
    const name = sections[Math.floor(op.section * sections.length)];
    const section = base.allSections.find((candidate) => candidate.heading.text === name)!;
    const entries = section.entries.filter((entry) => entry.kind !== 'none-sentence' && entry.kind !== 'stray-line');
    if (op.kind === 'add') {
      const key = section.kind === 'events-region' ? regionNamed(name)! : name;
      // Each side adds from its own half of the pool: two sides adding one link at two places is git's clean merge, not a conflict.
      const pool = (POOL.get(key) ?? []).filter((_, index) => index % 2 === (side === 'ours' ? 0 : 1));
      if (pool.length === 0) continue;
      const text = pool[Math.floor(op.pick * pool.length)];
      if (written.includes(text)) continue;
      const before = entries[Math.floor(op.at * (entries.length + 1))];
      const line = before ? before.line : (entries.length > 0 ? entries[entries.length - 1].endLine + 1 : section.heading.line + 1);
      inserts.set(line, [...(inserts.get(line) ?? []), ...text.split('\n')]);
      written.push(text);
      continue;
    }
    const candidates = entries.filter((entry) => !touched.has(entry) && unique(entry));
    if (candidates.length === 0) continue;
    const entry = candidates[Math.floor(op.at * candidates.length)];
    touched.add(entry);
    gone.push(textOf(base, entry));
    if (op.kind === 'remove') {
      for (let line = entry.line; line <= entry.endLine; line++) replaced.set(line, null);
    } else {
      // The first link's text changes: a retitled link, a renamed group.
      const changed = textOf(base, entry).replace(/\[([^\]]+)\]/, `[$1 (${side})]`);
      changed.split('\n').forEach((text, offset) => replaced.set(entry.line + offset, [text]));
      written.push(changed);
    }
  }
  const out: string[] = [];
  lines.forEach((text, line) => {
    out.push(...(inserts.get(line) ?? []));
    const replacement = replaced.get(line);
    if (replacement === undefined) out.push(text);
    else if (replacement) out.push(...replacement);
  });
  return { text: out.join('\n'), written, gone };
}

/** What lint says, as rule and line text: a finding is the same wherever its line moved. */
function findings(text: string, fileName: string): Set<string> {
  return new Set(
    lint(buildModel(text, { fileName }), { reuse: false })
      .diagnostics.filter((diagnostic) => diagnostic.rule !== 'text/merge-conflict')
      .map((diagnostic) => `${diagnostic.rule}\t${text.split('\n')[diagnostic.range.start.line]}`),
  );
}

/** The text outside conflict markers' blocks. */
function outsideConflicts(text: string): string {
  return text.replace(/^<{7} [^\n]*\n[\s\S]*?^>{7} [^\n]*\n/gm, '');
}

describe('property: a merge by the sections\' rules never loses a side', () => {
  it('every entry added or changed is kept, none removed comes back, no new finding', () => {
    const models = BASES.map(({ text, fileName }) => ({ model: buildModel(text, { fileName }), fileName }));
    fc.assert(
      fc.property(
        fc.record({ base: fc.integer({ min: 0, max: BASES.length - 1 }), sections: fc.array(where, { minLength: 1, maxLength: 2 }), ours: fc.array(operation, { minLength: 1, maxLength: 4 }), theirs: fc.array(operation, { minLength: 1, maxLength: 4 }) }),
        (choice) => {
          const { model, fileName } = models[choice.base];
          const lists = [...new Set(model.allSections.filter((section) => LIST_KINDS.has(section.kind)).map((section) => section.heading.text))];
          const sections = [...new Set(choice.sections.map((at) => lists[Math.floor(at * lists.length)]))];
          const ours = edit(model, sections, choice.ours, 'ours');
          const theirs = edit(model, sections, choice.theirs, 'theirs');
          const merged = mergeIssue(model.text, ours.text, theirs.text, { fileName });
          // Line by line: a conflict left between two versions of an event may hold only the line they wrote differently.
          const mergedLines = new Set(merged.text.split('\n'));
          for (const text of [...ours.written, ...theirs.written]) for (const line of text.split('\n')) expect(mergedLines.has(line), `a line of an entry a side added or changed: ${line}`).toBe(true);
          const outside = outsideConflicts(merged.text);
          for (const text of [...ours.gone, ...theirs.gone]) expect(outside.includes(`${text}\n`), `an entry a side removed or changed is back: ${text}`).toBe(false);
          const before = new Set([...findings(ours.text, fileName), ...findings(theirs.text, fileName)]);
          const added = [...findings(merged.text, fileName)].filter((finding) => !before.has(finding));
          expect(added, 'findings that neither side had').toEqual([]);
        },
      ),
      { numRuns: runs(40), seed: seed() },
    );
  }, 600_000);
});
