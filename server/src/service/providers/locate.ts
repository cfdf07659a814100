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

