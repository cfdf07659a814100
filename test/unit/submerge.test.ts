/**
 * Drafts built with submerge: real issues of the fixtures with community links taken out and put
 * back by `submerge fetch` (marked, after their category's heading), then damaged as an editor
 * may damage them. Every marker is read; no rule but submerge/* reports one; fix-all and the
 * events commands keep every marker on its item and delete no marked item.
 */
import { describe, expect, it } from 'vitest';
import { fixedByFixAll } from '../../server/src/service/actions';
import { applyRuleFixes, OUT_OF_WINDOW_RULE, SORT_EVENTS_RULE } from '../../server/src/service/commands/events';
import { fixUntilStable } from '../../server/src/service/fix-all';
import { lint } from '../../server/src/service/lint';
import { buildModel } from '../../server/src/service/model/build';
import type { IssueModel } from '../../server/src/service/model/types';
import { publishReadiness } from '../../server/src/service/commands/readiness';
import { hover } from '../../server/src/service/providers/hover';
import { outline, type OutlineSymbol } from '../../server/src/service/providers/outline';
import { applyEdits } from '../../server/src/service/rules/fixes';
import { fetchInto, markerOf, shaOf, type Submission } from '../../server/src/service/rules/submerge/testing';
import { readFixture } from './fixtures';

const MARKER = /[ \t]*<!-- url=\S+ submerge-pr=[^\n]*? -->/g;

/** The text as `submerge merge` leaves it: every marker removed with the blanks before it. */
const withoutMarkers = (text: string) => text.replace(MARKER, '');

/**
 * A draft as `submerge fetch` makes it from a real issue: every other top-level link of the
 * community categories is taken out (the PRs still open) and fetched back with its marker.
 */
function fetchedDraft(name: string): { fileName: string; text: string; submissions: Submission[] } {
  const { fileName, text } = readFixture(name);
  const model = buildModel(text, { fileName });
  const submissions: Submission[] = [];
  const taken = new Set<number>();
  let pr = 8000;
  for (const section of model.allSections) {
    if (section.parent?.heading.text !== 'Updates from Rust Community') continue;
    section.entries.forEach((entry, index) => {
      if (index % 2 === 1 || entry.kind !== 'community-link') return;
      pr += 7;
      const item = Array.from({ length: entry.endLine - entry.line + 1 }, (_, at) => model.lines.lineText(entry.line + at)).join('\n');
      // PR titles are free text: the first has HTML, backticks (an odd number) and a `-->`.
      const title = submissions.length === 0 ? 'Add `Vec<T>` in <details> --> and a stray ` too' : `Add ${entry.links[0]?.text ?? 'a link'}`;
      submissions.push({ pr, section: section.heading.text, item, author: `author-${pr}`, title });
      for (let line = entry.line; line <= entry.endLine; line++) taken.add(line);
    });
  }
  const base = model.lines.starts.map((_, line) => (taken.has(line) ? '' : model.lines.lineWithBreak(line))).join('');
  return { fileName, text: fetchInto(base, submissions), submissions };
}

const DRAFTS = ['recent/2026-07-15-this-week-in-rust.md', 'recent/2026-03-04-this-week-in-rust.md', 'published/2026-08-19-this-week-in-rust.md'];

/** Each marker with the text of the first link on its line: the item it must stay on. */
function markedLinks(model: IssueModel): string[] {
  return model.markers.map((marker) => `${marker.pr?.number ?? marker.text} → ${model.links.find((link) => link.line === marker.line)?.text ?? model.lines.lineText(marker.line).replace(MARKER, '')}`);
}

/** The findings by line (columns after a marker move when it goes). */
const diagnosticsOf = (model: IssueModel, keep: (rule: string) => boolean) =>
  lint(model).diagnostics.filter((diagnostic) => keep(diagnostic.rule)).map((diagnostic) => `${diagnostic.range.start.line + 1} ${diagnostic.rule} ${diagnostic.message}`);

const isSubmerge = (rule: string) => rule.startsWith('submerge/');

