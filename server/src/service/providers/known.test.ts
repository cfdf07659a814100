import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { relatedIssue } from './related';
import { buildModel } from '../model/build';
import { knownEvents } from './known';

it('knows the groups and places of an issue as they should read, mojibake re-decoded', () => {
  const text = readFileSync(resolve(__dirname, '../../../../test/fixtures/seeds/2026-01-14-this-week-in-rust.md'), 'utf8');
  const known = knownEvents(buildModel(text), []);
  const nuremberg = known.groups.find((group) => group.name === 'Rust Nuremberg')!;
  // The seed writes `Virtual (N眉rnberg, DE)`: UTF-8 read as GBK.
  expect(nuremberg.locations).toEqual(['Virtual (Nürnberg, DE)']);
  expect(nuremberg.url).toBe('https://www.meetup.com/rust-noris');
  expect(known.locations.map((location) => location.text)).not.toContain('Virtual (N眉rnberg, DE)');
  const girona = known.groups.find((group) => group.name === 'Rust Girona')!;
  expect(girona.events).toBe(4);
  expect(girona.locations).toEqual(['Virtual (Girona, ES)', 'Girona, ES']);
});

it('cleans group names of separators left where emoji were lost, and knows them as one group with the name written whole', () => {
  const read = (name: string) => readFileSync(resolve(__dirname, '../../../../test/fixtures', name), 'utf8');
  // The seed writes `[Code Mavens  -  - ]`, its published version `[Code Mavens 🦀 - 🐍 - 🐪]`.
  const seed = buildModel(read('seeds/2026-01-14-this-week-in-rust.md'));
  const names = (groups: { name: string }[]) => groups.map((group) => group.name).filter((name) => name.startsWith('Code Mavens'));
  expect(names(knownEvents(seed, []).groups)).toEqual(['Code Mavens']);
  const published = relatedIssue('2026-01-07-this-week-in-rust.md', buildModel(read('recent/2026-01-07-this-week-in-rust.md')));
  expect(names(knownEvents(seed, [published]).groups)).toEqual(['Code Mavens 🦀 - 🐍 - 🐪']);
});
