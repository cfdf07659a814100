import { lineSpan } from '../../util/text';
import type { Finding, Rule } from '../types';
import { linesIn } from '../span';

const rule: Rule = {
  id: 'text/trailing-space',
  fixable: true,
  local: true,
  certainty: 'hint',
  docs:
    'Trailing spaces or tabs at the end of a line. Editors remove them in review (31 event lines in the ' +
    "drafts' history); two trailing spaces are also a hard line break in Markdown, which TWiR never wants.",
  example: {
    wrong: '## Jobs \n\nPlease see the thread.',
    right: '## Jobs\n\nPlease see the thread.',
  },
  check({ model, span }) {
    const findings: Finding[] = [];
    for (const line of linesIn(model, span)) {
      if (model.lineKinds[line] === 'code') continue;
      const text = model.lines.lineText(line);
      const match = /[ \t]+$/.exec(text);
      if (!match || match.index === 0) continue;
      const range = lineSpan(line, match.index, text.length);
      findings.push({ range, message: 'Trailing whitespace.', fix: { title: 'Remove trailing whitespace', edits: [{ range, newText: '' }] } });
    }
    return findings;
  },
};

export default rule;
