import { buildModel } from '../service/model/build';
import { lint } from '../service/lint';

/**
 * A small made-up issue with the shapes of a real one (header, community links, a comment, events,
 * definitions): analysing it once the server has started compiles the parser and the rules, so that
 * the first file the user opens does not pay for V8's warm-up (about twice the analysis time).
 */
function sampleIssue(): string {
  const links = Array.from({ length: 12 }, (_, i) => `* [Post number ${i} about \`async\` Rust](https://example.com/blog/${i}) by [someone][people]`);
  const events = Array.from({ length: 8 }, (_, i) => [
    `* 2026-01-${String(15 + i).padStart(2, '0')} | Virtual (Berlin, DE) | [Rust Meetup ${i}](https://www.meetup.com/rust-${i}/)`,
    `    * [**Talk night ${i}**](https://www.meetup.com/rust-${i}/events/${i}/)`,
  ]);
  return [
    'Title: This Week in Rust 634',
    'Number: 634',
    'Date: 2026-01-14',
    'Category: This Week in Rust',
    '',
    'Hello and welcome to another issue of *This Week in Rust*!',
    '',
    '## Updates from Rust Community',
    '',
    '<!-- a comment for the editors -->',
    '',
    '### Newsletters',
    ...links,
    '',
    '## Upcoming Events',
    '',
    'Rusty Events between 2026-01-14 - 2026-02-11 🦀',
    '',
    '### Virtual',
    ...events.flat(),
    '',
    '[people]: https://example.com/people',
    '',
  ].join('\n');
}

/** Analyses the sample a few times, yielding between runs so that real requests never wait long. */
export async function warmUp(): Promise<void> {
  const text = sampleIssue();
  for (let run = 0; run < 4; run++) {
    await new Promise((resolve) => setTimeout(resolve));
    lint(buildModel(text, { fileName: '2026-01-14-this-week-in-rust.md' }));
  }
}
