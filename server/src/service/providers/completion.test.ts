import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../model/build';
import { regionsOfCountry } from '../util/countries';
import { completions, type Suggestion } from './completion';

const text = readFileSync(resolve(__dirname, '../../../../test/fixtures/seeds/2026-01-14-this-week-in-rust.md'), 'utf8');

/** The suggestions on a new line typed into the region, in the order an editor lists them (by sortText). */
function suggestionsAfter(region: string, typed: string): Suggestion[] {
  const lines = text.split('\n');
  const at = lines.indexOf(`### ${region}`) + 1;
  lines.splice(at, 0, typed);
  const model = buildModel(lines.join('\n'), { fileName: '2026-01-14-this-week-in-rust.md' });
  const items = completions(model, { line: at, character: typed.length });
  return items.sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

describe('completions in an Upcoming Events region', () => {
  it('offer the places of the region first, then the rest', () => {
    const places = suggestionsAfter('Europe', '* 2026-01-20 | ')
      .filter((item) => item.kind === 'value')
      .map((item) => item.label);
    const inEurope = (place: string) => !/^Virtual\b/.test(place) && (regionsOfCountry(/([A-Z]{2})\)?$/.exec(place)?.[1] ?? '') as string[]).includes('Europe');
    const european = places.filter(inEurope);
    expect(european).toContain('Amsterdam, NL');
    expect(places.slice(0, european.length)).toEqual(european);
    expect(places.indexOf('Amsterdam, NL')).toBeLessThan(places.findIndex((place) => place.startsWith('Atlanta')));
  });

  it('offer the country codes of the region\'s continent first', () => {
    const codes = suggestionsAfter('Asia', '* 2026-01-20 | Tokyo, ').map((item) => item.label);
    const asian = codes.filter((code) => (regionsOfCountry(code) as string[]).includes('Asia'));
    expect(codes.slice(0, asian.length)).toEqual(asian);
    expect(codes.indexOf('JP')).toBeLessThan(codes.indexOf('AD'));
  });

  it('offer the groups that meet in the region first', () => {
    const groups = suggestionsAfter('North America', '* 2026-01-20 | Seattle, WA, US | ').map((item) => item.label);
    expect(groups.indexOf('Seattle Rust User Group')).toBeLessThan(groups.indexOf('Rust Berlin'));
  });
});
