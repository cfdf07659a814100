import { earlierIssue } from '../links/shared';
import { buildModel } from '../../model/build';
import { eventsIssue, testRule } from '../testing';
import rule from './location';

const event = (location: string) => `* 2026-01-20 | ${location} | [Group](https://example.com/group)\n    * [**Meetup**](https://example.com/events/1/)`;
const region = (name: string, ...locations: string[]) => `### ${name}\n${locations.map(event).join('\n')}`;
/** The same events in an issue of 2024-01-24: the conventions of that time apply. */
const olderIssue = (body: string) => eventsIssue(body).replace('Date: 2026-01-14', 'Date: 2024-01-24');

testRule(rule, {
  valid: [
    eventsIssue(
      [
        region('Virtual', 'Virtual', 'Virtual (Berlin, DE)', 'Hybrid (Seattle, WA, US)'),
        region('Europe', 'Reading, UK', 'Praha / Prague, CZ', 'Leipzig, SN, DE'),
        region('North America', 'Toronto, ON, CA'),
        region('Oceania', 'Perth, WA, AU', 'Sydney, AU'),
      ].join('\n\n'),
    ),
    { name: 'an event in several places at once', code: eventsIssue(region('Virtual', 'Various - EMEA', 'Virtual (Joint Meetup, Europe + Israel)')) },
    {
      name: 'Canada without a province, from 2026-07 (conventions.ts optionalCaStates)',
      code: eventsIssue(region('North America', 'Toronto, CA', 'Toronto, ON, CA')).replace('Date: 2026-01-14', 'Date: 2026-07-01'),
    },
    {
      name: 'the hybrid forms of 2024, the style of their time',
      code: olderIssue(region('Virtual', 'Vancouver, BC, CA + Virtual', 'Virtual and In-Person (Vancouver, BC, CA)', 'Hybrid - Virtual and In-Person (Seattle, WA, US)', 'Hybrid (Barcelona, ES)')),
    },
  ],
  invalid: [
    {
      name: 'labels editors correct',
      code: eventsIssue(region('Virtual', 'Online', 'Virtual(Berlin, DE)', 'Virtual( Kampala, UG )', 'Virtual and In-Person (Vancouver, BC, CA)', 'Virtual + Dallas')),
      errors: [
        { line: 11, message: 'Write `Virtual`, not `Online`.' },
        { line: 13, message: 'Write `Virtual (` before the place.' },
        { line: 15, message: 'Write `Virtual (` before the place.' },
        { line: 15, message: 'Close the place with `)` right after it.' },
        { line: 17, message: 'Write `Hybrid` (an event both online and in person), not `Virtual and In-Person`.' },
        { line: 19, message: 'Write `Virtual (City, ST, CC)`, not "Virtual + Dallas".' },
      ],
      output: eventsIssue(region('Virtual', 'Virtual', 'Virtual (Berlin, DE)', 'Virtual (Kampala, UG)', 'Hybrid (Vancouver, BC, CA)', 'Virtual + Dallas')),
    },
    {
      name: 'country codes, states and spacing',
      code: eventsIssue(
        [region('Europe', 'London, GB', 'Kuala Lumpur, Malaysia', 'Berlin, de', 'Atlantis, XY', 'Sydney, AUS'), region('North America', 'Columbus , OH, US', 'Seattle, WA', 'Boston, US')].join('\n\n'),
      ),
      errors: [
        { line: 11, message: 'TWiR writes the United Kingdom as `UK`, not `GB`.' },
        { line: 13, message: 'Write the country code MY, not "Malaysia".' },
        { line: 15, message: 'Write the country code in capitals: DE.' },
        { line: 17, message: '"XY" is not an ISO 3166-1 alpha-2 country code.' },
        { line: 19, message: 'Write the country code AU, not "AUS".' },
        { line: 23, message: 'Separate the parts of a location with `, `.' },
        { line: 25, message: 'WA is a state or province: add the country, `Seattle, WA, US`.' },
        { line: 27, message: 'Locations in United States carry a state or province: `Boston, ST, US`.' },
      ],
      output: eventsIssue(
        [region('Europe', 'London, UK', 'Kuala Lumpur, MY', 'Berlin, DE', 'Atlantis, XY', 'Sydney, AU'), region('North America', 'Columbus, OH, US', 'Seattle, WA, US', 'Boston, US')].join('\n\n'),
      ),
    },
    {
      name: 'the missing state filled in from a place this issue already writes',
      code: eventsIssue(region('North America', 'Portland, OR, US', 'Portland, US')),
      errors: [{ line: 13, message: 'Locations in United States carry a state or province: `Portland, OR, US` (as this issue writes it).' }],
      output: eventsIssue(region('North America', 'Portland, OR, US', 'Portland, OR, US')),
    },
    {
      name: 'the missing state filled in from a recent issue',
      code: eventsIssue(region('North America', 'Boston, US')),
      recentIssues: [earlierIssue('2026-01-07-this-week-in-rust.md', buildModel(eventsIssue(region('North America', 'Boston, MA, US'))))],
      errors: [{ line: 11, message: '`Boston, MA, US` (as a recent issue writes it).' }],
      output: eventsIssue(region('North America', 'Boston, MA, US')),
    },
    {
      name: 'a country alone, in words',
      code: eventsIssue(region('Virtual', 'Virtual (Israel)')),
      errors: [{ line: 11, message: 'Write the country as its code, IL, not "Israel".' }],
      output: eventsIssue(region('Virtual', 'Virtual (IL)')),
    },
    {
      name: 'Canada and Australia with a state until 2025',
      code: olderIssue(region('Oceania', 'Sydney, AU', 'Sydney, NSW, AU')),
      errors: [{ line: 11, message: 'Locations in Australia carry a state or province: `Sydney, NSW, AU` (as this issue writes it).' }],
      output: olderIssue(region('Oceania', 'Sydney, NSW, AU', 'Sydney, NSW, AU')),
    },
    {
      name: 'the hybrid forms before 2025 are rewritten from 2025',
      code: eventsIssue(region('Virtual', 'Vancouver, BC, CA + Virtual', 'Virtual and In-Person (Vancouver, BC, CA)', 'Hybrid - Virtual and In-Person (Seattle, WA, US)')),
      errors: [
        { line: 11, message: 'Write `Hybrid (Vancouver, BC, CA)` for an event both online and in person' },
        { line: 13, message: 'Write `Hybrid` (an event both online and in person), not `Virtual and In-Person`.' },
        { line: 15, message: 'not `Hybrid - Virtual and In-Person`' },
      ],
      output: eventsIssue(region('Virtual', 'Hybrid (Vancouver, BC, CA)', 'Hybrid (Vancouver, BC, CA)', 'Hybrid (Seattle, WA, US)')),
    },
  ],
});
