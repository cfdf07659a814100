import type { Entry } from '../../model/types';
import { eventRemovalDoubt } from '../../trust';
import type { Rule } from '../types';
import { currentEvents, eventsWindow, formatWindow, removeEntry, windowSide } from './common';

const rule: Rule = {
  id: 'events/out-of-window',
  certainty: 'task',
  fixable: true,
  docs:
    "An event whose date falls outside the issue's events window (the issue date and the 28 days after it). Drafts are " +
    "made with the previous week's events copied in, so removing the past ones is routine; a range that overlaps the " +
    'window counts as inside. The fix removes the event (its overview and title lines); fix-all, a save and ' +
    '`twir-lint --fix` apply it only when the header date is confirmed (a Wednesday, the file name\'s date, the ' +
    'window line\'s) before the run\'s first fix, and the removal leaves at least half of the events; otherwise it is ' +
    'offered one by one, with the reason.',
  peers: { eventsLint: 'the same window check (inclusive, a range counts when it overlaps) and the same removal; ours takes the window from the header date and removes unasked only on a trusted header (see Robustness)' },
  example: {
    in: 'events',
    wrong: '### Europe\n* 2026-01-07 | Lyon, FR | [Rust Lyon](https://example.com/lyon)\n    * [**Rust meetup**](https://example.com/lyon/1)\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com/paris)\n    * [**Rust meetup**](https://example.com/paris/1)',
    right: '### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com/paris)\n    * [**Rust meetup**](https://example.com/paris/1)',
  },
  check({ model }) {
    const events = currentEvents(model);
    const window = eventsWindow(model);
    if (!events || !window) return [];
    const outside: { entry: Entry; where: string }[] = [];
    for (const region of events.regions) {
      for (const entry of region.events) {
        const where = windowSide(entry, window);
        if (where) outside.push({ entry, where });
      }
    }
    const total = events.regions.reduce((count, region) => count + region.events.length, 0);
    const doubt = eventRemovalDoubt(model, outside.length, total);
    return outside.map(({ entry, where }) => ({
      range: entry.event!.date!.range,
      message: `${entry.event!.date!.text} is ${where} the window ${formatWindow(window)}.${doubt ? ` Not removed unasked: ${doubt}.` : ''}`,
      fix: { title: 'Remove the event', edits: [removeEntry(model, entry)], safe: !doubt, doubt, restsOnWindow: true },
    }));
  },
};

export default rule;
