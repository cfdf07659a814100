import { lineSpan } from '../../util/text';
import type { Finding, Rule } from '../types';
import { currentEvents } from './common';

const rule: Rule = {
  id: 'events/stray-line',
  certainty: 'convention',
  fixable: false,
  docs:
    'A line in an events region that belongs to no event: text between events, a title line whose event line is ' +
    'missing, or an item that does not start with a date. The events after it are still read and checked. No fix: ' +
    'only a person knows whether it is a broken event or a note to delete.',
  peers: { eventsLint: 'rejects the same lines as lines of an unexpected type' },
  example: {
    in: 'events',
    wrong: '### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com/paris)\n    * [**Rust meetup**](https://example.com/paris/1)\nTBD: more to come',
    right: '### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com/paris)\n    * [**Rust meetup**](https://example.com/paris/1)',
  },
  check({ model }) {
    const events = currentEvents(model);
    if (!events) return [];
    const findings: Finding[] = [];
    for (const region of events.regions) {
      for (const entry of region.section.entries) {
        if (entry.kind !== 'stray-line') continue;
        const first = entry.lines[0];
        const title = /^\s*(?:[*+-]\s*)?\[\*\*/.test(first.text);
        findings.push({
          range: lineSpan(first.line, first.contentStart, first.text.length),
          message: title
            ? 'A title line without its event line above it: write `* DATE | LOCATION | [Group](url)` first.'
            : 'This line is not an event: an event starts with `* YYYY-MM-DD | LOCATION | [Group](url)`.',
        });
      }
    }
    return findings;
  },
};

export default rule;
