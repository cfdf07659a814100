import { NONE_SENTENCES } from '../model/sections';
import type { SectionKind } from '../model/types';
import { REGIONS } from '../util/countries';

/**
 * The line shapes of a TWiR issue in VS Code snippet syntax (tab stops, placeholders, choices for
 * closed sets). One list serves both the static `snippets/twir.code-snippets` (generated from it by
 * `snippets/generate.ts`) and the server's completions, which offer each shape in its sections with
 * the issue's own dates filled in. Placeholder defaults are valid values, so that a shape accepted
 * with Tab-Tab-Tab still passes the rules; the editor overwrites them.
 */
export interface Shape {
  /** The snippet prefix, `twir-…`. */
  readonly prefix: string;
  readonly description: string;
  /** The sections where the completion provider offers the shape at the start of a line. */
  readonly sections: readonly SectionKind[];
  readonly body: (dates: ShapeDates) => string;
  /** Only the server can offer it: it needs dates that snippet variables cannot compute. */
  readonly serverOnly?: boolean;
}

/** Dates a shape starts with: real dates from the server, snippet variables in the static file. */
export interface ShapeDates {
  /** A date for a new event (inside the events window). */
  readonly date: string;
  /** A few days later: the end of a date range, a CFP's event date. */
  readonly laterDate: string;
  readonly issueDate: string;
  /** The last day of the events window (the issue date + 28 days). */
  readonly windowEnd: string;
}

/** The static snippets' dates: today, as VS Code's snippet variables. */
const TODAY = '$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE';
export const TODAY_VARIABLES: ShapeDates = { date: TODAY, laterDate: TODAY, issueDate: TODAY, windowEnd: TODAY };

const choice = (tabStop: number, options: readonly string[]) => `\${${tabStop}|${options.join(',')}|}`;

const REGION_CHOICE = choice(1, REGIONS);
const EVENTS = ['events-region'] as const;
const COMMUNITY = ['community', 'community-category'] as const;
const RFC_LISTS = ['approved-rfcs', 'new-rfcs', 'fcp', 'fcp-tracking', 'fcp-group'] as const;

/** `* DATE | LOCATION | [Group](url)` and its 4-space nested title line. */
function event(date: string, location: string, groups: string, next: number): string {
  return [
    `* ${date} | ${location} | ${groups}`,
    `    * [**\${${next}:Event title}**](\${${next + 1}:https://www.meetup.com/rust-group/events/123456789/})$0`,
  ].join('\n');
}

const GROUP = '[${4:Rust Group}](${5:https://www.meetup.com/rust-group/})';

