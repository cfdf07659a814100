import { lineSpan } from '../../util/text';
import { perLine } from '../per-line';
import type { Finding, Rule } from '../types';

const rule: Rule = {
  id: 'text/trailing-space',
  fixable: true,
  severity: 'hint',
  docs:
    'Trailing spaces or tabs at the end of a line. Editors remove them in review (31 event lines in the ' +
    "drafts' history); two trailing spaces are also a hard line break in Markdown, which TWiR never wants.",
  check({ model }) {
    const findings: Finding[] = [];
    for (let line = 0; line < model.lines.lineCount; line++) {
      if (model.lineKinds[line] !== 'code') findings.push(...trailingSpaceOn(model.lines.lineText(line), line, model.lineKinds[line]));
    }
    return findings;
  },
};

const trailingSpaceOn = perLine((text, line) => {
  const match = /[ \t]+$/.exec(text);
  if (!match || match.index === 0) return [];
  const range = lineSpan(line, match.index, text.length);
  return [{ range, message: 'Trailing whitespace.', fix: { title: 'Remove trailing whitespace', edits: [{ range, newText: '' }] } }];
});

export default rule;
