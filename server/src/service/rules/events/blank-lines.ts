import { conventionsOf } from '../../conventions';
import type { IssueModel, Region } from '../../model/types';
import { lineSpan } from '../../util/text';
import type { Finding, Rule } from '../types';
import { currentEvents } from './common';

const rule: Rule = {
  id: 'events/blank-lines',
  certainty: 'convention',
  fixable: true,
  docs:
    'Blank lines in Upcoming Events as the events team\'s linter reads them: a blank line ends a region, so there is ' +
    'none between the events of a region (nor, from 2024-06-19, between a region heading and its first event), ' +
    'and each region heading has a blank line before it. A line of nothing but spaces is no blank line to it. The ' +
    'last two render as intended on the site, so they are reported from the 2025-05-14 issue, when the events ' +
    'linter ran on drafts. The fixes remove the blank lines, insert the missing one, and empty the lines of spaces.',
  peers: { eventsLint: 'the same: it rejects these lines (a blank line in a region, a heading right after an event, a line of spaces)' },
  example: {
    in: 'events',
    wrong: '### Europe\n\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com/paris)\n    * [**Rust meetup**](https://example.com/paris/1)\n\n* 2026-01-21 | Lyon, FR | [Rust Lyon](https://example.com/lyon)\n    * [**Rust meetup**](https://example.com/lyon/1)',
    right: '### Europe\n* 2026-01-20 | Paris, FR | [Rust Paris](https://example.com/paris)\n    * [**Rust meetup**](https://example.com/paris/1)\n* 2026-01-21 | Lyon, FR | [Rust Lyon](https://example.com/lyon)\n    * [**Rust meetup**](https://example.com/lyon/1)',
  },
  check({ model }) {
    const events = currentEvents(model);
    if (!events) return [];
    const findings: Finding[] = [];
    // Lines of spaces and a heading right under an event render as intended: only the events linter minds them.
    const asTheLinterReads = conventionsOf(model).eventsLinterBlankLines;
    for (let line = events.section.heading.line + 1; asTheLinterReads && line < events.section.endLine; line++) {
      const text = model.lines.lineText(line);
      if (text === '' || text.trim() !== '' || model.lineKinds[line] === 'code') continue;
      const range = lineSpan(line, 0, text.length);
      findings.push({ range, message: 'A line of nothing but spaces: the events linter does not read it as a blank line.', fix: { title: 'Empty the line', edits: [{ range, newText: '' }] } });
    }
    for (const region of events.regions) findings.push(...regionFindings(model, region, asTheLinterReads));
    return findings.sort((a, b) => a.range.start.line - b.range.start.line);
  },
};

function regionFindings(model: IssueModel, region: Region, asTheLinterReads: boolean): Finding[] {
  const findings: Finding[] = [];
  const heading = region.section.heading.line;
  const before = heading - 1;
  if (asTheLinterReads && before >= 0 && model.lineKinds[before] !== 'blank' && model.lineKinds[before] !== 'comment' && model.lineKinds[before] !== 'heading') {
    const start = { line: heading, character: 0 };
    findings.push({
      range: model.lines.lineRange(heading),
      message: 'Leave a blank line before a region heading: the events linter reads the heading as part of the region above.',
      fix: { title: 'Insert a blank line', edits: [{ range: { start, end: start }, newText: model.eol }] },
    });
  }
  const content = region.section.entries.flatMap((entry) => entry.lines.map((line) => line.line));
  if (content.length === 0) return findings;
  const [first, last] = [Math.min(...content), Math.max(...content)];
  const requireTight = conventionsOf(model).eventsRightUnderRegion;
  for (let line = heading + 1; line < last; line++) {
    if (model.lineKinds[line] !== 'blank') continue;
    let end = line;
    while (end + 1 < last && model.lineKinds[end + 1] === 'blank') end++;
    const underHeading = line < first;
    if (!underHeading || requireTight) {
      findings.push({
        range: lineSpan(line, 0, model.lines.lineText(end).length),
        message: underHeading
          ? 'A blank line between the region heading and its first event: the events linter reads the region as empty.'
          : 'A blank line inside a region: the events linter reads it as the end of the region, and the events below as outside any region.',
        fix: { title: 'Remove the blank line', edits: [{ range: model.lines.linesWithBreakRange(line, end), newText: '' }] },
      });
    }
    line = end;
  }
  return findings;
}

export default rule;