export const SHAPES: readonly Shape[] = [
  {
    prefix: 'twir-event',
    description: 'Upcoming event in person: date | City, CC | group, then the title',
    sections: EVENTS,
    body: ({ date }) => event(`\${1:${date}}`, '${2:Berlin}, ${3:DE}', GROUP, 6),
  },
  {
    prefix: 'twir-event-state',
    description: 'Upcoming event in person in the US, Canada or Australia: City, ST, CC',
    sections: EVENTS,
    body: ({ date }) => event(`\${1:${date}}`, '${2:Seattle}, ${3:WA}, ${4|US,CA,AU|}', '[${5:Rust Group}](${6:https://www.meetup.com/rust-group/})', 7),
  },
  {
    prefix: 'twir-event-virtual',
    description: 'Upcoming virtual event: Virtual (City, CC)',
    sections: EVENTS,
    body: ({ date }) => event(`\${1:${date}}`, 'Virtual (${2:Berlin}, ${3:DE})', GROUP, 6),
  },
  {
    prefix: 'twir-event-hybrid',
    description: 'Upcoming hybrid event: Hybrid (City, CC) — list it under Virtual and under its continent',
    sections: EVENTS,
    body: ({ date }) => event(`\${1:${date}}`, 'Hybrid (${2:Berlin}, ${3:DE})', GROUP, 6),
  },
  {
    prefix: 'twir-event-groups',
    description: 'Upcoming event of several groups: [A](u) + [B](v)',
    sections: EVENTS,
    body: ({ date }) =>
      event(`\${1:${date}}`, '${2:Berlin}, ${3:DE}', '[${4:Rust Group}](${5:https://www.meetup.com/rust-group/}) + [${6:Other Group}](${7:https://www.meetup.com/other-group/})', 8),
  },
  {
    prefix: 'twir-event-range',
    description: 'Upcoming event over several days: START - END',
    sections: EVENTS,
    body: ({ date, laterDate }) => event(`\${1:${date}} - \${2:${laterDate}}`, '${3:Berlin}, ${4:DE}', '[${5:Rust Conference}](${6:https://rust.example.org/})', 7),
  },
  {
    prefix: 'twir-region',
    description: 'Upcoming Events region heading',
    sections: ['events', 'events-region'],
    body: () => `### ${REGION_CHOICE}`,
  },
  {
    prefix: 'twir-events-window',
    description: 'Upcoming Events window line: the issue date and four weeks after',
    sections: ['events'],
    serverOnly: true,
    body: ({ issueDate, windowEnd }) => `Rusty Events between \${1:${issueDate}} - \${2:${windowEnd}} 🦀`,
  },
  {
    prefix: 'twir-link',
    description: 'Community link',
    sections: COMMUNITY,
    body: () => '* [${1:Title of the linked page}](${2:https://blog.example.org/article})',
  },
  ...(['video', 'audio', 'series'] as const).map(
    (prefix): Shape => ({
      prefix: `twir-link-${prefix}`,
      description: `Community link to ${prefix === 'series' ? 'a series' : `${prefix === 'audio' ? 'an' : 'a'} ${prefix}`}: [${prefix}] [Title](url)`,
      sections: COMMUNITY,
      body: () => `* [${prefix}] [\${1:Title of the linked ${prefix}}](\${2:https://blog.example.org/${prefix}})`,
    }),
  ),
  {
    prefix: 'twir-link-language',
    description: 'Community link in another language: [ZH] [Title](url)',
    sections: COMMUNITY,
    body: () => `* [${choice(1, ['ZH', 'JA', 'ES', 'PT', 'FR', 'DE', 'RU', 'KO', 'IT', 'UK'])}] [\${2:Title of the linked page}](\${3:https://blog.example.org/article})`,
  },
  {
    prefix: 'twir-cfp-project',
    description: 'Call for participation, project task: [project - title of issue](issue URL)',
    sections: ['cfp-projects'],
    body: () => '* [${1:project} - ${2:title of the issue}](${3:https://github.com/owner/project/issues/1})',
  },
  {
    prefix: 'twir-cfp-event',
    description: 'Call for papers: [**event**](CFP URL) | Closes DATE | City, CC | DATE',
    sections: ['cfp-events'],
    body: ({ date, laterDate }) =>
      `* [**\${1:Event name}**](\${2:https://rust.example.org/cfp}) | Closes \${3:${date}} | \${4:Berlin}, \${5:DE} | \${6:${laterDate}}`,
  },
  {
    prefix: 'twir-rfc',
    description: 'RFC, issue or PR: [title](URL)',
    sections: RFC_LISTS,
    body: () => '* [${1:RFC title}](${2:https://github.com/rust-lang/rfcs/pull/1})',
  },
  {
    prefix: 'twir-rfc-updated',
    description: 'Updated RFC: [updated] [title](URL)',
    sections: ['new-rfcs'],
    body: () => '* [updated] [${1:RFC title}](${2:https://github.com/rust-lang/rfcs/pull/1})',
  },
  {
    prefix: 'twir-fcp',
    description: 'Final Comment Period item with its disposition',
    sections: ['fcp', 'fcp-tracking', 'fcp-group'],
    body: () => `* [disposition: ${choice(1, ['merge', 'close', 'postpone', 'unspecified'])}] [\${2:Item title}](\${3:https://github.com/rust-lang/rust/issues/1})`,
  },
  {
    prefix: 'twir-fcp-group',
    description: 'Final Comment Period group heading: ##### [Group](URL)',
    sections: ['fcp', 'fcp-tracking', 'fcp-group'],
    body: () =>
      `##### [${choice(1, ['Rust', 'Cargo', 'Rust RFCs', 'Compiler Team', 'Language Team', 'Language Reference', 'Leadership Council', 'Unsafe Code Guidelines'])}](\${2:https://github.com/rust-lang/rust/issues?q=is%3Aopen%20label%3Afinal-comment-period})`,
  },
  {
    prefix: 'twir-cft',
    description: 'Call for Testing item: the feature and its testing steps',
    sections: ['calls-for-testing', 'cft-repo'],
    body: () => ['* [${1:Tracking issue for the feature}](${2:https://github.com/rust-lang/rust/issues/1})', '    * [Testing steps](${3:https://github.com/rust-lang/rust/issues/1#issuecomment-1})'].join('\n'),
  },
  {
    prefix: 'twir-qotw',
    description: 'Quote of the Week: the quote, its author, and who suggested it',
    sections: ['quote'],
    body: () =>
      [
        '> ${1:The quote}',
        '',
        `– [\${2:Author} on ${choice(3, ['rust-users', 'Reddit', 'Zulip', 'Mastodon', 'Bluesky', 'GitHub', 'Hacker News'])}](\${4:https://users.rust-lang.org/t/topic/1})`,
        '',
        'Thanks to [${5:name}](https://users.rust-lang.org/t/twir-quote-of-the-week/328/${6:1}) for the suggestion!',
      ].join('\n'),
  },
  {
    prefix: 'twir-header',
    description: 'Pelican metadata header of an issue',
    sections: [],
    body: ({ issueDate }) => ['Title: This Week in Rust ${1:700}', 'Number: ${1:700}', `Date: \${2:${issueDate}}`, 'Category: This Week in Rust', ''].join('\n'),
  },
  ...noneSentences(),
];

/** Each section's "none this week" sentence, as the template words it. */
function noneSentences(): Shape[] {
  const none = (prefix: string, sections: readonly SectionKind[], sentence: string): Shape => ({
    prefix: `twir-none-${prefix}`,
    description: `Nothing this week: ${sentence.replace(/^[* ]+|\*$/g, '')}`,
    sections,
    body: () => sentence,
  });
  return [
    none('cfp-projects', ['cfp-projects'], NONE_SENTENCES['cfp-projects']!),
    none('cfp-events', ['cfp-events'], NONE_SENTENCES['cfp-events']!),
    none('cft', ['calls-for-testing', 'cft-repo'], '* *No calls for testing were issued this week.*'),
    none('approved-rfcs', ['approved-rfcs'], NONE_SENTENCES['approved-rfcs']!),
    none('fcp', ['fcp', 'fcp-tracking', 'fcp-group'], '* *No RFCs entered Final Comment Period this week.*'),
    none('new-rfcs', ['new-rfcs'], NONE_SENTENCES['new-rfcs']!),
  ];
}
