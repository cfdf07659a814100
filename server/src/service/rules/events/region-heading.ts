import type { Heading, IssueModel, Region, Section } from '../../model/types';
import { conventionsOf } from '../../conventions';
import { REGIONS } from '../../util/countries';
import { lineSpan } from '../../util/text';
import type { Finding, Fix, Rule } from '../types';
import { lineScope } from '../fixes';
import { currentEvents, permuteBlocks, regionEnd, regionIndex, regionNamed } from './common';

/** Region names of older issues: in a current issue they are unknown, and `Online` is today's `Virtual`. */
const LEGACY_NAMES: Record<string, string | undefined> = { online: 'Virtual', 'asia pacific': undefined };

const rule: Rule = {
  id: 'events/region-heading',
  certainty: 'defect',
  fixable: true,
  docs:
    'The region headings of Upcoming Events: `### Virtual`, then the continents in alphabetical order (Africa, Asia, ' +
    'Europe, North America, Oceania, South America). Reports unknown names, a trailing colon (`### Oceania:` came from ' +
    'a script), a wrong heading level and regions out of order (from mid-2022, when that order settled); fixes ' +
    'rename, strip and reorder where unambiguous.',
  peers: { eventsLint: 'rejects unknown names and `### Oceania:` too; stricter: it does not check the order of regions' },
  example: {
    in: 'events',
    wrong: '### Online\n* 2026-01-20 | Virtual | [Rust Online](https://example.com/online)\n    * [**Rust meetup**](https://example.com/online/1)',
    right: '### Virtual\n* 2026-01-20 | Virtual | [Rust Online](https://example.com/online)\n    * [**Rust meetup**](https://example.com/online/1)',
  },
  check({ model }) {
    const events = currentEvents(model);
    if (!events) return [];
    const findings: Finding[] = [];
    const level = events.section.heading.level + 1;
    for (const section of regionHeadings(model, events.section)) {
      const heading = section.heading;
      findings.push(...nameFindings(model, heading));
      if (heading.level !== level && regionNamed(heading.text)) {
        const marks = lineSpan(heading.line, model.lines.lineText(heading.line).indexOf('#'), heading.textRange.start.character);
        findings.push({
          range: marks,
          message: `A region heading is level ${level} (\`${'#'.repeat(level)} ${heading.text}\`), not level ${heading.level}.`,
          fix: { title: `Make it \`${'#'.repeat(level)}\``, edits: [{ range: marks, newText: `${'#'.repeat(level)} ` }] },
        });
      }
    }
    const regions = conventionsOf(model).regionOrder ? events.regions : [];
    regions.forEach((region, index) => {
      const later = regions.slice(0, index).find((earlier) => regionNamed(earlier.name) && regionIndex(earlier.name) > regionIndex(region.name));
      if (!later || !regionNamed(region.name)) return;
      findings.push({
        range: region.section.heading.textRange,
        message: `${regionNamed(region.name)} goes before ${regionNamed(later.name)}: Virtual first, then the continents A–Z.`,
        certainty: 'convention',
        fix: reorderFix(model, regions),
      });
    });
    return findings;
  },
};

/** Sorts the regions into TWiR's order, each with its events; only when every region is known. */
function reorderFix(model: IssueModel, regions: readonly Region[]): Fix | undefined {
  if (!regions.every((region) => regionNamed(region.name))) return undefined;
  const order = regions.map((_, index) => index).sort((a, b) => regionIndex(regions[a].name) - regionIndex(regions[b].name));
  const edit = permuteBlocks(model, regions.map((region) => ({ first: region.section.heading.line, last: regionEnd(region) })), order);
  return edit && { title: 'Put the regions in order', edits: [edit], scope: [lineScope(regions[0].section.heading.line, regionEnd(regions[regions.length - 1]))] };
}

/** The region headings: the sections under Upcoming Events, and region names at a wrong level around them. */
function regionHeadings(model: IssueModel, events: Section): Section[] {
  const inside = model.allSections.filter((section) => section.heading.line > events.heading.line && section.heading.line < events.endLine);
  const nested = inside.filter((section) => section.parent === events || regionNamed(section.heading.text));
  // `## Europe` ends the events section: region names right after it belong to it.
  const after = model.allSections.filter((section) => section.heading.line >= events.endLine);
  const stray: Section[] = [];
  for (const section of after) {
    if (!regionNamed(section.heading.text)) break;
    stray.push(section);
  }
  return [...nested, ...stray];
}

function nameFindings(model: IssueModel, heading: Heading): Finding[] {
  const text = heading.text;
  const region = regionNamed(text);
  const written = model.lines.lineText(heading.line).slice(heading.textRange.start.character, heading.textRange.end.character);
  if (region) {
    const colon = /\s*:+\s*$/.exec(written);
    const nameRange = lineSpan(heading.line, heading.textRange.start.character, heading.textRange.start.character + (colon ? colon.index : written.length));
    const findings: Finding[] = [];
    if (colon) {
      const range = lineSpan(heading.line, nameRange.end.character, heading.textRange.end.character);
      findings.push({ range, message: `Region heading with a trailing colon: write \`${region}\`.`, fix: { title: 'Remove the colon', edits: [{ range, newText: '' }] } });
    }
    if (written.slice(0, colon ? colon.index : undefined) !== region) {
      findings.push({ range: nameRange, message: `Write the region as \`${region}\`.`, certainty: 'convention', fix: { title: `Rename to ${region}`, edits: [{ range: nameRange, newText: region }] } });
    }
    return findings;
  }
  const legacy = text.toLowerCase() in LEGACY_NAMES;
  const rename = LEGACY_NAMES[text.toLowerCase()];
  return [
    {
      range: heading.textRange,
      message: legacy
        ? `"${text}" is a region name of older issues${rename ? `: today it is ${rename}` : ''}. Regions: ${REGIONS.join(', ')}.`
        : `Unknown region "${text}". Regions: ${REGIONS.join(', ')}.`,
      fix: rename ? { title: `Rename to ${rename}`, edits: [{ range: heading.textRange, newText: rename }] } : undefined,
    },
  ];
}

export default rule;
