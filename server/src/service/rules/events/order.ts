import { conventionsOf } from '../../conventions';
import type { Entry } from '../../model/types';
import { formatIsoDate } from '../../util/dates';
import type { Finding, Fix, Rule } from '../types';
import { lineScope } from '../fixes';
import { compareEvents, currentEvents, eventStart, permuteBlocks } from './common';

const rule: Rule = {
  id: 'events/order',
  certainty: 'convention',
  fixable: true,
  docs:
    'Events inside a region are listed by date, and on the same date by the whole location text compared character ' +
    'by character (`Berlin, DE` before `Hybrid (…)` before `Virtual (…)`), as the events team\'s linter sorts them. An ' +
    'event listed before an earlier one is hard to find. The order within a day is reported from the 2025-05-14 ' +
    'issue, when the events linter ran on drafts (before, editors ordered a day by hand). The fix sorts the region ' +
    "that way, moving whole events and keeping each event's lines as written.",
  peers: { eventsLint: 'the same order (date, then `location.to_string()`), reported and fixed as it does' },
  example: {
    in: 'events',
    wrong: '### Europe\n* 2026-01-21 | Lyon, FR | [Rust Lyon](https://example.com/lyon)\n    * [**Rust meetup**](https://example.com/lyon/1)\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com/paris)\n    * [**Rust meetup**](https://example.com/paris/1)',
    right: '### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com/paris)\n    * [**Rust meetup**](https://example.com/paris/1)\n* 2026-01-21 | Lyon, FR | [Rust Lyon](https://example.com/lyon)\n    * [**Rust meetup**](https://example.com/lyon/1)',
  },
  check({ model }) {
    const events = currentEvents(model);
    if (!events) return [];
    // Before the events linter, a day's order was the editors' own: only dates are compared then.
    const compare = conventionsOf(model).sameDayOrder ? compareEvents : compareDates;
    const findings: Finding[] = [];
    for (const region of events.regions) {
      const entries = region.events;
      const misplaced: Finding[] = [];
      for (let index = 1; index < entries.length; index++) {
        const [previous, entry] = [entries[index - 1], entries[index]];
        const [before, day] = [eventStart(previous), eventStart(entry)];
        if (!before || !day || compare(entry, previous) >= 0) continue;
        // An event without a location has no place in a day's order (events/overview-format reports it).
        if (day.dayNumber === before.dayNumber && !(entry.event?.location && previous.event?.location)) continue;
        misplaced.push(
          day.dayNumber < before.dayNumber
            ? {
                range: entry.event!.date!.range,
                message: `${formatIsoDate(day)} is listed after ${formatIsoDate(before)} (line ${previous.line + 1}): events go in date order.`,
              }
            : {
                range: entry.event?.location?.range ?? entry.range,
                message: `On ${formatIsoDate(day)}, "${entry.event?.location?.text ?? ''}" goes before "${previous.event?.location?.text ?? ''}" (line ${previous.line + 1}): events of a day go by location.`,
              },
        );
      }
      const fix = misplaced.length > 0 ? sortFix(entries) : undefined;
      findings.push(...misplaced.map((finding) => ({ ...finding, fix })));
    }
    return findings;

    function sortFix(entries: readonly Entry[]): Fix | undefined {
      // Events without a readable date have no place in the order: leave such a region to a person.
      if (entries.some((entry) => !eventStart(entry))) return undefined;
      const order = entries.map((_, index) => index).sort((a, b) => compare(entries[a], entries[b]));
      const edit = permuteBlocks(model, entries.map((entry) => ({ first: entry.line, last: entry.endLine })), order);
      return edit && { title: 'Sort the region by date, then location', edits: [edit], scope: [lineScope(entries[0].line, entries[entries.length - 1].endLine)] };
    }
  },
};

function compareDates(a: Entry, b: Entry): number {
  return (eventStart(a)?.dayNumber ?? 0) - (eventStart(b)?.dayNumber ?? 0);
}

export default rule;
