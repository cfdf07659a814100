import { overBudget } from '../guard';
import { buildModel, entryLine, EVENT_OVERVIEW } from '../model/build';
import { collectNodes, summariseSegment, summariseSimpleSegment } from '../model/collect';
import { parseEventEntry } from '../model/events';
import { parseHeader } from '../model/header';
import { literalLineScanner, normaliseLabel, parseSegments } from '../model/parse';
import { classifySection, isCommunitySection } from '../model/sections';
import { SUBMERGE_TOKEN } from '../model/submerge';
import type { EventLocation, SectionKind } from '../model/types';
import { statedPlacesOf } from '../rules/events/common';
import { earlierIssue } from '../rules/links/shared';
import type { EarlierIssue } from '../rules/types';
import { comparableUrl } from '../util/urls';
import { LineIndex } from '../util/text';

/** An ATX heading: its marks and its text without the closing marks. */
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
/** A reference definition's first line, with its label: the community text's reference links may need it. */
const DEFINITION = /^ {0,3}\[((?:[^\\\]]|\\.)+)\]:/;
/** A link's destination in a heading's text: not part of its title. */
const LINK_DESTINATION = /\]\([^)]*\)/g;
const STARTS_WITH_DATE = /^\d{4}-\d{1,2}-\d{1,2}\b/;

interface ScannedSection {
  line: number;
  level: number;
  kind: SectionKind;
  parent?: ScannedSection;
  /** The line of the next heading: the section's own text ends there. */
  bodyEndLine: number;
}

/**
 * What the issues after this one need of it (`EarlierIssue`: its number, the URLs of its community
 * links, the places its events state), read without its model: a line scan finds the headings and
 * classifies the sections as `buildModel` does; the parser gets the community sections' text alone
 * (one after the other, then the reference definitions it may use); the events' places are
 * read from their overview lines. `test/unit/earlier-issue.test.ts` proves it equal to the whole
 * model's on every fixture. Null: the text is past the analysis budget.
 */
export function earlierIssueOf(text: string, fileName: string): EarlierIssue | null {
  if (overBudget(text)) return null;
  const lines = new LineIndex(text);
  const header = parseHeader(lines, text.charCodeAt(0) === 0xfeff);
  const bodyStartLine = header ? header.endLine : 0;
  const scan = scanBody(lines, bodyStartLine);
  // A submerge marker in an event's line is cut out of its fields by the model: rare enough to model the issue.
  if (scan.eventLines.some((line) => lines.lineText(line).includes(SUBMERGE_TOKEN))) return earlierIssue(fileName, buildModel(text, { fileName, final: true }));
  return {
    fileName,
    issueNumber: header?.issueNumber,
    communityUrls: communityUrls(text, lines, scan),
    statedPlaces: statedPlacesOf(scan.eventLines.map((line) => eventLocation(lines, line))),
  };
}

interface Scan {
  sections: ScannedSection[];
  /** The lines that start a reference definition. */
  definitions: number[];
  /** The overview lines of the events in the regions of Upcoming Events that may state a place. */
  eventLines: number[];
}

/** The sections of the body as `buildModel` makes them, and the overview lines of the events. */
function scanBody(lines: LineIndex, bodyStartLine: number): Scan {
  const sections: ScannedSection[] = [];
  const definitions: number[] = [];
  const eventLines: number[] = [];
  const stack: ScannedSection[] = [];
  const isLiteral = literalLineScanner();
  let events: ScannedSection | undefined;
  for (let line = bodyStartLine; line < lines.lineCount; line++) {
    const lineText = lines.lineText(line);
    if (isLiteral(lineText)) continue;
    if (DEFINITION.test(lineText)) definitions.push(line);
    const atx = ATX_HEADING.exec(lineText);
    const title = atx && (atx[2] ?? '').replace(LINK_DESTINATION, ']');
    // An event written as a heading below Upcoming Events is an event (see `withoutEventHeadings`).
    if (title === null || (events && STARTS_WITH_DATE.test(title.replace(/^[\s*_[`]+/, '')))) {
      // Only a location of three parts (`City, ST, CC`) states a place: two commas at least.
      if (events && sections[sections.length - 1].parent === events && EVENT_OVERVIEW.test(lineText) && hasTwoCommas(lineText) && entryLine(lines, line).indent < 2) eventLines.push(line);
      continue;
    }
    const level = atx![1].length;
    while (stack.length > 0 && stack[stack.length - 1].level >= level) stack.pop();
    const parent = stack[stack.length - 1];
    const section: ScannedSection = { line, level, kind: classifySection(title, parent?.kind, sections[sections.length - 1]?.kind), parent, bodyEndLine: lines.lineCount };
    if (sections.length > 0) sections[sections.length - 1].bodyEndLine = line;
    if (section.kind === 'events' && !events) events = section;
    sections.push(section);
    stack.push(section);
  }
  return { sections, definitions, eventLines };
}

/** The location of an event's overview line, as the model reads it. */
function eventLocation(lines: LineIndex, line: number): EventLocation | undefined {
  return parseEventEntry([entryLine(lines, line)], [], []).location;
}

/**
 * The comparable URLs of the links in the community sections' own text, once each, in order: the
 * parser reads the sections one after the other (each starts with its heading, where no block is
 * open), then the definitions they may use (`labelsUsedIn`), so that reference links resolve.
 */
function communityUrls(text: string, lines: LineIndex, { sections, definitions }: Scan): string[] {
  const lineStart = (line: number) => (line < lines.lineCount ? lines.starts[line] : text.length);
  let reduced = '';
  let line = 0;
  const headingLines = new Set<number>();
  for (const section of sections) {
    if (!isCommunitySection(section.kind)) continue;
    headingLines.add(line);
    reduced += text.slice(lineStart(section.line), lineStart(section.bodyEndLine));
    line += section.bodyEndLine - section.line;
  }
  if (reduced === '') return [];
  const used = normaliseLabel(reduced);
  reduced += '\n\n';
  for (const definition of definitions) if (usesLabel(used, normaliseLabel(DEFINITION.exec(lines.lineText(definition))![1]))) reduced += `${lines.lineText(definition)}\n`;
  const { segments } = parseSegments(reduced, 0, summariseSegment, { simple: summariseSimpleSegment });
  const urls = new Set<string>();
  for (const link of collectNodes(segments, new LineIndex(reduced)).links) if (!headingLines.has(link.line) && link.url !== '') urls.add(comparableUrl(link.url));
  return [...urls];
}

/** Whether normalised text may refer to the label: `[label]`, also with a space inside the brackets. */
function usesLabel(normalisedText: string, label: string): boolean {
  for (let at = normalisedText.indexOf(label); at !== -1; at = normalisedText.indexOf(label, at + 1)) {
    const before = normalisedText.charAt(at - 1) === ' ' ? at - 2 : at - 1;
    const after = normalisedText.charAt(at + label.length) === ' ' ? at + label.length + 1 : at + label.length;
    if (normalisedText.charAt(before) === '[' && normalisedText.charAt(after) === ']') return true;
  }
  return false;
}

function hasTwoCommas(line: string): boolean {
  const first = line.indexOf(',');
  return first !== -1 && line.indexOf(',', first + 1) !== -1;
}
