import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snippetsText, SNIPPETS_FILE } from '../../snippets/generate';
import { lint } from '../../server/src/service/lint';
import { buildModel } from '../../server/src/service/model/build';
import type { IssueModel, Section } from '../../server/src/service/model/types';
import { SHAPES } from '../../server/src/service/providers/shapes';
import { expandSnippet } from '../../server/src/service/providers/snippet-text';
import { regionsOfCountry } from '../../server/src/service/util/countries';

const FIXTURE = resolve(__dirname, '../fixtures/published/2026-08-19-this-week-in-rust.md');
const FILE_NAME = '2026-08-19-this-week-in-rust.md';
/** The editor's "today": the issue's date. */
const TODAY = { CURRENT_YEAR: '2026', CURRENT_MONTH: '08', CURRENT_DATE: '19' };

/** The lines a snippet replaces in the issue: those of its kind, so the issue reads as it would with it. */
function target(model: IssueModel, prefix: string, sections: readonly string[], text: string): { from: number; to: number } {
  if (prefix === 'twir-header') return { from: 0, to: model.header!.endLine - 1 };
  if (prefix === 'twir-events-window') return { from: model.events!.window!.line, to: model.events!.window!.line };
  if (prefix === 'twir-region') {
    const heading = model.events!.regions.find((region) => region.name === text.replace(/^#+ /, ''))!.section.heading;
    return { from: heading.line, to: heading.line };
  }
  let section: Section | undefined;
  const country = /\| (?:\w+ \()?[^|]*, ([A-Z]{2})\)? \|/.exec(text)?.[1];
  if (sections.includes('events-region')) {
    const name = /^\* [\d -]+ \| (Virtual|Hybrid)/.test(text) ? 'Virtual' : regionsOfCountry(country!)[0];
    section = model.events!.regions.find((region) => region.name === name)!.section;
  } else {
    section = model.allSections.find((candidate) => sections.includes(candidate.kind) && candidate.entries.length > 0) ?? model.allSections.find((candidate) => sections.includes(candidate.kind));
  }
  expect(section, `a section for ${prefix}`).toBeDefined();
  const entries = section!.entries;
  if (entries.length === 0) return { from: section!.heading.line + 1, to: section!.heading.line };
  return { from: entries[0].line, to: entries[entries.length - 1].endLine };
}

describe('snippets', () => {
  it('are the shapes the server completes (regenerate with `npx tsx snippets/generate.ts`)', () => {
    expect(readFileSync(SNIPPETS_FILE, 'utf8')).toBe(snippetsText());
  });

  const snippets = JSON.parse(snippetsText()) as Record<string, { prefix: string; body: string[] }>;
  const text = readFileSync(FIXTURE, 'utf8');
  const model = buildModel(text, { fileName: FILE_NAME });
  const lines = text.split('\n');

  it.each(Object.values(snippets).map((snippet) => [snippet.prefix, snippet] as const))('%s expands to lines the rules accept', (prefix, snippet) => {
    const expansion = expandSnippet(snippet.body.join('\n'), TODAY);
    const shape = SHAPES.find((candidate) => candidate.prefix === prefix)!;
    const { from, to } = target(model, prefix, shape.sections, expansion);
    const inserted = expansion.replace(/\n$/, '').split('\n');
    const padding = to < from ? [''] : [];
    const after = [...lines.slice(0, from), ...padding, ...inserted, ...padding, ...lines.slice(to + 1)].join('\n');
    const first = from + padding.length;
    const last = first + inserted.length - 1;
    // The shape of the lines is on trial, not where the test puts them: a group heading the issue
    // already has (`##### [Rust]`) is rightly a duplicate there.
    // Snippets are typed into a draft: the week's tasks (a title still to type, a group still empty) are information there.
    const problems = lint(buildModel(after, { fileName: FILE_NAME, folder: 'draft' }), { rules: { 'section/duplicate-heading': 'off' } }).diagnostics.filter(
      (diagnostic) => (diagnostic.severity === 'error' || diagnostic.severity === 'warning') && diagnostic.range.start.line <= last && diagnostic.range.end.line >= first,
    );
    expect(problems.map((problem) => `${problem.rule} line ${problem.range.start.line + 1}: ${problem.message}`), `${inserted.join('\n')}`).toEqual([]);
    expect(inserted.length).toBeGreaterThan(0);
  });

  it('write event titles nested by 4 spaces under a two-line event', () => {
    for (const shape of SHAPES.filter((candidate) => candidate.sections.includes('events-region') && candidate.prefix.startsWith('twir-event'))) {
      const [overview, title] = expandSnippet(snippets[shape.prefix].body.join('\n'), TODAY).split('\n');
      expect(overview).toMatch(/^\* 2026-08-19( - 2026-08-19)? \| [^|]+ \| \[/);
      expect(title).toMatch(/^ {4}\* \[\*\*[^*]+\*\*\]\(https:\/\//);
    }
  });
});
