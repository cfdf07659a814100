import iconv from 'iconv-lite';
import { lineSpan } from '../../util/text';
import { perLine } from '../per-line';
import type { Finding, Rule } from '../types';

/**
 * The codecs UTF-8 text gets mis-decoded with, most likely first, and when a run they produce reads
 * as mojibake. Windows-1252 and Latin-1 turn every byte into one character, so only mis-decoded
 * UTF-8 gives a run that encodes back to valid multi-byte UTF-8. GBK pairs bytes into Chinese
 * characters, and some real Chinese text round-trips too: there, only a run inside a Latin word
 * (`N眉rnberg`, `Sessi贸`) that decodes to Latin letters counts.
 */
const CODECS: readonly { name: string; label: string; plausible(decoded: string, before: string, after: string): boolean }[] = [
  { name: 'windows-1252', label: 'Windows-1252', plausible: (decoded) => !/[\p{Cc}\p{Cn}\p{Co}\uFFFD]/u.test(decoded) },
  { name: 'latin1', label: 'Latin-1', plausible: (decoded) => !/[\p{Cc}\p{Cn}\p{Co}\uFFFD]/u.test(decoded) },
  {
    name: 'gbk',
    label: 'GBK',
    plausible: (decoded, before, after) => /^\p{Script=Latin}+$/u.test(decoded) && (/[A-Za-z]$/.test(before) || /^[A-Za-z]/.test(after)),
  },
];

/** Invalid UTF-8 decodes to U+FFFD (cheaper than a fatal decoder's exceptions). */
const utf8 = new TextDecoder('utf-8');

const rule: Rule = {
  id: 'text/mojibake',
  fixable: true,
  severity: 'error',
  docs:
    'UTF-8 text that was decoded with the wrong character set somewhere on its way into the issue: ' +
    '`NÃ¼rnberg`, `WrocÅ‚aw`, `ðŸ¦€` (read as Windows-1252 or Latin-1) or `N眉rnberg`, `Sessi贸` (read as GBK). ' +
    'The fix encodes the run back to the wrong character set and decodes the bytes as UTF-8, and is offered ' +
    'only when that gives valid UTF-8.',
  check({ model }) {
    const findings: Finding[] = [];
    for (let line = 0; line < model.lines.lineCount; line++) {
      const text = model.lines.lineText(line);
      if (!/^[\x00-\x7f]*$/.test(text)) findings.push(...mojibakeOn(text, line, model.lineKinds[line]));
    }
    return findings;
  },
};

/**
 * The runs of the line (UTF-16 columns) whose characters encode in the codec to bytes that are valid
 * UTF-8, longest first from each start; `claimed` holds columns an earlier codec already explained.
 */
function mojibakeRuns(text: string, codec: (typeof CODECS)[number], claimed: Set<number>) {
  const runs: { start: number; end: number; decoded: string }[] = [];
  const chars: { column: number; end: number; bytes: Buffer }[] = [];
  const flush = () => {
    for (let first = 0; first < chars.length; ) {
      const found = longestValid(chars, first);
      if (!found) {
        first++;
        continue;
      }
      const start = chars[first].column;
      const end = chars[found.last].end;
      if (codec.plausible(found.decoded, text.slice(0, start), text.slice(end))) {
        runs.push({ start, end, decoded: found.decoded });
        for (let column = start; column < end; column++) claimed.add(column);
        first = found.last + 1;
      } else {
        first++;
      }
    }
    chars.length = 0;
  };
  for (let column = 0; column < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(column)!);
    const bytes = char.charCodeAt(0) < 0x80 || claimed.has(column) ? undefined : encodeExactly(char, codec.name);
    if (bytes) chars.push({ column, end: column + char.length, bytes });
    else flush();
    column += char.length;
  }
  flush();
  return runs;
}

/** The longest run of chars from `first` whose bytes decode as UTF-8, and what they decode to. */
function longestValid(chars: readonly { bytes: Buffer }[], first: number): { last: number; decoded: string } | undefined {
  for (let last = chars.length - 1; last >= first; last--) {
    const decoded = utf8.decode(Buffer.concat(chars.slice(first, last + 1).map((char) => char.bytes)));
    if (!decoded.includes('\uFFFD')) return { last, decoded };
  }
  return undefined;
}

/** Per codec, each character's bytes once computed (issues repeat the same few characters). */
const encoded = new Map<string, Map<string, Buffer | undefined>>();

/** The character's bytes in the codec, when the codec has it (and decodes them back to it). */
function encodeExactly(char: string, codec: string): Buffer | undefined {
  let known = encoded.get(codec);
  if (!known) encoded.set(codec, (known = new Map()));
  if (!known.has(char)) {
    const bytes = iconv.encode(char, codec);
    known.set(char, iconv.decode(bytes, codec) === char ? bytes : undefined);
  }
  return known.get(char);
}

const mojibakeOn = perLine((text, line) => {
  const findings: Finding[] = [];
  const claimed = new Set<number>();
  for (const codec of CODECS) {
    for (const run of mojibakeRuns(text, codec, claimed)) {
      const range = lineSpan(line, run.start, run.end);
      const found = text.slice(run.start, run.end);
      findings.push({
        range,
        message: `"${found}" is UTF-8 read as ${codec.label}: it should read "${run.decoded}".`,
        fix: { title: `Re-decode as UTF-8: "${run.decoded}"`, edits: [{ range, newText: run.decoded }] },
      });
    }
  }
  return findings.sort((a, b) => a.range.start.character - b.range.start.character);
});

export default rule;
