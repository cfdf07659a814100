import { continents, countries } from 'countries-list';

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

/** Countries whose events TWiR writes with a state or province: `City, ST, CC`. */
export const COUNTRIES_WITH_STATES = new Set(['US', 'CA', 'AU']);

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

/** Every code TWiR accepts, with its country's name (`UK` in place of `GB`). */
export function allCountries(): { code: string; name: string }[] {
  return (Object.keys(countries) as CountryCode[])
    .map((code) => ({ code: code === 'GB' ? 'UK' : code, name: countries[code].name }))
    .sort((a, b) => a.code.localeCompare(b.code));
}
