/** BOMs the editor may hand over: the file's own, a second one, one pasted after the header. Ranges count them. */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/service/model/build';
import { issue } from '../../server/src/service/rules/testing';

const textAt = (text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
  const model = buildModel(text);
  return text.slice(model.lines.offsetAt(range.start), model.lines.offsetAt(range.end));
};

describe('BOMs', () => {
  it.each([
    ['the file BOM, no header', '\uFEFF[Rust](https://www.rust-lang.org/) <!-- more -->\n'],
    ['two BOMs', '\uFEFF\uFEFF[Rust](https://www.rust-lang.org/) <!-- more -->\n'],
    ['a BOM after the header', issue('\uFEFF[Rust](https://www.rust-lang.org/) <!-- more -->\n')],
  ])('%s: links and comments are where their text is', (_, text) => {
    const model = buildModel(text);
    expect(model.links.map((link) => textAt(text, link.range))).toEqual(['[Rust](https://www.rust-lang.org/)']);
    expect(model.comments.map((comment) => [textAt(text, comment.range), comment.closed])).toEqual([['<!-- more -->', true]]);
  });
});
