import type { Entry, EventLocation, IssueModel } from '../../model/types';
import { conventionsOf } from '../../conventions';
import {
  countriesWithSubdivision,
  countryCodeByAlpha3,
  countryCodeByName,
  countryName,
  isKnownCountryCode,
  regionsOfCountry,
} from '../../util/countries';
import { lineSpan, type Range } from '../../util/text';
import type { EarlierIssue, Finding, Rule, StatedPlace } from '../types';
import { currentEvents, regionNamed, statedPlaces } from './common';

const LABELS = { virtual: 'Virtual', hybrid: 'Hybrid' } as const;

const rule: Rule = {
  id: 'events/location',
  certainty: 'convention',
  fixable: true,
  docs:
    'The location of an event: `City, CC` in person, with a state for the US (`Seattle, WA, US`) — and, in older ' +
    'issues, for Canada and Australia (today both `Sydney, AU` and `Sydney, NSW, AU` are written); ' +
    '`Virtual`, `Virtual (City, CC)` or `Hybrid (City, CC)`. Reports what editors correct: `Online`, `Virtual(…)`, ' +
    '`Virtual + City`, `GB` (TWiR writes `UK`), countries written in words or as 3-letter codes (`Malaysia`, `AUS`), ' +
    'codes that are not ISO 3166-1 alpha-2, a missing state or country, and spacing (`Columbus , OH`). A missing ' +
    'state is filled in from the same city written with its state in this issue (`Portland, OR, US`), or in a recent ' +
    'one (then as a quick fix only: two cities may share a name). The hybrid ' +
    'forms of issues before 2025-04 (`City, CC + Virtual`, `Virtual + City, CC`, `Virtual and In-Person (…)`, ' +
    '`Hybrid - …`) are the style of their time; from then they are rewritten as `Hybrid (City, CC)`. A state is ' +
    'optional for Australia from 2024-10 and for Canada from 2026-07, when editors started writing both forms.',
  peers: { eventsLint: 'reads `Virtual`, `Virtual (…)`, `Hybrid (…)` and takes any other text as in person; rejects `Virtual(…)` and `Virtual and In-Person (…)`, as we do from 2025. Stricter: `Online`, countries and states, which it does not check' },
  example: {
    in: 'events',
    wrong: '### Virtual\n* 2026-01-20 | Virtual(Berlin, DE) | [Rust Berlin](https://example.com/berlin)\n    * [**Rust meetup**](https://example.com/berlin/1)',
    right: '### Virtual\n* 2026-01-20 | Virtual (Berlin, DE) | [Rust Berlin](https://example.com/berlin)\n    * [**Rust meetup**](https://example.com/berlin/1)',
  },
  check({ model, recentIssues }) {
    const events = currentEvents(model);
    if (!events) return [];
    const states = knownStates(model, recentIssues);
    return events.regions.flatMap((region) =>
      region.events.flatMap((entry) => {
        const location = entry.event?.location;
        if (!location || (OLD_HYBRID_FORM.test(location.text) && !conventionsOf(model).hybridForm) || SEVERAL_PLACES.test(location.text)) return [];
        return [...labelFindings(model, location), ...placeFindings(model, entry, location, states)];
      }),
    );
  },
};

function replace(range: Range, newText: string, title: string) {
  return { title, edits: [{ range, newText }] };
}

/**
 * Hybrid forms that were the style before `Hybrid (City, CC)` (conventions.ts hybridForm):
 * `Virtual and In-Person (…)`, `Virtual + In Person (…)`, `Hybrid - …`, `Hybrid: …`, `Virtual + City, CC`,
 * `City, CC + Virtual`, `City, CC - Virtual + In-person`, `Hybrid (Virtual + In-person) City, CC`.
 */
