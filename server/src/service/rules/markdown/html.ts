import type { LineKind } from '../../model/types';
import { lineSpan } from '../../util/text';
import type { Finding, Rule } from '../types';
import { visibleLines, withoutCodeSpans } from '../visible-text';

/** The tags TWiR's CI accepts in a rendered issue. */
const ALLOWED_TAGS = new Set(['p', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'strong', 'hr', 'li', 'ul', 'ol', 'em', 'code', 'blockquote', 'small', 'br']);
/** An opening or closing tag as Markdown passes it through; `<https://…>` autolinks have a `:` after the name. */
const TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*>/g;
const EMPTY_ITEM = /^\s*[*+-](?:\s+|$)/;
const EMPTY_HTML_ITEM = /<li\b[^>]*><\/li>/gi;

const rule: Rule = {
  id: 'markdown/html',
  fixable: false,
  local: true,
  certainty: 'defect',
  docs:
    "As TWiR's CI (`inspect_markdown.py`): HTML tags other than `p a h1 h2 h3 h4 h5 strong hr li ul ol em code " +
    'blockquote small br`, which usually are `<` and `>` that should have been escaped or put in backticks ' +
    '(`Vec<T>` shows as `Vec` on the site), and empty list items. Comments and code are not checked. An item ' +
    'holding only a link without text (`* [](url)`), which the CI calls empty too, is reported by `links/malformed`.',
  peers: { twirCi: 'same tags and empty items; `* [](url)` reported by links/malformed' },
  example: {
    wrong: '## Jobs\n\n* [Relax bounds on BufReader<T>](https://github.com/rust-lang/rust/pull/1)',
    right: '## Jobs\n\n* [Relax bounds on `BufReader<T>`](https://github.com/rust-lang/rust/pull/1)',
  },
  check({ model, span }) {
    return visibleLines(model, span).flatMap(({ line, text }) => htmlOn(text, line, model.lineKinds[line]));
  },
};

function htmlOn(text: string, line: number, kind: LineKind): Finding[] {
  const findings: Finding[] = [];
  for (const tag of withoutCodeSpans(text).matchAll(TAG)) {
    if (ALLOWED_TAGS.has(tag[1].toLowerCase())) continue;
    findings.push({
      range: lineSpan(line, tag.index, tag.index + tag[0].length),
      message: `The site does not allow the HTML tag \`${tag[0]}\`: escape it as \`&lt;\` or put it in backticks.`,
    });
  }
  for (const empty of withoutCodeSpans(text).matchAll(EMPTY_HTML_ITEM)) {
    findings.push({ range: lineSpan(line, empty.index, empty.index + empty[0].length), message: 'An empty list item.' });
  }
  const item = EMPTY_ITEM.exec(text);
  if (kind === 'list' && item && text.slice(item[0].length).trim() === '') {
    findings.push({ range: lineSpan(line, 0, text.length), message: 'An empty list item.' });
  }
  return findings;
}

export default rule;
