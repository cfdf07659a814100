/**
 * Hostile documents, as an editor would hand them to the server: each named for the kind of input
 * it is, and generated (never stored) so the repository stays small.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const HEADER = 'Title: This Week in Rust 700\nNumber: 700\nDate: 2027-04-07\nCategory: This Week in Rust\n\n';
export const REAL_ISSUE = readFileSync(resolve(__dirname, '../fixtures/published/2024-11-20-this-week-in-rust.md'), 'utf8');
const REAL_BODY = REAL_ISSUE.slice(REAL_ISSUE.indexOf('\n\n') + 2);

/** Bytes that are not UTF-8, decoded as an editor decodes them: each bad sequence becomes U+FFFD. */
function decodeAsEditor(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** Deterministic pseudo-random bytes (a linear congruential generator): the same "binary file" every run. */
function binaryBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 0x2545f491;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

function invalidUtf8Issue(): string {
  const good = Buffer.from(REAL_ISSUE, 'utf8');
  // A stray continuation byte, a truncated 3-byte sequence, an overlong encoding and a 0xFF byte.
  const bad = Buffer.from([0x80, 0x20, 0xe2, 0x82, 0x20, 0xc0, 0xaf, 0x20, 0xff]);
  const at = good.indexOf('## Updates from Rust Community');
  return decodeAsEditor(Buffer.concat([good.subarray(0, at), bad, Buffer.from('\n'), good.subarray(at)]));
}

/**
 * One paragraph of emphasis openers over many short lines: within every size and line budget, but
 * remark-parse takes quadratic time on it (124 KB: minutes). Only the time budget stops it.
 */
export function pathologicalParagraph(kilobytes = 124): string {
  return HEADER + Array.from({ length: Math.round((kilobytes * 1024) / 125) }, () => '*a'.repeat(62)).join('\n') + '\n';
}

export interface HostileDocument {
  name: string;
  text: string;
  /** Whether the server should decline to analyse it (and say so once). */
  skipped: boolean;
}

export function hostileDocuments(): HostileDocument[] {
  return [
    { name: 'binary', text: HEADER + decodeAsEditor(binaryBytes(64 * 1024)), skipped: true },
    { name: 'invalid-utf8', text: invalidUtf8Issue(), skipped: false },
    { name: 'ten-megabytes', text: HEADER + REAL_BODY.repeat(Math.ceil((10 * 1024 * 1024) / REAL_BODY.length)), skipped: true },
    { name: 'nested-lists', text: HEADER + Array.from({ length: 300 }, (_, depth) => `${'  '.repeat(depth)}* item ${depth}`).join('\n'), skipped: true },
    { name: 'nested-quotes', text: HEADER + Array.from({ length: 400 }, (_, depth) => `${'>'.repeat(depth + 1)} quote ${depth}`).join('\n'), skipped: true },
    { name: 'hundred-thousand-brackets', text: HEADER + '['.repeat(100_000), skipped: true },
    { name: 'emphasis-line', text: HEADER + '*a'.repeat(8_000), skipped: true },
    { name: 'open-links-line', text: HEADER + '[a]('.repeat(8_000), skipped: true },
    { name: 'long-line', text: HEADER + 'word '.repeat(200_000), skipped: true },
    { name: 'huge-table', text: HEADER + '| a | b | c |\n|---|---|---|\n' + '| [1](https://example.com/) | 2 | 3 |\n'.repeat(40_000), skipped: true },
    { name: 'table', text: HEADER + '## Jobs\n\n| a | b | c |\n|---|---|---|\n' + '| [1](https://example.com/) | 2 | 3 |\n'.repeat(1_000), skipped: false },
  ];
}
