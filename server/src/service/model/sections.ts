import type { IssueModel, Section, SectionKind } from './types';

/** A section title as sections are recognised: lower case, words only (`Project/Tooling Updates` → `project tooling updates`). */
export const normaliseTitle = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

const TOP_LEVEL: [RegExp, SectionKind][] = [
  [/^updates from (the )?rust community$|^news blog posts$|^blog posts$/, 'community'],
  [/^crates? of the week$/, 'crate-of-the-week'],
  [/^calls? for testing$/, 'calls-for-testing'],
  [/^calls? for participation/, 'cfp'],
  [/^updates from (the )?rust (project|core)$/, 'project-updates'],
  [/^upcoming events$/, 'events'],
  [/^jobs$|^rust jobs$/, 'jobs'],
  [/^quotes? of the week$/, 'quote'],
];

const NESTED: [RegExp, SectionKind][] = [
  [/^(official|foundation|newsletters|project tooling updates|observations thoughts|rust walkthroughs|research|miscellaneous)$/, 'community-category'],
  [/^cfp projects$/, 'cfp-projects'],
  [/^cfp (events|speakers)$/, 'cfp-events'],
  [/^rust compiler performance triage$/, 'perf-triage'],
  [/^approved rfcs$/, 'approved-rfcs'],
  [/^final comment period$/, 'fcp'],
  [/^tracking issues prs$/, 'fcp-tracking'],
  [/^new and updated rfcs$/, 'new-rfcs'],
];

/**
 * What a section is, from its title, its parent and the section before it (TWiR's tree, and the
 * older trees). An unknown section right after the community ones is a category invented for one
 * issue (2024-11-20 has `## EuroRust 2024` there).
 */
export function classifySection(title: string, parentKind: SectionKind | undefined, previousKind?: SectionKind): SectionKind {
  const text = normaliseTitle(title);
  for (const [pattern, kind] of NESTED) if (pattern.test(text)) return kind;
  for (const [pattern, kind] of TOP_LEVEL) if (pattern.test(text)) return kind;
  if (previousKind === 'community' || previousKind === 'community-category') return 'community-category';
  switch (parentKind) {
    case 'community':
      return 'community-category';
    case 'calls-for-testing':
      return 'cft-repo';
    case 'events':
      return 'events-region';
    case 'fcp':
    case 'fcp-tracking':
    case 'fcp-group':
      return 'fcp-group';
    default:
      return 'other';
  }
}

/** Sections whose entries are community links checked as TWiR's CI checks them. */
export function isCommunitySection(kind: SectionKind): boolean {
  return kind === 'community' || kind === 'community-category';
}

/** The "none this week" sentence of the sections that have one, as the current template words it. */
export const NONE_SENTENCES: Partial<Record<SectionKind, string>> = {
  'cfp-projects': '*No Calls for participation were submitted this week.*',
  'cfp-events': '*No Calls for papers or presentations were submitted this week.*',
  'approved-rfcs': '* *No RFCs were approved this week.*',
  'new-rfcs': '* *No New or Updated RFCs were created this week.*',
};

/** Whether a line is in the own text of a community section (below its heading, above its first subsection's). */
export function isInCommunityText(model: IssueModel, line: number): boolean {
  let section: Section | undefined;
  for (const candidate of model.allSections) {
    if (candidate.heading.line > line) break;
    section = candidate;
  }
  return section !== undefined && isCommunitySection(section.kind) && line > section.heading.line;
}
