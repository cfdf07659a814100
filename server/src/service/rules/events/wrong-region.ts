import type { Entry, EventsModel, IssueModel, Region } from '../../model/types';
import { countriesWithSubdivision, countryName, isKnownCountryCode, regionsOfCountry, type RegionName } from '../../util/countries';
import type { Finding, Fix, Rule } from '../types';
import { currentEvents, editScope, entryScope, insertIntoRegion, regionNamed, removeEntry } from './common';

const rule: Rule = {
  id: 'events/wrong-region',
  certainty: 'convention',
  fixable: true,
  docs:
    'An event listed under the wrong region: an in-person event under Virtual or under a continent its country code ' +
    'does not belong to (countries on two continents may go under either), or a virtual event under a continent. A ' +
    'hybrid event is listed twice, under Virtual and under its continent; a missing twin is a hint. The fix moves the ' +
    'event (creating the region heading in its place when needed) or adds the twin.',
  example: {
    in: 'events',
    wrong: '### Virtual\n* 2026-01-15 | Virtual (Berlin, DE) | [Rust Berlin](https://example.com/berlin)\n    * [**Rust meetup**](https://example.com/berlin/1)\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com/paris)\n    * [**Rust meetup**](https://example.com/paris/1)\n\n### Europe\n* 2026-01-21 | Lyon, FR | [Rust Lyon](https://example.com/lyon)\n    * [**Rust meetup**](https://example.com/lyon/1)',
    right: '### Virtual\n* 2026-01-15 | Virtual (Berlin, DE) | [Rust Berlin](https://example.com/berlin)\n    * [**Rust meetup**](https://example.com/berlin/1)\n\n### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com/paris)\n    * [**Rust meetup**](https://example.com/paris/1)\n* 2026-01-21 | Lyon, FR | [Rust Lyon](https://example.com/lyon)\n    * [**Rust meetup**](https://example.com/lyon/1)',
  },
  check({ model }) {
    const events = currentEvents(model);
    if (!events) return [];
    const findings: Finding[] = [];
    // Until late 2022 online events were written `City, CC` under Virtual: only an issue that writes
    // `Virtual (City, CC)` there says that a bare `City, CC` is in person.
    const virtual = events.regions.find((region) => regionNamed(region.name) === 'Virtual');
    const labelledVirtual = virtual?.events.some((entry) => entry.event?.location?.label && entry.event.location.parts.length > 0) ?? false;
    for (const region of events.regions) {
      const listedUnder = regionNamed(region.name);
      if (!listedUnder) continue;
      for (const entry of region.events) {
        const location = entry.event?.location;
        if (!location || location.kind === 'unknown') continue;
        const continents = location.country && isKnownCountryCode(location.country) ? regionsOfCountry(location.country) : [];
        if (listedUnder === 'Virtual') {
          if (location.kind === 'in-person' && labelledVirtual) {
            findings.push({
              range: location.range,
              message: `${location.text} is an in-person event: it belongs under ${continents[0] ?? 'its continent'}, not Virtual.`,
              fix: continents[0] ? moveFix(model, events, entry, continents[0]) : undefined,
            });
          } else if (location.kind === 'hybrid' && continents.length > 0 && !continents.some((continent) => twinIn(events, continent, entry))) {
            findings.push(twinFinding(model, events, entry, continents[0]));
          }
          continue;
        }
        if (location.kind === 'virtual') {
          const twin = virtual && sameEventIn(virtual, entry);
          findings.push({
            range: location.label?.range ?? location.range,
            message: `A virtual event belongs under Virtual, not ${listedUnder}${twin ? ` (it is listed there, line ${twin.line + 1})` : ''}.`,
            fix: twin ? { title: 'Remove it here', edits: [removeEntry(model, entry)], safe: false } : moveFix(model, events, entry, 'Virtual'),
          });
          continue;
        }
        const country = location.country;
        if (!country || continents.length === 0) continue;
        if (!continents.includes(listedUnder)) {
          findings.push(misplaced(entry, listedUnder, continents[0]));
        } else if (location.kind === 'hybrid' && !twinIn(events, 'Virtual', entry)) {
          findings.push(twinFinding(model, events, entry, 'Virtual'));
        }
      }
    }
    return findings;

    function misplaced(entry: Entry, listedUnder: RegionName, belongs: RegionName): Finding {
      const location = entry.event!.location!;
      const country = location.country!;
      const range = location.countryRange ?? location.range;
      // `Columbus, IL`: a state code where the country should be reads as another country's code. Which it
      // is cannot be told from the line (`Hamburg, DE` is not in Delaware): say both, invent nothing.
      const owner = countriesWithSubdivision(country).find((candidate) => regionsOfCountry(candidate).includes(listedUnder));
      if (owner) {
        return {
          range,
          message: `${country} is the code of ${countryName(country)} (${belongs}), but the event is listed under ${listedUnder}: move it, or, if ${country} is a state or province here, write the country after it.`,
        };
      }
      return {
        range,
        message: `${country} (${countryName(country)}) is in ${belongs}: the event belongs under ${belongs}, not ${listedUnder}.`,
        fix: moveFix(model, events!, entry, belongs),
      };
    }
  },
};

/** The same event (same title link) listed in a region. */
function sameEventIn(region: Region, entry: Entry): Entry | undefined {
  const url = entry.event?.titles[0]?.url;
  return url ? region.events.find((other) => other !== entry && other.event?.titles[0]?.url === url) : undefined;
}

function twinIn(events: EventsModel, regionName: RegionName, entry: Entry): boolean {
  return events.regions.some((region) => regionNamed(region.name) === regionName && sameEventIn(region, entry) !== undefined);
}

function twinFinding(model: IssueModel, events: EventsModel, entry: Entry, regionName: RegionName): Finding {
  const insertion = insertIntoRegion(model, events, regionName, entry);
  return {
    range: entry.event!.location!.label?.range ?? entry.event!.location!.range,
    message: `A hybrid event is listed under Virtual and under its continent: this one is missing under ${regionName}.`,
    certainty: 'hint',
    fix: insertion && { title: `Also list it under ${regionName}`, edits: [insertion], safe: false, scope: [entryScope(entry), editScope(insertion)] },
  };
}

function moveFix(model: IssueModel, events: EventsModel, entry: Entry, regionName: RegionName): Fix | undefined {
  const insertion = insertIntoRegion(model, events, regionName, entry);
  return insertion && { title: `Move it to ${regionName}`, edits: [removeEntry(model, entry), insertion], safe: false, scope: [entryScope(entry), editScope(insertion)] };
}

export default rule;
