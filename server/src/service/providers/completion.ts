import { splitFields } from '../model/events';
import type { IssueModel, Section } from '../model/types';
import type { RelatedIssue } from './related';
import { allCountries, REGIONS, regionsOfCountry } from '../util/countries';
import { addDays, EVENTS_WINDOW_DAYS, formatIsoDate, type IsoDate } from '../util/dates';
import { lineSpan, type Position, type Range } from '../util/text';
import { knownEvents, type KnownGroup } from './known';
import { sectionAt } from './locate';
import { SHAPES, type Shape, type ShapeDates } from './shapes';
import { expandSnippet } from './snippet-text';

export type SuggestionKind = 'snippet' | 'value' | 'reference' | 'heading';

/** A completion item in the LSP's shape; `insertText` is in snippet syntax. */
export interface Suggestion {
  label: string;
  kind: SuggestionKind;
  detail?: string;
  documentation?: string;
  insertText: string;
  /** The text the insertion replaces (from where the context starts to the cursor). */
  range: Range;
  filterText?: string;
  sortText?: string;
}

/** Escapes text for snippet syntax, where `$`, `}` and `\` are special. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (char) => `\\${char}`);
}

/** What to offer at a position of an issue, from the section the cursor is in and the line so far. */
export function completions(model: IssueModel, position: Position, related: readonly RelatedIssue[] = []): Suggestion[] {
  if (position.line >= model.lines.lineCount || model.lineKinds[position.line] === 'comment') return [];
  const before = model.lines.lineText(position.line).slice(0, position.character);
  const section = sectionAt(model, position.line);
  // A file without its header yet (a new draft): the header is what comes first.
  if (!section && !model.header && /^[\w-]*$/.test(before)) return shapeSuggestions(SHAPES.filter((shape) => shape.sections.length === 0), shapeDates(model, undefined, position.line), lineSpan(position.line, 0, position.character), (label) => label);
  if (!section || section.heading.line === position.line) return regionHeadings(model, section, before, position);
  const inEvents = section.kind === 'events-region' || section.kind === 'events';
  if (inEvents && before.startsWith('#')) return regionHeadings(model, section, before, position);
  if (inEvents && before.includes('|')) return eventFieldSuggestions(model, section, before, position, related);
  // A new entry: a bullet and what follows it, or one word typed at the start of the line (not prose).
  const lineStart = /^(\s*(?:[*+-]\s*)?)([^|[\]()]*)$/.exec(before);
  if (!lineStart || lineStart[1].length - lineStart[1].trimStart().length >= 2) return [];
  if (!/[*+-]/.test(lineStart[1]) && /\s/.test(lineStart[2].trim())) return [];
  const dates = shapeDates(model, section, position.line);
  const range = lineSpan(position.line, 0, position.character);
  const filter = (label: string) => `${lineStart[1]}${label}`;
  const suggestions = shapeSuggestions(SHAPES.filter((shape) => shape.sections.includes(section.kind)), dates, range, filter);
  if (section.kind === 'events-region') suggestions.push(...groupEvents(model, related, section.heading.text, dates, range, filter));
  if (inEvents && before === '') suggestions.push(...regionHeadings(model, section, before, position));
  return suggestions;
}

/** The shapes as snippets, in their order. */
function shapeSuggestions(shapes: readonly Shape[], dates: ShapeDates, range: Range, filter: (label: string) => string): Suggestion[] {
  return shapes.map((shape, index) => ({
    label: shape.prefix,
    kind: 'snippet',
    detail: shape.description,
    documentation: preview(shape.body(dates)),
    insertText: shape.body(dates),
    range,
    filterText: filter(shape.prefix),
    sortText: `0${String(index).padStart(3, '0')}`,
  }));
}

/** The `### Region` headings the events section does not have yet. */
function regionHeadings(model: IssueModel, section: Section | undefined, before: string, position: Position): Suggestion[] {
  const events = model.events;
  if (!events || !section || !/^#{0,3} ?[A-Za-z ]*$/.test(before)) return [];
  if (section !== events.section && section.parent !== events.section) return [];
  const present = new Set(events.regions.map((region) => region.name));
  return REGIONS.filter((name) => !present.has(name)).map((name, index) => ({
    label: `### ${name}`,
    kind: 'heading',
    detail: 'Upcoming Events region',
    insertText: `### ${name}`,
    range: lineSpan(position.line, 0, position.character),
    sortText: `2${index}`,
  }));
}

/** The dates a new entry starts with: after the event above the cursor when it is in the window. */
function shapeDates(model: IssueModel, section: Section | undefined, line: number): ShapeDates {
  const window = model.events?.window;
  const issueDate = model.header?.issueDate ?? window?.start;
  const start = window?.start ?? issueDate;
  const end = window?.end ?? (start && addDays(start, EVENTS_WINDOW_DAYS));
  const inWindow = (date: IsoDate | undefined): date is IsoDate => date !== undefined && (!start || date.dayNumber >= start.dayNumber) && (!end || date.dayNumber <= end.dayNumber);
  const previous = section?.entries.filter((entry) => entry.line < line && entry.event?.date?.start).pop()?.event?.date?.start;
  const date = inWindow(previous) ? previous : start;
  const format = (value: IsoDate | undefined, fallback: string) => (value ? formatIsoDate(value) : fallback);
  return {
    date: format(date, 'YYYY-MM-DD'),
    laterDate: format(date && addDays(date, 2), 'YYYY-MM-DD'),
    issueDate: format(issueDate, 'YYYY-MM-DD'),
    windowEnd: format(end, 'YYYY-MM-DD'),
  };
}

/** Whether an event at this location belongs in the region: virtual and hybrid ones under Virtual, in-person and hybrid ones under their continent. */
function fitsRegion(location: string, region: string): boolean {
  const virtual = /^(virtual|hybrid)\b/i.test(location);
  if (region === 'Virtual') return virtual;
  if (/^virtual\b/i.test(location)) return false;
  const country = /\b([A-Z]{2})\)?\s*$/.exec(location)?.[1];
  return country !== undefined && (regionsOfCountry(country) as string[]).includes(region);
}

