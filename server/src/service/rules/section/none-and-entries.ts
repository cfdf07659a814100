import { lineScope } from '../fixes';
import type { Finding, Rule } from '../types';

const rule: Rule = {
  id: 'section/none-and-entries',
  certainty: 'convention',
  fixable: true,
  docs:
    'A section that says it has nothing this week ("*No Calls for papers or presentations were submitted this ' +
    'week.*") and lists entries too: readers see both. It happens when the first entry of the week goes into a ' +
    'section where the sentence was written earlier. The fix removes the sentence (the entries are what the ' +
    'section holds now). A sentence that names the groups that had nothing ("…this week by [Rust], [Rustup] or ' +
    '[Cargo]", as Calls for Testing and Final Comment Period write it) beside entries of the others is fine.',
  example: {
    wrong: '### [Approved RFCs](https://github.com/rust-lang/rfcs/commits/master)\n\n* [RFC 1](https://github.com/rust-lang/rfcs/pull/1)\n* *No RFCs were approved this week.*',
    right: '### [Approved RFCs](https://github.com/rust-lang/rfcs/commits/master)\n\n* [RFC 1](https://github.com/rust-lang/rfcs/pull/1)',
  },
  check({ model }) {
    const findings: Finding[] = [];
    for (const section of model.allSections) {
      const sentence = section.noneSentence;
      if (!sentence) continue;
      const line = sentence.start.line;
      const blank = (at: number) => at >= 0 && at < model.lines.lineCount && model.lines.lineText(at).trim() === '';
      // The sentence's block: its lines up to a blank line or the next item (a sentence may name the
      // groups that had nothing over several lines, or carry the template's nested example).
      let end = line;
      while (end + 1 < section.bodyEndLine && !blank(end + 1) && !/^[*+-]\s/.test(model.lines.lineText(end + 1))) end++;
      // "No calls for testing were issued this week by [Rust], [Rustup] …": it names the ones that had none.
      if (model.links.some((link) => link.line >= line && link.line <= end)) continue;
      const entries = section.entries.filter((entry) => (entry.line < line || entry.line > end) && entry.kind !== 'none-sentence' && entry.kind !== 'stray-line');
      if (entries.length === 0) continue;
      // The sentence stood as a paragraph of its own: its blank line goes with it.
      const last = blank(line - 1) && blank(end + 1) ? end + 1 : end;
      findings.push({
        range: sentence,
        message: `"${section.heading.text}" says it has nothing this week, and lists entries: remove the sentence.`,
        fix: { title: 'Remove the "none this week" sentence', edits: [{ range: model.lines.linesWithBreakRange(line, last), newText: '' }], scope: [lineScope(line, last + 1)] },
      });
    }
    return findings;
  },
};

export default rule;
