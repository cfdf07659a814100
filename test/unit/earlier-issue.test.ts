import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/service/model/build';
import { earlierIssue } from '../../server/src/service/rules/links/shared';
import { earlierIssueOf } from '../../server/src/service/workspace/earlier-issue';
import { FIXTURES } from './fixtures';

/** What the look-back reads of an issue equals what the issue's whole model says, on every published issue. */
describe('earlierIssueOf', () => {
  for (const folder of ['archive', 'recent', 'published', 'seeds', 'draft']) {
    describe(`${folder}/`, () => {
      const found = { links: 0, places: 0 };
      it.each(readdirSync(join(FIXTURES, folder)).sort())('finds exactly the links and places the whole model finds: %s', (fileName) => {
        const text = readFileSync(join(FIXTURES, folder, fileName), 'utf8');
        const expected = earlierIssue(fileName, buildModel(text, { fileName }));
        expect(earlierIssueOf(text, fileName)).toEqual(expected);
        found.links += expected.communityUrls.length;
        found.places += expected.statedPlaces.length;
      });
      if (folder === 'archive' || folder === 'recent') {
        it('compared links and places', () => expect(found.links > 0 && found.places > 0).toBe(true));
      }
    });
  }

  it('keeps what the blanked text would change: a definition elsewhere, CRLF, an event written as a heading', () => {
    const text = [
      'Title: This Week in Rust 600',
      'Number: 600',
      'Date: 2025-05-21',
      '',
      '## Updates from Rust Community',
      '',
      '* [Reference][ref]',
      '* [Inline](https://example.com/a)',
      '',
      '## Crate of the Week',
      '',
      '```',
      '## Upcoming Events',
      '```',
      '',
      '## Upcoming Events',
      '',
      '### Virtual',
      '',
      '# 2025-05-22 | Virtual (Portland, OR, US) | [Group](https://example.com/g)',
      '    * [**Talk**](https://example.com/t)',
      '',
      '## Jobs',
      '',
      '[ref]: https://example.com/ref',
      '',
    ].join('\r\n');
    const fileName = '2025-05-21-this-week-in-rust.md';
    const issue = earlierIssueOf(text, fileName);
    expect(issue).toEqual(earlierIssue(fileName, buildModel(text, { fileName })));
    expect(issue?.communityUrls).toEqual(['https://example.com/ref', 'https://example.com/a']);
  });
});
