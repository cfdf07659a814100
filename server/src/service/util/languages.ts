import { countries, languages } from 'countries-list';

type LanguageCode = keyof typeof languages;

const byName = new Map<string, string>();
for (const [code, language] of Object.entries(languages)) {
  byName.set(language.name.toLowerCase(), code.toUpperCase());
  byName.set(language.native.toLowerCase(), code.toUpperCase());
}

/** Whether the text is an ISO 639-1 language code, in any case (`zh`, `DE`). */
export function isLanguageCode(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(languages, code.toLowerCase());
}

export function languageName(code: string): string | undefined {
  return isLanguageCode(code) ? languages[code.toLowerCase() as LanguageCode].name : undefined;
}

/** The upper-case ISO 639-1 code of a language named in English or in itself (`Chinese`, `Deutsch` → `DE`). */
export function languageCodeByName(name: string): string | undefined {
  return byName.get(name.trim().toLowerCase());
}

/** The upper-case code of the first language of a country (`CN` → `ZH`), for codes written as a country's. */
export function mainLanguageOfCountry(countryCode: string): string | undefined {
  const upper = countryCode.toUpperCase();
  if (!Object.prototype.hasOwnProperty.call(countries, upper)) return undefined;
  return countries[upper as keyof typeof countries].languages[0]?.toUpperCase();
}
