import { lineScope } from '../fixes';
import type { Finding, Rule } from '../types';
import { currentEvents } from './common';

const rule: Rule = {
  id: 'events/empty-region',
  certainty: 'convention',
  fixable: true,
  docs:
    'A region heading under Upcoming Events with no event below it, typically left after past events were removed. ' +
    'The site would show an empty heading; the fix removes the heading and the blank lines after it.',
  peers: { eventsLint: 'the same, and the same removal of the heading' },
  example: {
    in: 'events',
    wrong: '### Asia\n\n### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com/paris)\n    * [**Rust meetup**](https://example.com/paris/1)',
    right: '### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com/paris)\n    * [**Rust meetup**](https://example.com/paris/1)',
  },
  check({ model }) {
    const events = currentEvents(model);
    if (!events) return [];
    const findings: Finding[] = [];
    for (const region of events.regions) {
      // A region whose lines are all broken events is not empty: events/stray-line reports them.
      if (region.section.entries.length > 0) continue;
      const heading = region.section.heading;
      let last = heading.line;
      while (last + 1 < model.lines.lineCount && model.lineKinds[last + 1] === 'blank') last++;
      findings.push({
        range: heading.range,
        message: `${region.name} has no events.`,
        fix: { title: 'Remove the empty region', edits: [{ range: model.lines.linesWithBreakRange(heading.line, last), newText: '' }], scope: [lineScope(heading.line, last)] },
      });
    }
    return findings;
  },
};

export default rule;
