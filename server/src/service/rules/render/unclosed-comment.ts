import type { LineIndex } from '../../util/text';
import type { Finding, Rule } from '../types';

const OPEN = '<!--';
const CLOSE = '-->';

const rule: Rule = {
  id: 'render/unclosed-comment',
  fixable: true,
  certainty: 'defect',
  appliesToTemplate: true,
  docs:
    'An HTML comment `<!--` that is never closed, or that another `<!--` follows before its `-->`: the site ' +
    'hides everything up to the next `-->`, headings and entries included (an older template wrote ' +
    '`<!-- Remove this section if empty>`, which hid the Final Comment Period subsections). The fix closes ' +
    'the comment on its own line.',
  example: {
    wrong: '## Jobs\n\n<!-- Jobs go here\n\nPlease see the thread.',
    right: '## Jobs\n\n<!-- Jobs go here -->\n\nPlease see the thread.',
  },
  check({ model }) {
    const findings: Finding[] = [];
    for (const comment of model.comments) {
      const start = model.lines.offsetAt(comment.range.start);
      // Every `<!--` in the comment's text must meet a `-->` before the next `<!--`.
      for (let open = comment.text.indexOf(OPEN); open !== -1; ) {
        const next = comment.text.indexOf(OPEN, open + OPEN.length);
        const close = comment.text.indexOf(CLOSE, open + OPEN.length);
        if (close === -1 || (next !== -1 && next < close)) findings.push(unclosedAt(model.lines, start + open));
        open = next;
      }
    }
    return findings;
  },
};

/** The finding for a `<!--` at an offset: it is closed at the end of its line. */
function unclosedAt(lines: LineIndex, offset: number): Finding {
  const position = lines.positionAt(offset);
  const text = lines.lineText(position.line);
  const end = text.trimEnd().length;
  const range = { start: position, end: { line: position.line, character: end } };
  // `<!-- Remove this section if empty>`: the author meant the `>` to close it.
  const endsWithBracket = text[end - 1] === '>' && end - 1 > position.character + OPEN.length;
  const edit = endsWithBracket
    ? { range: { start: { line: position.line, character: end - 1 }, end: { line: position.line, character: end } }, newText: CLOSE }
    : { range: { start: { line: position.line, character: end }, end: { line: position.line, character: end } }, newText: ` ${CLOSE}` };
  return {
    range,
    message: 'This HTML comment is not closed before the next `<!--` or the end of the file: the site hides everything up to the next `-->`.',
    // Closing a comment that was meant to span several lines shows its text: only the `>` case is certain.
    fix: { title: 'Close the comment on this line', edits: [edit], safe: endsWithBracket },
  };
}

export default rule;
