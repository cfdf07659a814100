import type { Entry } from '../../model/types';
import type { Finding, Rule } from '../types';
import { currentEvents, removeEntry } from './common';

const rule: Rule = {
  id: 'events/duplicate',
  certainty: 'convention',
  fixable: true,
  docs:
    'The same event (same title and link) listed twice in one region. On the same date the second is removed by the ' +
    'fix; on another date the link was most likely copied from the other event, which a person has to check.',
  peers: { eventsLint: 'the same title and link twice in a region; it reports every such pair as an error, we remove a same-day copy and leave a copy on another date (most likely a copied link) to a person' },
  example: {
    in: 'events',
    wrong: '### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com/paris)\n    * [**Rust meetup**](https://example.com/paris/1)\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com/paris)\n    * [**Rust meetup**](https://example.com/paris/1)',
    right: '### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com/paris)\n    * [**Rust meetup**](https://example.com/paris/1)',
  },
  check({ model }) {
    const events = currentEvents(model);
    if (!events) return [];
    const findings: Finding[] = [];
    for (const region of events.regions) {
      const seen = new Map<string, Entry>();
      for (const entry of region.events) {
        const titles = entry.event?.titles ?? [];
        if (titles.length === 0) continue;
        const key = titles.map((title) => `${title.text}\n${title.url}`).join('\n');
        const first = seen.get(key);
        if (!first) {
          seen.set(key, entry);
          continue;
        }
        const [date, firstDate] = [entry.event?.date, first.event?.date];
        const sameDay = date?.reading?.canonical !== undefined ? date.reading.canonical === firstDate?.reading?.canonical : date?.text === firstDate?.text;
        findings.push(
          sameDay
            ? {
                range: titles[0].range,
                message: `Listed twice under ${region.name}: same title, link and date as line ${first.line + 1}.`,
                fix: { title: 'Remove the second listing', edits: [removeEntry(model, entry)] },
              }
            : {
                range: titles[0].urlRange ?? titles[0].range,
                message: `Same title and link as the event of ${firstDate?.text} (line ${first.line + 1}): is the link of this one right?`,
              },
        );
      }
    }
    return findings;
  },
};

export default rule;
