import { formatIsoDate } from '../../util/dates';
import { windowRewriteDoubt } from '../../trust';
import type { Finding, Rule } from '../types';
import { currentEvents, eventsWindow, windowSide, type Window } from './common';
import type { EventsModel } from '../../model/types';

const rule: Rule = {
  id: 'events/window-header',
  certainty: 'defect',
  fixable: true,
  docs:
    'The line `Rusty Events between START - END 🦀` under Upcoming Events: it must be there and well formed, START must be ' +
    "the issue's date (the header's `Date:`) and END four weeks (28 days) later, as the draft script writes it. The fix " +
    'rewrites the dates from the header date — unasked only when that date is confirmed (a Wednesday, the file ' +
    'name\'s date) and no event inside the window as written falls outside the new one (fix-all would then remove ' +
    'it on the strength of a window it wrote itself); a lost crab is a warning.',
  peers: { eventsLint: 'reads `Rusty Events between START - END` and judges events by it; ours also checks it against the header date' },
  example: {
    wrong: '## Upcoming Events\n\nRusty Events between 2026-01-07 - 2026-02-04 🦀\n\n### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com/paris)\n    * [**Rust meetup**](https://example.com/paris/1)',
    right: '## Upcoming Events\n\nRusty Events between 2026-01-14 - 2026-02-11 🦀\n\n### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com/paris)\n    * [**Rust meetup**](https://example.com/paris/1)',
  },
  check({ model }) {
    const events = currentEvents(model);
    const expected = eventsWindow(model);
    if (!events) return [];
    const issueDate = model.header?.issueDate;
    const window = events.window;
    const sentence = expected && `Rusty Events between ${formatIsoDate(expected.start)} - ${formatIsoDate(expected.end)}`;
    // Writing the dates follows the header date: only a confirmed one is applied unasked, and never
    // one that puts events outside (fix-all would remove them on the strength of its own window).
    const doubt = expected && windowRewriteDoubt(model, newlyOutside(events, window?.start && window.end ? { start: window.start, end: window.end } : undefined, expected));
    const safe = !doubt;
    if (!window) {
      const heading = events.section.heading;
      const position = { line: heading.line + 1, character: 0 };
      return [
        {
          range: heading.range,
          message: `Upcoming Events has no window line \`Rusty Events between START - END 🦀\`.${doubt ? ` Not added unasked: ${doubt}.` : ''}`,
          fix: sentence && issueDate ? { title: 'Add the window line', edits: [{ range: { start: position, end: position }, newText: `${model.eol}${sentence} 🦀${model.eol}` }], safe, doubt } : undefined,
        },
      ];
    }
    const findings: Finding[] = [];
    if (!window.startRange || !window.endRange || !window.start || !window.end) {
      findings.push({
        range: window.datesRange.start.character < window.datesRange.end.character ? window.datesRange : window.sentenceRange,
        message: sentence ? `Malformed window line: it should read \`${sentence} 🦀\`.${doubt ? ` Not rewritten unasked: ${doubt}.` : ''}` : 'Malformed window line: write `Rusty Events between YYYY-MM-DD - YYYY-MM-DD 🦀`.',
        fix: sentence && issueDate ? { title: 'Rewrite the window line from the issue date', edits: [{ range: window.sentenceRange, newText: sentence }], safe, doubt } : undefined,
      });
    } else if (expected) {
      const written = (range: typeof window.startRange) => window.text.slice(range.start.character, range.end.character);
      const wantStart = formatIsoDate(expected.start);
      const wantEnd = formatIsoDate(expected.end);
      if (issueDate && written(window.startRange) !== wantStart) {
        findings.push({
          range: window.startRange,
          message: `The window starts ${written(window.startRange)}, but the issue is dated ${wantStart}.${doubt ? ` Not rewritten unasked: ${doubt}.` : ''}`,
          fix: { title: `Start the window on ${wantStart}`, edits: [{ range: window.startRange, newText: wantStart }], safe, doubt },
        });
      }
      if (written(window.endRange) !== wantEnd) {
        findings.push({
          range: window.endRange,
          message: `The window ends ${written(window.endRange)}; it should end 28 days after ${wantStart}, on ${wantEnd}.${doubt ? ` Not rewritten unasked: ${doubt}.` : ''}`,
          fix: { title: `End the window on ${wantEnd}`, edits: [{ range: window.endRange, newText: wantEnd }], safe, doubt },
        });
      }
    }
    if (!window.hasCrab) {
      const end = window.sentenceRange.end;
      findings.push({
        range: window.sentenceRange,
        message: 'The window line has lost its 🦀.',
        certainty: 'convention',
        fix: { title: 'Add the crab', edits: [{ range: { start: end, end }, newText: ' 🦀' }] },
      });
    }
    return findings;
  },
};

/** The events inside the written window (every dated event when there is none) that the expected one puts outside. */
function newlyOutside(events: EventsModel, written: Window | undefined, expected: Window): number {
  let count = 0;
  for (const region of events.regions) {
    for (const entry of region.events) if (!(written && windowSide(entry, written)) && windowSide(entry, expected)) count++;
  }
  return count;
}

export default rule;
