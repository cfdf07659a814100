import type { Entry, IssueModel, Link, Section } from '../model/types';
import { rangeContains, type Position } from '../util/text';

/** The innermost section holding the line (its heading line included). */
export function sectionAt(model: IssueModel, line: number): Section | undefined {
  let found: Section | undefined;
  for (const section of model.allSections) {
    if (section.heading.line <= line && line < section.endLine && (!found || section.heading.level > found.heading.level)) found = section;
  }
  return found;
}

/** The top-level sections' path to a section: `Upcoming Events › Europe`. */
export function sectionPath(section: Section): string {
  const names: string[] = [];
  for (let current: Section | undefined = section; current; current = current.parent) names.unshift(current.heading.text);
  return names.join(' › ');
}

export function linkAt(model: IssueModel, position: Position): Link | undefined {
  return model.links.find((link) => link.line === position.line && rangeContains(link.range, position));
}

export function entryAt(model: IssueModel, line: number): Entry | undefined {
  return model.entries.find((entry) => entry.line <= line && line <= entry.endLine);
}


/** The links in the section's own text (before its subsections), outside comments. */
export function ownLinks(model: IssueModel, section: Section): Link[] {
  return model.links.filter((link) => link.line > section.heading.line && link.line < section.bodyEndLine && model.lineKinds[link.line] !== 'comment');
}

/** The crate of the week's link: the first link that is not the call to submit or vote. */
export function crateOfTheWeek(model: IssueModel, section: Section): Link | undefined {
  return ownLinks(model, section).find((link) => !/submit|vote/i.test(link.text));
}

/** The quote of the week, when the section quotes something, with its author's link (`– [name](…)`). */
export function quoteOfTheWeek(model: IssueModel, section: Section): { author?: Link } | undefined {
  if (!model.lineKinds.slice(section.heading.line + 1, section.bodyEndLine).includes('quote')) return undefined;
  return { author: ownLinks(model, section).find((link) => /^\s*[–—-]\s*\[/.test(model.lines.lineText(link.line))) };
}
