import { eventsIssue, testRule } from '../testing';
import rule from './order';

const event = (date: string, city: string, id = date) =>
  `* ${date} | ${city} | [Group](https://example.com/group)\n    * [**Meetup ${id}**](https://example.com/events/${id}/)`;

testRule(rule, {
  valid: [
    eventsIssue(`### Europe\n${event('2026-01-15', 'Berlin, DE')}\n${event('2026-01-15', 'Paris, FR')}\n${event('2026-01-20', 'Amsterdam, NL')}`),
    { name: 'a bare Virtual goes first on its day', code: eventsIssue(`### Virtual\n${event('2026-01-15', 'Virtual')}\n${event('2026-01-15', 'Virtual (Berlin, DE)', 'b')}`) },
    {
      name: 'a day by the whole location text, character by character (as the events linter sorts)',
      code: eventsIssue(`### Virtual\n${event('2026-01-15', 'Hybrid (Seattle, WA, US)')}\n${event('2026-01-15', 'Virtual (Zürich, CH)', 'b')}\n${event('2026-01-15', 'Virtual (Åre, SE)', 'c')}\n${event('2026-01-15', 'Virtual (ÿ, SE)', 'd')}`),
    },
  ],
  invalid: [
    {
      name: 'an event before the previous date, and two events of a day out of location order',
      code: eventsIssue(
        `### Europe\n${event('2026-01-20', 'Paris, FR')}\n${event('2026-01-15', 'Berlin, DE')}\n${event('2026-01-22', 'Oslo, NO')}\n${event('2026-01-22', 'Bern, CH')}\n<!-- keep -->\n${event('2026-01-25', 'Rome, IT')}\n\n### Asia\n${event('2026-01-16', 'Seoul, KR')}`,
      ),
      errors: [
        { line: 13, message: '2026-01-15 is listed after 2026-01-20 (line 11): events go in date order.' },
        { line: 17, message: 'On 2026-01-22, "Bern, CH" goes before "Oslo, NO" (line 15): events of a day go by location.', severity: 'warning' },
      ],
      output: eventsIssue(
        `### Europe\n${event('2026-01-15', 'Berlin, DE')}\n${event('2026-01-20', 'Paris, FR')}\n${event('2026-01-22', 'Bern, CH')}\n${event('2026-01-22', 'Oslo, NO')}\n<!-- keep -->\n${event('2026-01-25', 'Rome, IT')}\n\n### Asia\n${event('2026-01-16', 'Seoul, KR')}`,
      ),
    },
    {
      name: 'the text between events stays in place',
      code: eventsIssue(`### Europe\n${event('2026-01-20', 'Paris, FR')}\n\n${event('2026-01-15', 'Berlin, DE')}`),
      errors: [{ line: 14 }],
      output: eventsIssue(`### Europe\n${event('2026-01-15', 'Berlin, DE')}\n\n${event('2026-01-20', 'Paris, FR')}`),
    },
    {
      name: 'a region with an unreadable date is not sorted',
      code: eventsIssue(`### Europe\n${event('2026-01-20', 'Paris, FR')}\n${event('2026-01-15', 'Berlin, DE')}\n${event('2026-02-30', 'Rome, IT')}`),
      errors: [{ line: 13 }],
    },
  ],
});
