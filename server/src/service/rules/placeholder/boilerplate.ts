import type { Finding, Rule } from '../types';
import { visibleLines } from '../visible-text';

/**
 * Lines that TWiR's generator (`tools/generate_cft_fcp.py`) appends for the editors' own use: the
 * message to post on a Call for Testing item and the commit message. They are not issue text.
 */
const GENERATOR_LINES = [
  /^This RFC will appear in the \*\*Call for Testing\*\* section of the next issue\b/,
  /^You may remove the `call-for-testing` label\./,
  /^Update CFT, FCP, MCP and RFC sections for TWiR-/,
];

const rule: Rule = {
  id: 'placeholder/boilerplate',
  fixable: true,
  local: true,
  certainty: 'task',
  docs:
    'Text that TWiR\'s section generator writes for the editors and that leaked into the issue: the message to post ' +
    'on a Call for Testing item ("This RFC will appear in the **Call for Testing** section of the next issue…", ' +
    '"You may remove the `call-for-testing` label…") and its commit message. Inside an HTML comment it is fine; ' +
    'outside, readers see it. The fix removes the lines.',
  example: {
    wrong: '### [New and Updated RFCs](https://github.com/rust-lang/rfcs/pulls)\n* [An RFC](https://github.com/rust-lang/rfcs/pull/4000)\n\n<!-- Commit message -->\nUpdate CFT, FCP, MCP and RFC sections for TWiR-634\n\n## Upcoming Events',
    right: '### [New and Updated RFCs](https://github.com/rust-lang/rfcs/pulls)\n* [An RFC](https://github.com/rust-lang/rfcs/pull/4000)\n\n<!-- Commit message -->\n\n## Upcoming Events',
  },
  check({ model, span }) {
    const findings: Finding[] = [];
    for (const { line, text } of visibleLines(model, span)) {
      if (!GENERATOR_LINES.some((pattern) => pattern.test(text.trim()))) continue;
      findings.push({
        range: model.lines.lineRange(line),
        message: 'Generator text for the editors left in the issue.',
        fix: { title: 'Remove the generator text', edits: [{ range: model.lines.linesWithBreakRange(line, line), newText: '' }] },
      });
    }
    return findings;
  },
};

export default rule;
