import { findMojibake } from '../../util/mojibake';
import { lineSpan } from '../../util/text';
import type { Finding, Rule } from '../types';
import { linesIn } from '../span';

const rule: Rule = {
  id: 'text/mojibake',
  fixable: true,
  local: true,
  certainty: 'defect',
  docs:
    'UTF-8 text that was decoded with the wrong character set somewhere on its way into the issue: ' +
    '`NÃ¼rnberg`, `WrocÅ‚aw`, `ðŸ¦€` (read as Windows-1252 or Latin-1) or `N眉rnberg`, `Sessi贸` (read as GBK). ' +
    'The fix encodes the run back to the wrong character set and decodes the bytes as UTF-8, and is offered ' +
    'only when that gives valid UTF-8.',
  example: {
    in: 'events',
    wrong: '### Europe\n* 2026-01-20 | NÃ¼rnberg, DE | [Rust NÃ¼rnberg](https://example.com/noris)\n    * [**Rust meetup**](https://example.com/noris/1)',
    right: '### Europe\n* 2026-01-20 | Nürnberg, DE | [Rust Nürnberg](https://example.com/noris)\n    * [**Rust meetup**](https://example.com/noris/1)',
  },
  check({ model, span }) {
    const findings: Finding[] = [];
    for (const line of linesIn(model, span)) {
      const text = model.lines.lineText(line);
      if (!/^[\x00-\x7f]*$/.test(text)) findings.push(...mojibakeOn(text, line));
    }
    return findings;
  },
};

function mojibakeOn(text: string, line: number): Finding[] {
  return findMojibake(text).map((run): Finding => {
    const range = lineSpan(line, run.start, run.end);
    return {
      range,
      message: `"${text.slice(run.start, run.end)}" is UTF-8 read as ${run.codec}: it should read "${run.decoded}".`,
      fix: { title: `Re-decode as UTF-8: "${run.decoded}"`, edits: [{ range, newText: run.decoded }] },
    };
  });
}

export default rule;
