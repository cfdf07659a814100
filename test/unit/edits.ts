/** Random edits of a text, as a person typing, pasting and deleting makes them (fast-check). */
import fc from 'fast-check';

/** An edit: replace `length` characters at a fraction of the text with `insert`. */
export const edit = fc.record({
  at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  length: fc.nat({ max: 3 }),
  insert: fc.oneof(
    fc.constantFrom('', 'x', ' ', '\n', '\n\n', '#', '# ', '* ', '- ', '`', '```', '~~~', '<!--', '-->', '<', '>', '[', ']', ']:', '(', ')', '> ', '---', '===', '    ', '<pre>', '</pre>', '<div>', '[foo]: /url', '[foo]', '\r\n'),
    fc.string({ maxLength: 4 }),
  ),
});

export function applyEdit(text: string, { at, length, insert }: { at: number; length: number; insert: string }): string {
  const start = Math.floor(at * text.length);
  return text.slice(0, start) + insert + text.slice(start + length);
}
