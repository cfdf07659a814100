import type { Finding, Rule } from '../types';
import { currentEvents, eventStart, eventsWindow, formatWindow, removeEntry } from './common';

const rule: Rule = {
  id: 'events/out-of-window',
  severity: 'error',
  fixable: true,
  docs:
    "An event whose date falls outside the issue's events window (the issue date and the 28 days after it). Drafts are " +
    "made with the previous week's events copied in, so removing the past ones is routine; a range that overlaps the " +
    'window counts as inside. The fix removes the event (its overview and title lines).',
  peers: { eventsLint: 'the same window check (inclusive, a range counts when it overlaps) and the same removal; ours takes the window from the header date and removes unasked only on a trusted header (see Robustness)' },
  check({ model }) {
    const events = currentEvents(model);
    const window = eventsWindow(model);
    if (!events || !window) return [];
    const findings: Finding[] = [];
    for (const region of events.regions) {
      for (const entry of region.events) {
        const date = entry.event?.date;
        const start = eventStart(entry);
        if (!date || !start) continue;
        const end = date.reading?.end ?? start;
        const where =
          end.dayNumber < window.start.dayNumber ? 'before' : start.dayNumber > window.end.dayNumber ? 'after' : undefined;
        if (!where) continue;
        findings.push({
          range: date.range,
          message: `${date.text} is ${where} the window ${formatWindow(window)}.`,
          fix: { title: 'Remove the event', edits: [removeEntry(model, entry)] },
        });
      }
    }
    return findings;
  },
};

export default rule;
