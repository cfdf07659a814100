import type { Entry, EventLocation, IssueModel } from '../../model/types';
import {
  COUNTRIES_WITH_STATES,
  countriesWithSubdivision,
  countryCodeByName,
  countryName,
  isKnownCountryCode,
  regionsOfCountry,
} from '../../util/countries';
import { lineSpan, type Range } from '../../util/text';
import type { Finding, Rule } from '../types';
import { currentEvents, regionNamed } from './common';

const LABELS = { virtual: 'Virtual', hybrid: 'Hybrid' } as const;

const rule: Rule = {
  id: 'events/location',
  severity: 'warning',
  fixable: true,
  docs:
    'The location of an event: `City, CC` in person, with a state or province for the US, Canada and Australia ' +
    '(`Seattle, WA, US`); `Virtual`, `Virtual (City, CC)` or `Hybrid (City, CC)`. Reports what editors correct: ' +
    '`Online`, `Virtual(…)`, `Virtual + City`, `Virtual and In-Person (…)`, `GB` (TWiR writes `UK`), codes that are not ' +
    'ISO 3166-1 alpha-2 (`Malaysia` → `MY`), a missing state or country, and spacing (`Columbus , OH`).',
  check({ model }) {
    const events = currentEvents(model);
    if (!events) return [];
    return events.regions.flatMap((region) =>
      region.events.flatMap((entry) => {
        const location = entry.event?.location;
        return location ? [...labelFindings(model, location), ...placeFindings(model, entry, location)] : [];
      }),
    );
  },
};

function replace(range: Range, newText: string, title: string) {
  return { title, edits: [{ range, newText }] };
}

function labelFindings(model: IssueModel, location: EventLocation): Finding[] {
  const label = location.label;
  if (!label) return [];
  if (location.kind === 'unknown') {
    return [{ range: location.range, message: `Write the location as \`Virtual (City, CC)\` or \`Hybrid (City, CC)\`, not "${location.text}".` }];
  }
  const findings: Finding[] = [];
  const want = LABELS[location.kind as keyof typeof LABELS];
  if (label.text !== want) {
    const hybrid = location.kind === 'hybrid' ? ' (an event both online and in person)' : '';
    findings.push({ range: label.range, message: `Write \`${want}\`${hybrid}, not \`${label.text}\`.`, fix: replace(label.range, want, `Write ${want}`) });
  }
  const parts = location.partFields;
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

function placeFindings(model: IssueModel, entry: Entry, location: EventLocation): Finding[] {
  const parts = location.partFields;
  if (parts.length === 0 || location.kind === 'unknown') return [];
  const findings: Finding[] = [];
  const text = model.lines.lineText(location.range.start.line);
  parts.slice(1).forEach((part, index) => {
    const gap = lineSpan(part.range.start.line, parts[index].range.end.character, part.range.start.character);
    if (text.slice(gap.start.character, gap.end.character) !== ', ') {
      findings.push({ range: gap, message: 'Separate the parts of a location with `, `.', fix: replace(gap, ', ', 'Use `, `') });
    }
  });
  const country = location.country;
  const range = location.countryRange;
  if (!country || !range) {
    if (location.kind === 'in-person') findings.push({ range: location.range, message: `The location has no country code: write \`City, CC\`.` });
    return findings;
  }
  const region = regionNamed(entry.section.heading.text);
  if (country === 'GB') {
    findings.push({ range, message: 'TWiR writes the United Kingdom as `UK`, not `GB`.', fix: replace(range, 'UK', 'Write UK') });
  } else if (isKnownCountryCode(country)) {
    if (COUNTRIES_WITH_STATES.has(country) && parts.length < 3) {
      findings.push({ range, message: `Locations in ${countryName(country)} carry a state or province: \`${parts[0].text}, ST, ${country}\`.` });
    }
  } else if (isKnownCountryCode(country.toUpperCase())) {
    findings.push({ range, message: `Write the country code in capitals: ${country.toUpperCase()}.`, fix: replace(range, country.toUpperCase(), 'Use capitals') });
  } else if (countryCodeByName(country)) {
    const code = countryCodeByName(country)!;
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
