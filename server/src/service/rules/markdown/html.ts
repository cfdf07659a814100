import type { LineKind } from '../../model/types';
import { lineSpan } from '../../util/text';
import type { Finding, Rule } from '../types';
import { visibleLines, withoutCodeSpans } from '../visible-text';

/** The tags TWiR's CI accepts in a rendered issue. */
const ALLOWED_TAGS = new Set(['p', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'strong', 'hr', 'li', 'ul', 'ol', 'em', 'code', 'blockquote', 'small', 'br']);
/**
 * Raw HTML as Python-Markdown passes it through (its `HTML_RE`: `<`, a letter, no space, `<`, `>` or `@`,
 * then optionally a space and anything but `<>`), so `<u*>`, `<K,V>`, `<T: Copy>`, `<T.0>` and
 * `<T=u8>` are tags. The name is what html.parser (the CI's BeautifulSoup) reads: up to a space, `/` or `>`.
 */
const TAG = /<\/?([a-zA-Z][^<>@ \t\n\r\f/]*)[^<>@ ]*(?: [^<>]*)?>/g;
/** `<https://…>` and `<ftp://…>`: autolinks, which Python-Markdown reads before raw HTML. */
const AUTOLINK = /^<(?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?:\/\/[^<>]*>$/;
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
    '(`Vec<T>` shows as `Vec` on the site), read as Python-Markdown and the CI read them (`<u*>`, `HashMap<K,V>`, ' +
    '`<T: Copy>` are tags too), and empty list items; `\\<` shows its backslash on the site (Python-Markdown does not ' +
    'escape `<`), a warning. Comments and code are not checked. An item ' +
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
  const visible = withoutCodeSpans(text);
  for (const tag of visible.matchAll(TAG)) {
    if (ALLOWED_TAGS.has(tag[1].toLowerCase()) || AUTOLINK.test(tag[0])) continue;
    // `\<T\>`: Python-Markdown escapes no `<` (and `\>` is read first), so the site shows `\<T>`, no tag.
    if (visible[tag.index - 1] === '\\' || visible[tag.index + tag[0].length - 2] === '\\') continue;
    findings.push({
      range: lineSpan(line, tag.index, tag.index + tag[0].length),
      message: `The site does not allow the HTML tag \`${tag[0]}\`: escape it as \`&lt;\` or put it in backticks.`,
    });
  }
  for (const escaped of visible.matchAll(/\\</g)) {
    findings.push({
      range: lineSpan(line, escaped.index, escaped.index + 2),
      certainty: 'convention',
      message: 'The site shows this backslash: Python-Markdown does not escape `<`. Write `&lt;`, or put the code in backticks.',
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
