import { eventsIssue, testRule } from '../testing';
import rule from './location';

const event = (location: string) => `* 2026-01-20 | ${location} | [Group](https://example.com/group)\n    * [**Meetup**](https://example.com/events/1/)`;
const region = (name: string, ...locations: string[]) => `### ${name}\n${locations.map(event).join('\n')}`;

testRule(rule, {
  valid: [
    eventsIssue(
      [
        region('Virtual', 'Virtual', 'Virtual (Berlin, DE)', 'Hybrid (Seattle, WA, US)'),
        region('Europe', 'Reading, UK', 'Praha / Prague, CZ', 'Leipzig, SN, DE'),
        region('Oceania', 'Perth, WA, AU'),
      ].join('\n\n'),
    ),
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
        [region('Europe', 'London, GB', 'Kuala Lumpur, Malaysia', 'Berlin, de', 'Atlantis, XY'), region('North America', 'Columbus , OH, US', 'Seattle, WA', 'Toronto, CA')].join('\n\n'),
      ),
      errors: [
        { line: 11, message: 'TWiR writes the United Kingdom as `UK`, not `GB`.' },
        { line: 13, message: 'Write the country code MY, not "Malaysia".' },
        { line: 15, message: 'Write the country code in capitals: DE.' },
        { line: 17, message: '"XY" is not an ISO 3166-1 alpha-2 country code.' },
        { line: 21, message: 'Separate the parts of a location with `, `.' },
        { line: 23, message: 'WA is a state or province: add the country, `Seattle, WA, US`.' },
        { line: 25, message: 'Locations in Canada carry a state or province: `Toronto, ST, CA`.' },
      ],
      output: eventsIssue(
        [region('Europe', 'London, UK', 'Kuala Lumpur, MY', 'Berlin, DE', 'Atlantis, XY'), region('North America', 'Columbus, OH, US', 'Seattle, WA, US', 'Toronto, CA')].join('\n\n'),
      ),
    },
  ],
});
