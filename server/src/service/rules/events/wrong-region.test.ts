import { eventsIssue, testRule } from '../testing';
import rule from './wrong-region';

const event = (date: string, location: string, id: string) =>
  `* ${date} | ${location} | [Group ${id}](https://example.com/${id})\n    * [**Meetup ${id}**](https://example.com/${id}/events/1/)`;

const seattle = event('2026-01-15', 'Hybrid (Seattle, WA, US)', 'srug');

testRule(rule, {
  valid: [
    eventsIssue(`### Virtual\n${seattle}\n${event('2026-01-16', 'Virtual (Berlin, DE)', 'b')}\n\n### Europe\n${event('2026-01-20', 'Moscow, RU', 'm')}\n\n### North America\n${seattle}`),
    {
      name: 'online events written `City, CC` under Virtual (2022)',
      code: eventsIssue(`### Virtual\n${event('2026-01-15', 'Berlin, DE', 'b')}\n${event('2026-01-16', 'Virtual', 'v')}`),
    },
  ],
  invalid: [
    {
      name: 'an in-person event under Virtual moves to its continent',
      code: eventsIssue(`### Virtual\n${event('2026-01-15', 'Virtual (Berlin, DE)', 'b')}\n${event('2026-01-16', 'Paris, FR', 'p')}\n\n### Europe\n${event('2026-01-14', 'Oslo, NO', 'o')}\n${event('2026-01-20', 'Rome, IT', 'r')}`),
      errors: [{ line: 13, message: 'Paris, FR is an in-person event: it belongs under Europe, not Virtual.' }],
      output: eventsIssue(`### Virtual\n${event('2026-01-15', 'Virtual (Berlin, DE)', 'b')}\n\n### Europe\n${event('2026-01-14', 'Oslo, NO', 'o')}\n${event('2026-01-16', 'Paris, FR', 'p')}\n${event('2026-01-20', 'Rome, IT', 'r')}`),
    },
    {
      name: 'a virtual event under a continent moves to Virtual, created first',
      code: eventsIssue(`### Europe\n${event('2026-01-15', 'Paris, FR', 'p')}\n${event('2026-01-16', 'Virtual (Paris, FR)', 'v')}`),
      errors: [{ line: 13, message: 'A virtual event belongs under Virtual, not Europe.' }],
      output: eventsIssue(`### Virtual\n${event('2026-01-16', 'Virtual (Paris, FR)', 'v')}\n\n### Europe\n${event('2026-01-15', 'Paris, FR', 'p')}`),
    },
    {
      name: 'a virtual event already under Virtual is removed from the continent',
      code: eventsIssue(`### Virtual\n${event('2026-01-16', 'Virtual (Kampala, UG)', 'k')}\n\n### Africa\n${event('2026-01-16', 'Virtual (Kampala, UG)', 'k')}`),
      errors: [{ line: 15, message: '(it is listed there, line 11)' }],
      output: eventsIssue(`### Virtual\n${event('2026-01-16', 'Virtual (Kampala, UG)', 'k')}\n\n### Africa`),
    },
    {
      name: 'an event under the wrong continent moves to a new region in its place, after the others',
      code: eventsIssue(`### Virtual\n${event('2026-01-16', 'Virtual (Berlin, DE)', 'b')}\n\n### Europe\n${event('2026-01-17', 'Seoul, KR', 's')}\n${event('2026-01-18', 'Paris, FR', 'p')}\n\n### North America\n${event('2026-01-19', 'Santiago, CL', 'l')}\n\nIf you are running a Rust event please add it to the [calendar].`),
      errors: [
        { line: 15, message: 'KR (South Korea) is in Asia: the event belongs under Asia, not Europe.' },
        { line: 21, message: 'CL (Chile) is in South America' },
      ],
      output: eventsIssue(`### Virtual\n${event('2026-01-16', 'Virtual (Berlin, DE)', 'b')}\n\n### Asia\n${event('2026-01-17', 'Seoul, KR', 's')}\n\n### Europe\n${event('2026-01-18', 'Paris, FR', 'p')}\n\n### North America\n\n### South America\n${event('2026-01-19', 'Santiago, CL', 'l')}\n\nIf you are running a Rust event please add it to the [calendar].`),
    },
    {
      name: 'a state code where the country should be',
      code: eventsIssue(`### North America\n${event('2026-01-19', 'Columbus, IL', 'c')}\n${event('2026-01-20', 'Hamburg, DE', 'h')}`),
      errors: [
        { line: 11, message: 'IL is the code of Israel (Asia), but the event is listed under North America: move it, or, if IL is a state or province here, write the country after it.' },
        { line: 13, message: /^DE is the code of Germany \(Europe\)[^`]*$/ },
      ],
    },
    {
      name: 'a hybrid event missing its twin',
      code: eventsIssue(`### Virtual\n${seattle}\n\n### North America\n${event('2026-01-14', 'Boston, MA, US', 'bo')}`),
      errors: [{ line: 11, message: 'this one is missing under North America', severity: 'hint' }],
      output: eventsIssue(`### Virtual\n${seattle}\n\n### North America\n${event('2026-01-14', 'Boston, MA, US', 'bo')}\n${seattle}`),
    },
  ],
});