/** What a snippet inserts, as the completion's documentation shows it. */
function preview(snippet: string): string {
  return `\`\`\`markdown\n${expandSnippet(snippet)}\n\`\`\``;
}

/** A whole event for each group known from the issues that meets in this region: its usual location there and its URL filled in. */
function groupEvents(model: IssueModel, related: readonly RelatedIssue[], region: string, dates: ShapeDates, range: Range, filter: (label: string) => string): Suggestion[] {
  return knownEvents(model, related).groups.flatMap((group) => {
    const location = group.locations.find((candidate) => fitsRegion(candidate, region));
    if (location === undefined) return [];
    const insertText = [
      `* \${1:${dates.date}} | \${2:${escapeSnippet(location)}} | [${escapeSnippet(group.name)}](${escapeSnippet(group.url)})`,
      `    * [**\${3:Event title}**](\${4:${escapeSnippet(group.url)}})$0`,
    ].join('\n');
    return [
      {
        label: group.name,
        kind: 'reference' as const,
        detail: `${location} · event of a known group`,
        documentation: `${preview(insertText)}\n\nListed ${group.events} time${group.events === 1 ? '' : 's'} in this issue and the recent ones.`,
        insertText,
        range,
        filterText: filter(group.name),
        sortText: `1${group.name}`,
      },
    ];
  });
}

/**
 * In an event's overview line: locations and country codes in field 2, known groups in field 3. In a
 * region, what belongs there comes first (its places, its continent's countries, its groups), then the rest.
 */
function eventFieldSuggestions(model: IssueModel, section: Section, before: string, position: Position, related: readonly RelatedIssue[]): Suggestion[] {
  const region = section.kind === 'events-region' ? section.heading.text : undefined;
  // `0` sorts before `1`: what fits the region, then the rest (outside a region, everything alike).
  const fit = (fits: boolean) => (region === undefined || fits ? '0' : '1');
  const groupFits = (group: KnownGroup) => region !== undefined && group.locations.some((location) => fitsRegion(location, region));
  const contentStart = /^\s*(?:[*+-]\s*)?/.exec(before)![0].length;
  const fields = splitFields(before, contentStart);
  const index = fields.length - 1;
  const current = fields[index];
  // splitFields trims; an empty field starts at the cursor.
  const fieldStart = current.text === '' ? position.character : current.start;
  // Right after a `|` the inserted text brings its own space: `| Berlin, DE`.
  const lead = before.endsWith('|') ? ' ' : '';
  const known = knownEvents(model, related);
  if (index === 1) {
    const comma = before.lastIndexOf(',');
    if (comma >= fieldStart) {
      const codeStart = comma + 1 + (before.slice(comma + 1).length - before.slice(comma + 1).trimStart().length);
      return countryCodes(lineSpan(position.line, codeStart, position.character), (code) => fit(region !== undefined && (regionsOfCountry(code) as string[]).includes(region)));
    }
    const range = lineSpan(position.line, fieldStart, position.character);
    const locations: Suggestion[] = known.locations.map((location) => ({
      label: location.text,
      kind: 'value',
      detail: `used by ${location.groups.slice(0, 3).join(', ')}${location.groups.length > 3 ? ', …' : ''}`,
      insertText: lead + escapeSnippet(location.text),
      range,
      sortText: `${fit(region !== undefined && fitsRegion(location.text, region))}0${location.text}`,
    }));
    const groups: Suggestion[] = known.groups.map((group) => ({
      label: group.name,
      kind: 'reference',
      detail: `${group.location} | [${group.name}](…)`,
      documentation: group.url,
      insertText: `${lead}${escapeSnippet(group.location)} | [${escapeSnippet(group.name)}](${escapeSnippet(group.url)})`,
      range,
      sortText: `${fit(groupFits(group))}1${group.name}`,
    }));
    const labels: Suggestion[] = ['Virtual', 'Virtual (${1:City}, ${2:CC})', 'Hybrid (${1:City}, ${2:CC})'].map((insertText, order) => ({
      label: insertText.replace(/\$\{\d+:([^}]*)\}/g, '$1'),
      kind: 'snippet',
      detail: 'location of an online event',
      insertText: lead + insertText,
      range,
      sortText: `${fit(region === 'Virtual')}2${order}`,
    }));
    return [...locations, ...groups, ...labels];
  }
  if (index === 2) {
    const range = lineSpan(position.line, fieldStart, position.character);
    return known.groups.map((group) => ({
      label: group.name,
      kind: 'reference',
      detail: group.location,
      documentation: group.url,
      insertText: `${lead}[${escapeSnippet(group.name)}](${escapeSnippet(group.url)})`,
      range,
      filterText: `[${group.name}`,
      sortText: `${fit(groupFits(group))}${group.name}`,
    }));
  }
  return [];
}

/** The country codes with their names; `rank` puts some first (a sort key). */
function countryCodes(range: Range, rank: (code: string) => string): Suggestion[] {
  return allCountries().map((country) => ({
    label: country.code,
    kind: 'value',
    detail: country.name,
    insertText: country.code,
    range,
    filterText: `${country.code} ${country.name}`,
    sortText: `${rank(country.code)}${country.code}`,
  }));
}
