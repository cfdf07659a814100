import { continents, countries } from 'countries-list';
import alpha3 from 'countries-list/minimal/countries.3to2.min.json';

/** The Upcoming Events regions, in the order TWiR lists them. */
export const REGIONS = ['Virtual', 'Africa', 'Asia', 'Europe', 'North America', 'Oceania', 'South America'] as const;
export type RegionName = (typeof REGIONS)[number];

type CountryCode = keyof typeof countries;

/** TWiR writes the United Kingdom as `UK` (707 published lines) rather than ISO's `GB`. */
const TWIR_ALIASES: Record<string, CountryCode> = { UK: 'GB' };

/** Countries on two continents, which TWiR has listed under either. */
const TRANSCONTINENTAL: Record<string, RegionName[]> = {
  RU: ['Europe', 'Asia'],
  TR: ['Europe', 'Asia'],
  KZ: ['Asia', 'Europe'],
  GE: ['Asia', 'Europe'],
  AZ: ['Asia', 'Europe'],
  AM: ['Asia', 'Europe'],
  CY: ['Europe', 'Asia'],
  EG: ['Africa', 'Asia'],
};

/** The state, territory and province codes of those countries (USPS, Canada Post, Australian abbreviations). */
const SUBDIVISIONS: Record<string, readonly string[]> = {
  US: [
    'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME',
    'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI',
    'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'PR', 'GU', 'VI', 'AS', 'MP',
  ],
  CA: ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'],
  AU: ['ACT', 'NSW', 'NT', 'QLD', 'SA', 'TAS', 'VIC', 'WA'],
};

/** The countries (of US, CA, AU) that have a state or province with this code: `WA` → US and AU. */
export function countriesWithSubdivision(code: string): string[] {
  return Object.keys(SUBDIVISIONS).filter((country) => SUBDIVISIONS[country].includes(code));
}

function isoCode(code: string): CountryCode | undefined {
  if (code in TWIR_ALIASES) return TWIR_ALIASES[code];
  return Object.prototype.hasOwnProperty.call(countries, code) ? (code as CountryCode) : undefined;
}

/** Whether TWiR accepts the code: an ISO 3166-1 alpha-2 code, or `UK`. */
export function isKnownCountryCode(code: string): boolean {
  return isoCode(code) !== undefined;
}

export function countryName(code: string): string | undefined {
  const iso = isoCode(code);
  return iso ? countries[iso].name : undefined;
}

/** The regions an in-person event in this country may be listed under (first is the usual one). */
export function regionsOfCountry(code: string): RegionName[] {
  const iso = isoCode(code);
  if (!iso) return [];
  if (TRANSCONTINENTAL[iso]) return TRANSCONTINENTAL[iso];
  const continent = continents[countries[iso].continent] as string;
  return (REGIONS as readonly string[]).includes(continent) ? [continent as RegionName] : [];
}

/** The code TWiR writes for a country written out by its English or native name (`Malaysia` → `MY`, `United Kingdom` → `UK`). */
export function countryCodeByName(name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  const found = (Object.keys(countries) as CountryCode[]).filter(
    (code) => countries[code].name.toLowerCase() === wanted || countries[code].native.toLowerCase() === wanted,
  );
  if (found.length !== 1) return undefined;
  return found[0] === 'GB' ? 'UK' : found[0];
}

/** Every code TWiR accepts, with its country's name (`UK` in place of `GB`). */
export function allCountries(): { code: string; name: string }[] {
  return (Object.keys(countries) as CountryCode[])
    .map((code) => ({ code: code === 'GB' ? 'UK' : code, name: countries[code].name }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** The code TWiR writes for an ISO 3166-1 alpha-3 code (`AUS` → `AU`, `GBR` → `UK`). */
export function countryCodeByAlpha3(code: string): string | undefined {
  const iso = (alpha3 as Record<string, string>)[code];
  return iso === 'GB' ? 'UK' : iso;
}
