import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIXTURES = resolve(__dirname, '../fixtures');

/** Every fixture issue: path relative to test/fixtures, base name and text. */
export function allFixtures(): { name: string; fileName: string; text: string }[] {
  return ['seeds', 'published', 'draft'].flatMap(fixturesIn);
}

/** Every issue published in 2026 up to 2026-08-19 (as a `content/` folder holds them): today's conventions. */
export function recentFixtures(): { name: string; fileName: string; text: string }[] {
  return fixturesIn('recent');
}

/** Every other week of 2022–2025, as published: the record conventions.ts is dated from. */
export function archiveFixtures(): { name: string; fileName: string; text: string }[] {
  return fixturesIn('archive');
}

function fixturesIn(folder: string): { name: string; fileName: string; text: string }[] {
  return readdirSync(join(FIXTURES, folder))
    .sort()
    .map((fileName) => ({ name: `${folder}/${fileName}`, fileName, text: readFileSync(join(FIXTURES, folder, fileName), 'utf8') }));
}

export function readFixture(name: string): { fileName: string; text: string } {
  return { fileName: name.split('/').pop()!, text: readFileSync(join(FIXTURES, name), 'utf8') };
}
