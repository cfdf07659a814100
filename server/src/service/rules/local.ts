import { isInCommunityText } from '../model/sections';
import type { IssueModel, Section } from '../model/types';
import { ownCopy, type Range } from '../util/text';
import { perModel } from './per-model';
import type { LineSpan } from './span';
import type { EarlierIssue, Finding, Rule } from './types';

/**
 * A run of lines whose findings are reused together: one or more parsed segments that no entry
 * crosses (an event's title line may start a segment of its own), or the header.
 */
interface Unit extends LineSpan {
  /** The segments' identities; none for the header, which is checked every time. */
  readonly keys: readonly object[];
  /** What else a local rule may read: the header and the file (the same string for equal text, see `interned`). */
  readonly document: string;
  /** … and the sections the lines are in. */
  readonly sections: string;
}

/** Equal strings as one string, so that comparing contexts is comparing pointers. */
const internedStrings = new Map<string, string>();
function interned(text: string): string {
  const known = internedStrings.get(text);
  if (known !== undefined) return known;
  // A bound, as the rules' caches have: ten large issues' worth of sections.
  if (internedStrings.size > 10_000) internedStrings.clear();
  // It outlives the version: no slice of the document (the header) may keep the document alive.
  const own = ownCopy(text);
  internedStrings.set(own, own);
  return own;
}

/**
 * The units of a model: the header, then the body's segments, joined where an entry runs from one
 * into the next.
 */
export const unitsOf = perModel((model: IssueModel): readonly Unit[] => {
  const units: Unit[] = [];
  const document = interned(documentContextOf(model));
  const sectionContext = sectionContexts(model);
  if (model.bodyStartLine > 0) units.push({ from: 0, to: model.bodyStartLine, keys: [], document, sections: '' });
  const segments = model.segments;
  const joined = new Set<number>();
  let next = 0;
  for (const entry of model.entries) {
    if (entry.endLine === entry.line) continue;
    while (next < segments.length && segments[next].line <= entry.line) next++;
    for (let index = next; index < segments.length && segments[index].line <= entry.endLine; index++) joined.add(index);
  }
  for (let index = 0; index < segments.length; index++) {
    const from = segments[index].line;
    const keys = [segments[index].key];
    while (joined.has(index + 1)) keys.push(segments[++index].key);
    const to = index + 1 < segments.length ? segments[index + 1].line : model.lines.lineCount;
    units.push({ from, to, keys, document, sections: sectionContext(from, to) });
  }
  return units;
});

/** What the findings of a local rule may depend on outside its lines, of the document as a whole. */
function documentContextOf(model: IssueModel): string {
  const header = model.text.slice(0, model.lines.starts[model.bodyStartLine] ?? model.text.length);
  // A definition's URL counts as a community link's when a reference link there uses it.
  const communityReferences = model.links
    .filter((link) => link.kind === 'reference' && link.definition && isInCommunityText(model, link.line))
    .map((link) => link.definition!.label);
  return [header, model.fileName, model.folder, model.isTemplate, model.events?.legacy, model.eol, model.bom, communityReferences.join(',')].join('\u0001');
}

/**
 * For a span, the sections its lines are in, as text (interned): each one's kind and heading, with
 * their parents'. Spans are asked for in document order; most lie in one section, whose text is
 * made once per version.
 */
function sectionContexts(model: IssueModel): (from: number, to: number) => string {
  const chains = new Map<Section, string>();
  const chainOf = (section: Section | undefined): string => {
    if (!section) return '';
    let chain = chains.get(section);
    if (chain === undefined) chains.set(section, (chain = interned(`${chainOf(section.parent)}\u0001${section.kind}\u0001${section.heading.text}`)));
    return chain;
  };
  const sections = model.allSections;
  let current = -1;
  return (from, to) => {
    while (current + 1 < sections.length && sections[current + 1].heading.line <= from) current++;
    let context = chainOf(sections[current]);
    let inside = false;
    for (let index = current + 1; index < sections.length && sections[index].heading.line < to; index++) {
      context += `\u0002${chainOf(sections[index])}`;
      inside = true;
    }
    return inside ? interned(context) : context;
  };
}

/** What a unit's local rules found, by rule id, with the unit as it was then. */
interface Reused {
  readonly unit: Unit;
  readonly findings: Map<string, readonly Finding[]>;
}

/** By the unit's first segment. */
const reusedUnits = new WeakMap<object, Reused>();

/**
 * The findings of local rules, checking only the units that changed since a version (of any
 * document) with the same segments in the same context; the others' findings are moved to their
 * lines. Findings are shared between versions: they must not be changed. A rule that throws is
 * given as its error.
 */
export function localFindings(rules: readonly Rule[], model: IssueModel, recentIssues: readonly EarlierIssue[]): Map<Rule, Finding[] | { error: unknown }> {
  const found = rules.map((): Finding[] => []);
  const errors: unknown[] = [];
  for (const unit of unitsOf(model)) {
    let known = unit.keys.length > 0 ? reusedUnits.get(unit.keys[0]) : undefined;
    if (known && !sameContext(known.unit, unit)) known = undefined;
    if (!known && unit.keys.length > 0) reusedUnits.set(unit.keys[0], (known = { unit, findings: new Map() }));
    const lines = known ? unit.from - known.unit.from : 0;
    rules.forEach((rule, index) => {
      if (index in errors) return;
      const out = found[index];
      const reused = known?.findings.get(rule.id);
      if (reused) {
        for (const finding of reused) out.push(lines === 0 ? finding : moveFinding(finding, lines));
        return;
      }
      let checked;
      try {
        checked = rule.check({ model, recentIssues, span: unit });
      } catch (error) {
        errors[index] = error;
        return;
      }
      // Kept only where the unit is now (the findings of a unit that moved are its old lines'), and
      // with their own strings: messages built from the line's text must not keep the document alive.
      if (lines === 0 && known) known.findings.set(rule.id, (checked = checked.map(detached)));
      for (const finding of checked) out.push(finding);
    });
  }
  return new Map(rules.map((rule, index) => [rule, index in errors ? { error: errors[index] } : found[index]]));
}

function sameContext(a: Unit, b: Unit): boolean {
  if (a.document !== b.document || a.sections !== b.sections || a.keys.length !== b.keys.length) return false;
  for (let index = 0; index < a.keys.length; index++) if (a.keys[index] !== b.keys[index]) return false;
  return true;
}

function moveRange(range: Range, lines: number): Range {
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}

/** The finding with copies of its strings. */
function detached(finding: Finding): Finding {
  const fix = finding.fix && { ...finding.fix, title: ownCopy(finding.fix.title), edits: finding.fix.edits.map((edit) => ({ ...edit, newText: ownCopy(edit.newText) })) };
  return { ...finding, message: ownCopy(finding.message), ...(fix ? { fix } : {}) };
}

/** The finding (with its fix) moved down by `lines` lines. */
function moveFinding(finding: Finding, lines: number): Finding {
  const fix = finding.fix && {
    ...finding.fix,
    edits: finding.fix.edits.map((edit) => ({ ...edit, range: moveRange(edit.range, lines) })),
    ...(finding.fix.scope ? { scope: finding.fix.scope.map((range) => moveRange(range, lines)) } : {}),
  };
  return { ...finding, range: moveRange(finding.range, lines), ...(fix ? { fix } : {}) };
}
