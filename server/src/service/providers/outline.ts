import { isCommunitySection } from '../model/sections';
import type { Entry, IssueModel, Section } from '../model/types';
import type { Range } from '../util/text';
import { crateOfTheWeek, ownLinks, quoteOfTheWeek } from './locate';

/** The LSP's SymbolKind numbers used by the outline. */
export const SymbolKinds = { File: 1, Module: 2, Namespace: 3, Package: 4, Event: 24, String: 15, Field: 8 } as const;

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Sections that exist to hold a list: with no entry they are empty, whatever prose they carry. */
const LIST_SECTIONS = new Set<Section['kind']>(['community', 'community-category', 'cft-repo', 'cfp-projects', 'cfp-events', 'approved-rfcs', 'fcp', 'fcp-tracking', 'fcp-group', 'new-rfcs']);

/** Counts what a section holds, including its subsections. */
function countEntries(section: Section): number {
  return section.entries.filter((entry) => entry.kind !== 'none-sentence').length + section.children.reduce((sum, child) => sum + countEntries(child), 0);
}

/** Whether the section's own text (before its subsections) has anything besides comments and blanks. */
function hasOwnText(model: IssueModel, section: Section): boolean {
  for (let line = section.heading.line + 1; line < section.bodyEndLine; line++) {
    const kind = model.lineKinds[line];
    if (kind === 'text' || kind === 'list' || kind === 'quote') return true;
  }
  return false;
}

/** What a prose section holds: the crate, the quote's author, whether the jobs link is filled in. */
function proseDetail(model: IssueModel, section: Section): string | undefined {
  switch (section.kind) {
    case 'crate-of-the-week': {
      const crate = crateOfTheWeek(model, section);
      return crate ? `crate: ${crate.text}` : 'no crate yet';
    }
    case 'quote': {
      const quote = quoteOfTheWeek(model, section);
      return quote ? `quote${quote.author ? ` by ${quote.author.text}` : ''}` : 'no quote yet';
    }
    case 'jobs':
      return ownLinks(model, section).some((link) => /_HERE$/.test(link.url)) ? 'thread link missing' : undefined;
    default:
      return undefined;
  }
}

/** How many items of the section (with its subsections) carry a submerge marker: the links that came from PRs. */
function fromPullRequests(model: IssueModel, section: Section): number {
  const marked = model.markers.filter((marker) => marker.depth === 1 && marker.item!.start.line > section.heading.line && marker.item!.start.line < section.endLine);
  return new Set(marked.map((marker) => marker.item!.start.line)).size;
}

function sectionDetail(model: IssueModel, section: Section): string {
  const count = countEntries(section);
  const region = model.events?.regions.find((candidate) => candidate.section === section);
  if (region) return count === 0 ? 'empty region' : plural(region.events.length, 'event');
  if (section.kind === 'events' && model.events) {
    const total = model.events.regions.reduce((sum, candidate) => sum + candidate.events.length, 0);
    const window = model.events.window?.start && model.events.window.end ? ` · ${model.events.window.text.replace(/^.*between\s+/, '').replace(/\s*(🦀|ðŸ¦€)?\s*$/u, '')}` : '';
    return `${plural(total, 'event')}${window}`;
  }
  const prose = proseDetail(model, section);
  if (prose !== undefined) return prose;
  const prs = isCommunitySection(section.kind) ? fromPullRequests(model, section) : 0;
  if (prs > 0) return `${plural(count, 'link')} · ${prs === 1 ? '1 from a PR' : `${prs} from PRs`}`;
  if (count > 0) return plural(count, 'entry', 'entries');
  if (section.noneSentence) return 'none this week';
  if (section.children.length > 0) return '';
  if (!LIST_SECTIONS.has(section.kind) && hasOwnText(model, section)) return '';
  return 'empty';
}

function eventSymbol(entry: Entry): OutlineSymbol {
  const event = entry.event!;
  const date = event.date?.text || '(no date)';
  const group = event.groups.map((link) => link.text).join(' + ') || event.fields[2]?.text || '(no group)';
  const title = event.titles.map((link) => link.text).join(' + ');
  return {
    name: `${date} · ${group}`,
    detail: [event.location?.text, title].filter(Boolean).join(' — '),
    kind: SymbolKinds.Event,
    range: entry.range,
    selectionRange: event.date?.range ?? entry.range,
    children: [],
  };
}

function sectionSymbol(model: IssueModel, section: Section): OutlineSymbol {
  const children = section.children.map((child) => sectionSymbol(model, child));
  if (section.kind === 'events-region' && !model.events?.legacy) {
    for (const entry of section.entries) if (entry.event) children.push(eventSymbol(entry));
  }
  return {
    name: section.heading.text || '(untitled)',
    detail: sectionDetail(model, section),
    kind: section.heading.level <= 2 ? SymbolKinds.Module : SymbolKinds.Namespace,
    range: section.range,
    selectionRange: section.heading.range,
    children,
  };
}

/** The issue's outline: the issue itself (number and date), its sections, regions and events. */
export function outline(model: IssueModel): OutlineSymbol[] {
  const sections = model.sections.map((section) => sectionSymbol(model, section));
  const header = model.header;
  if (!header) return sections;
  const number = header.issueNumber ?? header.number?.value;
  const date = header.date?.value;
  const lastLine = model.lines.lineCount - 1;
  return [
    {
      name: model.isTemplate ? 'This Week in Rust draft template' : number !== undefined ? `This Week in Rust ${number}` : (header.title?.value ?? 'This Week in Rust'),
      detail: model.isTemplate ? '' : (date ?? ''),
      kind: SymbolKinds.File,
      range: { start: { line: 0, character: 0 }, end: { line: lastLine, character: model.lines.lineText(lastLine).length } },
      selectionRange: header.range,
      children: sections,
    },
  ];
}