function expectMarkersKept(before: IssueModel, after: IssueModel): void {
  expect(markedLinks(after).sort()).toEqual(markedLinks(before).sort());
  for (const marker of before.markers) expect(after.text).toContain(marker.text);
}

/** Damages of a fetched draft, each with what submerge/marker says about it. */
const DAMAGES: { name: string; damage: (text: string, submissions: Submission[]) => string; expected: RegExp[] }[] = [
  { name: 'well-formed', damage: (text) => text, expected: [] },
  {
    name: 'well-formed, with mistakes on marked lines that fix-all repairs',
    damage: (text, [first, second, third]) =>
      text
        .replace(` ${markerOf(first)}`, ` ${markerOf(first)}  `)
        .replace(` ${markerOf(second)}`, ` [Video] ${markerOf(second)}`)
        .replace(new RegExp(`\\]\\(https://([^)]*\\) ${markerOf(third).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`), '](hhttps://$1'),
    expected: [],
  },
  {
    name: 'malformed (a sha cut short)',
    damage: (text, [first]) => text.replace(shaOf(first.pr), shaOf(first.pr).slice(1)),
    expected: [/"malformed submerge marker".*`sha=`/],
  },
  {
    name: 'outside an item (on a line of its own)',
    damage: (text, [, second]) => text.replace(` ${markerOf(second)}`, '').replace('\n## Crate of the Week', `\n${markerOf(second)}\n\n## Crate of the Week`),
    expected: [/"submerge marker appears outside a list item"/],
  },
  {
    name: 'on a nested item',
    damage: (text, [, , third]) => {
      const line = text.split('\n').find((candidate) => candidate.includes(markerOf(third)))!;
      return text.replace(line, `${line.replace(` ${markerOf(third)}`, '')}\n    * [part 2](https://example.com/part-2) ${markerOf(third)}`);
    },
    expected: [/PR #\d+ stays open/],
  },
  {
    name: 'duplicated (an item copied)',
    damage: (text, [first]) => {
      const line = text.split('\n').find((candidate) => candidate.includes(markerOf(first)))!;
      return text.replace(line, `${line}\n${line}`);
    },
    expected: [/"duplicate marker for PR #\d+"/],
  },
];

describe('drafts built with submerge fetch', () => {
  it('fix-all has something to do on marked lines', () => {
    const draft = fetchedDraft(DRAFTS[0]);
    const text = DAMAGES[1].damage(draft.text, draft.submissions);
    const model = buildModel(text, { fileName: draft.fileName, folder: 'draft' });
    const fixed = fixUntilStable(model, lint(model), {}).model;
    expect(withoutMarkers(fixed.text)).toBe(withoutMarkers(fixUntilStable(buildModel(withoutMarkers(text)), lint(buildModel(withoutMarkers(text))), {}).model.text));
    for (const rule of ['text/trailing-space', 'links/prefix', 'links/malformed']) expect(lint(model).diagnostics.some((diagnostic) => diagnostic.rule === rule && model.markers.some((marker) => marker.line === diagnostic.range.start.line))).toBe(true);
  });

  for (const name of DRAFTS) {
    const draft = fetchedDraft(name);
    describe(name, () => {
      it('holds the links of the PRs, each marked at the end of its first line', () => {
        const model = buildModel(draft.text, { fileName: draft.fileName, folder: 'draft' });
        expect(draft.submissions.length).toBeGreaterThan(3);
        expect(model.markers.map((marker) => marker.pr?.number)).toEqual(expect.arrayContaining(draft.submissions.map((submission) => submission.pr)));
        expect(model.markers.every((marker) => marker.depth === 1 && marker.section !== undefined && marker.line === marker.item!.start.line)).toBe(true);
        const first = model.markers.find((marker) => marker.pr?.number === draft.submissions[0].pr)!;
        expect(first.pr).toEqual({
          number: draft.submissions[0].pr,
          url: `https://github.com/rust-lang/this-week-in-rust/pull/${draft.submissions[0].pr}`,
          sha: shaOf(draft.submissions[0].pr),
          author: draft.submissions[0].author,
          title: 'Add `Vec<T>` in <details> -- > and a stray ` too',
        });
      });

      for (const { name: damageName, damage, expected } of DAMAGES) {
        describe(damageName, () => {
          const text = damage(draft.text, draft.submissions);
          const model = buildModel(text, { fileName: draft.fileName, folder: 'draft' });

          it('submerge/marker says what submerge merge would', () => {
            const found = lint(model).diagnostics.filter((diagnostic) => diagnostic.rule === 'submerge/marker');
            expect(found.map((diagnostic) => diagnostic.message)).toEqual(expected.map((pattern) => expect.stringMatching(pattern)));
          });

          it('no other rule reports a marker: the findings are those of the text without markers', () => {
            const merged = buildModel(withoutMarkers(text), { fileName: draft.fileName, folder: 'draft' });
            expect(diagnosticsOf(model, (rule) => !isSubmerge(rule))).toEqual(diagnosticsOf(merged, () => true));
          });

          it('fix-all keeps every marker on its item and deletes no marked item', () => {
            const fixed = fixUntilStable(model, lint(model), {});
            expect(fixed.unsettled ?? fixed.heldBack).toBeUndefined();
            expectMarkersKept(model, fixed.model);
          });
        });
      }
    });
  }

  it('a marked duplicate is reported; removing it is offered alone, saying the PR is left unmerged', () => {
    const draft = fetchedDraft(DRAFTS[0]);
    const [first] = draft.submissions;
    const line = draft.text.split('\n').find((candidate) => candidate.includes(markerOf(first)))!;
    const copy = line.replace(markerOf(first), markerOf({ pr: 9999, author: 'late', title: 'The same link again' }));
    const model = buildModel(draft.text.replace(line, `${line}\n${copy}`), { fileName: draft.fileName, folder: 'draft' });
    const duplicate = lint(model).diagnostics.find((diagnostic) => diagnostic.rule === 'links/duplicate' && diagnostic.range.start.line === model.markers.find((marker) => marker.pr?.number === 9999)!.line)!;
    expect(duplicate.fix!.title).toBe('Remove this entry (PR #9999 will be left unmerged)');
    expect(fixedByFixAll(duplicate)).toBe(false);
    // Asked for, the fix removes the item and its marker.
    const removed = buildModel(applyEdits(model.text, model.lines, duplicate.fix!.edits));
    expect(removed.markers.map((marker) => marker.pr?.number)).not.toContain(9999);
    expect(removed.markers).toHaveLength(model.markers.length - 1);
  });
});

describe('markers outside the community sections', () => {
  it('are reported by submerge/marker alone, on every list line of the draft (events, CFPs, RFCs…)', () => {
    const { fileName, text } = readFixture('draft/2026-08-26-this-week-in-rust.md');
    const plain = buildModel(text, { fileName });
    let pr = 0;
    // A PR title with a `|`, as a field separator of events and CFPs would read it.
    const lines = text.split('\n').map((line, at) => (plain.lineKinds[at] === 'list' ? `${line} ${markerOf({ pr: ++pr, title: 'Add a | b' })}` : line));
    const model = buildModel(lines.join('\n'), { fileName, folder: 'draft' });
    expect(model.markers).toHaveLength(pr);
    expect(pr).toBeGreaterThan(100);
    expect(diagnosticsOf(model, (rule) => !isSubmerge(rule))).toEqual(diagnosticsOf(plain, () => true));
    expect(new Set(lint(model).diagnostics.filter((diagnostic) => diagnostic.rule === 'submerge/marker').map((diagnostic) => diagnostic.range.start.line))).toHaveProperty('size', pr);
  });
});

describe('events commands on a draft with markers', () => {
  // Markers do not belong on events (submerge/marker says so), but a command must still keep them.
  const { fileName, text } = readFixture('draft/2026-08-26-this-week-in-rust.md');
  const lines = text.split('\n');
  const at = (prefix: string) => lines.findIndex((line) => line.startsWith(prefix));
  const rustDc = at('* 2026-09-15 | Virtual (Washington');
  const maven = at('* 2026-09-10 | Virtual | [Rust 🦀 Maven]');
  const bangalore = at('* 2026-08-22 | Bangalore');
  lines[rustDc] += ` ${markerOf({ pr: 1 })}`;
  lines[rustDc + 1] += ` ${markerOf({ pr: 2 })}`;
  lines[maven] += ` ${markerOf({ pr: 3 })}`;
  lines[bangalore] += ` ${markerOf({ pr: 4 })}`;
  // Rust DC (2026-09-15) before Rust Maven (2026-09-10): out of order.
  const [dc, dcTitle] = lines.splice(rustDc, 2);
  lines.splice(maven, 0, dc, dcTitle);
  const model = buildModel(lines.join('\n'), { fileName, folder: 'draft' });

  it('Sort Events moves each event with its markers', () => {
    const result = applyRuleFixes(model, SORT_EVENTS_RULE);
    if ('error' in result) throw new Error(result.error);
    const sorted = buildModel(applyEdits(model.text, model.lines, result.edits));
    expect(sorted.text).not.toBe(model.text);
    expectMarkersKept(model, sorted);
    const title = sorted.markers.find((marker) => marker.pr?.number === 2)!;
    expect(sorted.lines.lineText(title.line - 1)).toContain('[Rust DC]');
  });

  it('moving an event to its region, and putting the regions in order, carry its markers', () => {
    // Johannesburg (Africa) written under Virtual, and Africa after Asia.
    const moved = [...lines];
    const johannesburg = moved.findIndex((line) => line.startsWith('* 2026-09-08 | Johannesburg'));
    moved[johannesburg] += ` ${markerOf({ pr: 5 })}`;
    const [event, title] = moved.splice(johannesburg, 2);
    moved.splice(moved.indexOf('### Africa'), 0, event, title, '');
    const asia = moved.indexOf('### Asia');
    const asiaBlock = moved.splice(asia, moved.indexOf('### Europe') - asia);
    moved.splice(moved.indexOf('### Africa'), 0, ...asiaBlock);
    const before = buildModel(moved.join('\n'), { fileName, folder: 'draft' });
    const diagnostics = lint(before).diagnostics;
    const move = diagnostics.find((diagnostic) => diagnostic.rule === 'events/wrong-region' && diagnostic.range.start.line === before.markers.find((marker) => marker.pr?.number === 5)!.line)!;
    expect(move.fix!.title).toBe('Move it to Africa');
    const afterMove = buildModel(applyEdits(before.text, before.lines, move.fix!.edits));
    expectMarkersKept(before, afterMove);
    expect(afterMove.events!.regions.find((region) => region.name === 'Africa')!.events.map((entry) => entry.line)).toContain(afterMove.markers.find((marker) => marker.pr?.number === 5)!.line);
    const order = diagnostics.find((diagnostic) => diagnostic.rule === 'events/region-heading' && diagnostic.fix?.title === 'Put the regions in order')!;
    expectMarkersKept(before, buildModel(applyEdits(before.text, before.lines, order.fix!.edits)));
  });

  it('fix-all removes the past events but not a marked one; Remove Events asks first, naming the PR', () => {
    const fixed = fixUntilStable(model, lint(model), {});
    expectMarkersKept(model, fixed.model);
    expect(fixed.model.text).not.toContain('Rust Delhi X SciPy');
    expect(fixed.model.text).toContain('Bangalore');
    const result = applyRuleFixes(model, OUT_OF_WINDOW_RULE);
    if ('error' in result) throw new Error(result.error);
    expect(result.doubt).toBe('it deletes a submerge marker: PR #4 will be left unmerged');
  });
});

describe('shown: hover, outline and readiness of a fetched draft', () => {
  const draft = fetchedDraft(DRAFTS[0]);
  const [first, second, third] = draft.submissions;
  // The third PR's link copied (the same PR twice), and a marker moved onto a nested item.
  const thirdLine = draft.text.split('\n').find((line) => line.includes(markerOf(third)))!;
  const text = draft.text.replace(thirdLine, `${thirdLine}\n${thirdLine}`).replace(` ${markerOf(second)}`, `\n    * [part 2](https://example.com/part-2) ${markerOf(second)}`);
  const model = buildModel(text, { fileName: draft.fileName, folder: 'draft' });
  const markerOfPr = (pr: number) => model.markers.find((marker) => marker.pr?.number === pr)!;

  it('hover on a marked link or on its marker shows the PR: number as a link, author, title, head commit', () => {
    const marker = markerOfPr(first.pr);
    const link = model.links.find((candidate) => candidate.line === marker.line)!;
    const onLink = hover(model, { line: link.line, character: link.textRange.start.character + 1 })!;
    expect(onLink.markdown).toContain(`From pull request **[#${first.pr}](https://github.com/rust-lang/this-week-in-rust/pull/${first.pr})** by **${first.author}**: Add \\\`Vec\\<T\\>\\\``);
    expect(onLink.markdown).toContain(`Head commit \`${shaOf(first.pr)}\``);
    expect(onLink.markdown).toContain('merged by `submerge merge`');
    expect(onLink.markdown).toContain(`<${link.url}>`);
    const onMarker = hover(model, { line: marker.line, character: marker.range.start.character + 10 })!;
    expect(onMarker.range).toEqual(marker.range);
    expect(onMarker.markdown).toContain(`**[#${first.pr}]`);
    const nested = markerOfPr(second.pr);
    expect(hover(model, { line: nested.line, character: nested.range.start.character + 1 })!.markdown).toContain('skips it, so the PR stays open');
    const plain = model.links.find((candidate) => candidate.line > 0 && !model.markers.some((other) => other.item && other.item.start.line <= candidate.line && candidate.line <= other.item.end.line))!;
    expect(hover(model, plain.range.start)?.markdown ?? '').not.toContain('pull request');
  });

  it('the outline counts the links from PRs in the community sections', () => {
    const [root] = outline(model);
    const community = root.children.find((symbol) => symbol.name === 'Updates from Rust Community')!;
    const marked = new Set(model.markers.filter((marker) => marker.depth === 1).map((marker) => marker.item!.start.line)).size;
    expect(community.detail).toMatch(new RegExp(`^\\d+ links · ${marked} from PRs$`));
    const entries = (symbol: OutlineSymbol) => Number(/^\d+/.exec(symbol.detail ?? '')?.[0] ?? 0);
    expect(entries(community)).toBe(community.children.reduce((sum, child) => sum + entries(child), 0));
    expect(community.children.map((child) => child.detail)).toEqual(expect.arrayContaining([expect.stringMatching(/^\d+ links? · (1 from a PR|\d+ from PRs)$/)]));
  });

  it('readiness lists the PRs submerge merge takes and the marker problems, typed', () => {
    const readiness = publishReadiness(model, lint(model).diagnostics);
    const taken = draft.submissions.filter((submission) => submission !== second).map((submission) => submission.pr);
    expect(readiness.pullRequests.map((pr) => pr.number)).toEqual(taken);
    expect(readiness.pullRequests[0]).toEqual({ ...markerOfPr(first.pr).pr, line: markerOfPr(first.pr).line, section: first.section });
    expect(readiness.items.filter((item) => item.kind === 'pull-request').map((item) => item.line)).toEqual(readiness.pullRequests.map((pr) => pr.line));
    expect(readiness.items.filter((item) => item.kind === 'marker-problem').map(({ line, label, severity, detail }) => ({ line, label, severity, detail }))).toEqual([
      { line: nestedLine(), label: expect.stringContaining('stays open'), severity: 'warning', detail: 'submerge/marker' },
      { line: model.markers.filter((marker) => marker.pr?.number === third.pr)[1].line, label: expect.stringContaining(`"duplicate marker for PR #${third.pr}"`), severity: 'error', detail: 'submerge/marker' },
    ]);
  });
  const nestedLine = () => markerOfPr(second.pr).line;
});