/** An event in several places at once (`Various - EMEA`, `Virtual (Joint Meetup, Europe + Israel)`): no one place to check. */
const SEVERAL_PLACES = /^various\b|\(joint\b/i;
const OLD_HYBRID_FORM = /in[- ]?person|^virtual\s*\+|\+\s*virtual$|^hybrid\s*[-:]/i;

function labelFindings(model: IssueModel, location: EventLocation): Finding[] {
  const label = location.label;
  if (!label) return [];
  if (location.kind === 'unknown') {
    return [{ range: location.range, message: `Write the location as \`Virtual (City, CC)\` or \`Hybrid (City, CC)\`, not "${location.text}".` }];
  }
  const want = LABELS[location.kind as keyof typeof LABELS];
  const findings: Finding[] = [];
  const parts = location.partFields;
  const suffixed = label.range.start.character > location.range.start.character;
  if (suffixed) {
    // `City, CC + Virtual`: the whole location is rewritten around its place.
    const place = parts.map((part) => part.text).join(', ');
    return [{ range: location.range, message: `Write \`Hybrid (${place})\` for an event both online and in person, not "${location.text}".`, fix: replace(location.range, `Hybrid (${place})`, 'Write Hybrid (…)') }];
  }
  if (label.text !== want) {
    const hybrid = location.kind === 'hybrid' ? ' (an event both online and in person)' : '';
    findings.push({ range: label.range, message: `Write \`${want}\`${hybrid}, not \`${label.text}\`.`, fix: replace(label.range, want, `Write ${want}`) });
  }
  if (parts.length === 0) return findings;
  const line = label.range.start.line;
  const text = model.lines.lineText(line);
  const opening = lineSpan(line, label.range.end.character, parts[0].range.start.character);
  const closing = lineSpan(line, parts[parts.length - 1].range.end.character, location.range.end.character);
  const [open, close] = [opening, closing].map((range) => text.slice(range.start.character, range.end.character));
  if (!open.includes('(')) {
    // `Virtual + Dallas`: the state and country are not known here.
    findings.push({ range: location.range, message: `Write \`${want} (City, ST, CC)\`, not "${location.text}".` });
  } else {
    if (open !== ' (') findings.push({ range: opening, message: `Write \`${want} (\` before the place.`, fix: replace(opening, ' (', 'Fix the spacing') });
    if (close !== ')') findings.push({ range: closing, message: 'Close the place with `)` right after it.', fix: replace(closing, ')', 'Fix the spacing') });
  }
  return findings;
}

/** The code of a country written by its name (`Malaysia`) or its ISO alpha-3 code (`AUS`). */
function codeForWrittenCountry(text: string): string | undefined {
  return countryCodeByName(text) ?? countryCodeByAlpha3(text);
}

/** `City|CC` → the state or province written with them (`Portland|US` → `OR`), in this issue or the recent ones, and whether in this issue. */
type KnownStates = Map<string, { state: string; here: boolean }>;

const placeKey = (city: string, country: string) => `${city.toLowerCase()}|${country}`;

/** The states places are written with: this issue's first, then the recent issues' (newest first). */
function knownStates(model: IssueModel, recent: readonly EarlierIssue[]): KnownStates {
  const states: KnownStates = new Map();
  const learn = (places: readonly StatedPlace[], here: boolean) => {
    for (const [city, state, country] of places) {
      const key = placeKey(city, country);
      if (!states.has(key)) states.set(key, { state, here });
    }
  };
  learn(statedPlaces(model), true);
  for (const issue of recent) learn(issue.statedPlaces, false);
  return states;
}

function placeFindings(model: IssueModel, entry: Entry, location: EventLocation, states: KnownStates): Finding[] {
  const parts = location.partFields;
  if (parts.length === 0 || location.kind === 'unknown') return [];
  const findings: Finding[] = [];
  const text = model.lines.lineText(location.range.start.line);
  parts.slice(1).forEach((part, index) => {
    const gap = lineSpan(part.range.start.line, parts[index].range.end.character, part.range.start.character);
    // An empty part (`Oslo, |`) is no separator to mend: `, ` there would be trimmed away again.
    if (part.text !== '' && text.slice(gap.start.character, gap.end.character) !== ', ') {
      findings.push({ range: gap, message: 'Separate the parts of a location with `, `.', fix: replace(gap, ', ', 'Use `, `') });
    }
  });
  const country = location.country;
  const range = location.countryRange;
  if (!country || !range) {
    // `Virtual (Israel)`: a country alone, named in words.
    const named = parts.length === 1 ? codeForWrittenCountry(parts[0].text) : undefined;
    if (named) findings.push({ range: parts[0].range, message: `Write the country as its code, ${named}, not "${parts[0].text}".`, fix: replace(parts[0].range, named, `Write ${named}`) });
    else if (location.kind === 'in-person') findings.push({ range: location.range, message: `The location has no country code: write \`City, CC\`.` });
    return findings;
  }
  const region = regionNamed(entry.section.heading.text);
  if (country === 'GB') {
    findings.push({ range, message: 'TWiR writes the United Kingdom as `UK`, not `GB`.', fix: replace(range, 'UK', 'Write UK') });
  } else if (isKnownCountryCode(country)) {
    if (conventionsOf(model).statesRequired.has(country) && parts.length < 3) {
      // The state this city is written with elsewhere; from another issue, a person checks it (two cities may share a name).
      const known = parts.length === 2 ? states.get(placeKey(parts[0].text, country)) : undefined;
      const where = known?.here ? 'as this issue writes it' : 'as a recent issue writes it';
      findings.push(
        known
          ? {
              range,
              message: `Locations in ${countryName(country)} carry a state or province: \`${parts[0].text}, ${known.state}, ${country}\` (${where}).`,
              fix: { title: `Add ${known.state}`, edits: [{ range: { start: parts[0].range.end, end: parts[0].range.end }, newText: `, ${known.state}` }], safe: known.here },
            }
          : { range, message: `Locations in ${countryName(country)} carry a state or province: \`${parts[0].text}, ST, ${country}\`.` },
      );
    }
  } else if (isKnownCountryCode(country.toUpperCase())) {
    findings.push({ range, message: `Write the country code in capitals: ${country.toUpperCase()}.`, fix: replace(range, country.toUpperCase(), 'Use capitals') });
  } else if (codeForWrittenCountry(country)) {
    const code = codeForWrittenCountry(country)!;
    findings.push({ range, message: `Write the country code ${code}, not "${country}".`, fix: replace(range, code, `Write ${code}`) });
  } else {
    // `Seattle, WA`: a state where the country should be; the region tells WA (US) from WA (AU).
    const owners = countriesWithSubdivision(country).filter((owner) => !region || region === 'Virtual' || regionsOfCountry(owner).includes(region));
    const end = range.end;
    findings.push(
      owners.length === 1
        ? {
            range,
            message: `${country} is a state or province: add the country, \`${location.parts.join(', ')}, ${owners[0]}\`.`,
            fix: { title: `Add ${owners[0]}`, edits: [{ range: { start: end, end }, newText: `, ${owners[0]}` }] },
          }
        : { range, message: `"${country}" is not an ISO 3166-1 alpha-2 country code.` },
    );
  }
  return findings;
}

export default rule;
