import { parseIsoDate } from '../util/dates';
import type { LineIndex } from '../util/text';
import { lineSpan } from '../util/text';
import type { HeaderField, MetadataHeader } from './types';

const FIELD = /^([A-Za-z][A-Za-z0-9_-]*):[ \t]*(.*?)[ \t]*$/;

/** Reads the Pelican `Key: value` lines at the top of the file, up to the first blank line. */
export function parseHeader(lines: LineIndex, bom: boolean): MetadataHeader | undefined {
  const fields: HeaderField[] = [];
  let line = 0;
  for (; line < lines.lineCount; line++) {
    const raw = lines.lineText(line);
    const offset = line === 0 && bom ? 1 : 0;
    const text = raw.slice(offset);
    const match = FIELD.exec(text);
    if (!match) break;
    const valueStart = offset + text.indexOf(match[2], match[1].length + 1);
    fields.push({
      key: match[1],
      value: match[2],
      line,
      range: lineSpan(line, offset, raw.length),
      valueRange: lineSpan(line, valueStart, valueStart + match[2].length),
    });
  }
  if (fields.length === 0 || !fields.some((field) => /^(title|date|number|category)$/i.test(field.key))) return undefined;
  const find = (key: string) => fields.find((field) => field.key.toLowerCase() === key);
  const title = find('title');
  const number = find('number');
  const date = find('date');
  const fromNumber = number && /^\d+$/.test(number.value) ? Number(number.value) : undefined;
  const fromTitle = title ? /This Week in Rust (\d+)\s*$/i.exec(title.value)?.[1] : undefined;
  return {
    fields,
    endLine: line,
    range: { start: fields[0].range.start, end: fields[fields.length - 1].range.end },
    title,
    number,
    date,
    category: find('category'),
    issueNumber: fromNumber ?? (fromTitle ? Number(fromTitle) : undefined),
    issueDate: date ? parseIsoDate(date.value.replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '')) : undefined,
  };
}
