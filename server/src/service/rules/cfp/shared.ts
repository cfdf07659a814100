import type { EntryLine } from '../../model/types';
import { lineSpan } from '../../util/text';
import type { Finding } from '../types';

/** A CFP line's bullet must be followed by exactly one space. */
export function bulletSpacing(line: EntryLine): Finding | undefined {
  const afterBullet = line.text.indexOf(line.bullet ?? '*') + 1;
  // An empty item is left alone: a space after its bullet would be trailing whitespace (text/trailing-space).
  if (!line.bullet || line.contentStart - afterBullet === 1 || line.text.slice(line.contentStart).trim() === '') return undefined;
  const range = lineSpan(line.line, afterBullet, line.contentStart);
  return { range, message: 'Write one space after the bullet.', fix: { title: 'One space after the bullet', edits: [{ range, newText: ' ' }] } };
}
