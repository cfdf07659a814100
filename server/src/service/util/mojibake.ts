/**
 * The codecs UTF-8 text gets mis-decoded with, most likely first, and when a run they produce reads
 * as mojibake. Windows-1252 and Latin-1 turn every byte into one character, so only mis-decoded
 * UTF-8 gives a run that encodes back to valid multi-byte UTF-8. GBK pairs bytes into Chinese
 * characters, and some real Chinese text round-trips too: there, only a run inside a Latin word
 * (`N眉rnberg`, `Sessi贸`) that decodes to Latin letters counts.
 */
const CODECS: readonly { name: Codec; label: string; plausible(decoded: string, before: string, after: string): boolean }[] = [
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

/**
 * The runs of the line (UTF-16 columns) whose characters encode in the codec to bytes that are valid
 * UTF-8, longest first from each start; `claimed` holds columns an earlier codec already explained.
 */
function mojibakeRuns(text: string, codec: (typeof CODECS)[number], claimed: Set<number>) {
  const runs: { start: number; end: number; decoded: string }[] = [];
  const chars: { column: number; end: number; bytes: Uint8Array }[] = [];
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
function longestValid(chars: readonly { bytes: Uint8Array }[], first: number): { last: number; decoded: string } | undefined {
  for (let last = chars.length - 1; last >= first; last--) {
    const decoded = utf8.decode(Uint8Array.from(chars.slice(first, last + 1).flatMap((char) => [...char.bytes])));
    if (!decoded.includes('\uFFFD')) return { last, decoded };
  }
  return undefined;
}

type Codec = 'windows-1252' | 'latin1' | 'gbk';

/**
 * Windows-1252's characters for bytes `0x80`–`0x9F` (WHATWG's index; the five bytes it leaves
 * undefined are left out, so text with them reads as Latin-1); every other byte is Latin-1's. Not
 * taken from `TextDecoder`: Node 20's decodes `windows-1252` as ISO-8859-1.
 */
export const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const WINDOWS_1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * A codec's reverse table: for each UTF-16 code unit, its bytes packed as `length << 16 | bytes`
 * (0: the codec has no such character). A typed array rather than a Map of 24,000 strings: it is
 * built in ~15 ms where the Map took ~60 ms of each run's start. Every character these codecs
 * decode to is in the Basic Multilingual Plane.
 */
type ReverseTable = Uint32Array;
const ONE_BYTE = 1 << 16;
const TWO_BYTES = 2 << 16;

/** Per codec, built on first use. */
const reverseTables = new Map<Codec, ReverseTable>();

/**
 * The codec's reverse table. GBK's is decoded once with the runtime's `TextDecoder` (in Node and in
 * a browser alike), which decodes but cannot encode; the single-byte codecs are a byte each.
 */
function reverseTable(codec: Codec): ReverseTable {
  let table = reverseTables.get(codec);
  if (table) return table;
  table = new Uint32Array(0x10000);
  // The first sequence of a character wins; a sequence the codec does not map decodes to U+FFFD.
  const add = (code: number, packed: number) => {
    if (code !== 0xfffd && table![code] === 0) table![code] = packed;
  };
  if (codec === 'gbk') gbkSequences(add);
  else {
    for (let byte = 0; byte < 0x100; byte++) {
      const c1 = codec === 'windows-1252' && byte >= 0x80 && byte < 0xa0;
      if (c1 && WINDOWS_1252_UNDEFINED.has(byte)) continue;
      add(c1 ? WINDOWS_1252_C1.charCodeAt(byte - 0x80) : byte, ONE_BYTE | byte);
    }
  }
  reverseTables.set(codec, table);
  return table;
}

/**
 * GBK's byte sequences and what they decode to: ASCII, `0x80` (€), and two bytes (lead
 * `0x81`–`0xFE`, trail `0x40`–`0xFE` but `0x7F`). The pairs are decoded in one call, each followed
 * by a newline: an unmapped pair decodes to U+FFFD (and its trail byte too when it is ASCII), so
 * the newlines keep the pairs apart.
 */
function gbkSequences(add: (code: number, packed: number) => void): void {
  const decoder = new TextDecoder('gbk');
  // ASCII is itself; 0x80 is the euro sign.
  for (let byte = 0; byte <= 0x80; byte++) add(decoder.decode(Uint8Array.of(byte)).charCodeAt(0), ONE_BYTE | byte);
  const pairs: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) pairs.push(lead, trail, 0x0a);
  const decoded = decoder.decode(Uint8Array.from(pairs));
  let start = 0;
  for (let pair = 0; pair < pairs.length; pair += 3) {
    const end = decoded.indexOf('\n', start);
    if (end === start + 1) add(decoded.charCodeAt(start), TWO_BYTES | (pairs[pair] << 8) | pairs[pair + 1]);
    start = end + 1;
  }
}

/** The character's bytes in the codec, when the codec has it. */
function encodeExactly(char: string, codec: Codec): Uint8Array | undefined {
  const packed = char.length === 1 ? reverseTable(codec)[char.charCodeAt(0)] : 0;
  if (packed === 0) return undefined;
  const length = packed >>> 16;
  return Uint8Array.from({ length }, (_, index) => (packed >>> (8 * (length - 1 - index))) & 0xff);
}

export interface MojibakeRun {
  /** UTF-16 columns of the mis-decoded run. */
  readonly start: number;
  readonly end: number;
  /** What it reads as, decoded as UTF-8. */
  readonly decoded: string;
  /** The character set it was mis-decoded with. */
  readonly codec: string;
}

/** The mis-decoded runs of a line, in column order. */
export function findMojibake(text: string): MojibakeRun[] {
  if (/^[\x00-\x7f]*$/.test(text)) return [];
  const runs: MojibakeRun[] = [];
  const claimed = new Set<number>();
  for (const codec of CODECS) for (const run of mojibakeRuns(text, codec, claimed)) runs.push({ ...run, codec: codec.label });
  return runs.sort((a, b) => a.start - b.start);
}

/** The text with every mis-decoded run re-decoded. */
export function repairMojibake(text: string): string {
  let repaired = text;
  for (const run of findMojibake(text).reverse()) repaired = repaired.slice(0, run.start) + run.decoded + repaired.slice(run.end);
  return repaired;
}
