/** Positions and ranges in the LSP's shape (0-based lines, UTF-16 columns), so the server maps them 1:1. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type LineEnding = '\n' | '\r\n';

/**
 * A copy of a string that shares no memory with the text it was cut from: V8 keeps the whole text
 * of a slice alive, so a cache that outlives a document version must not hold slices of it.
 */
export function ownCopy(text: string): string {
  // Slicing a concatenation copies it first (V8 flattens it): the slice's parent is that copy. A
  // tenth of the cost of a JSON round trip, which took 4 % of a twir-lint run.
  return ` ${text}`.slice(1);
}

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * The lines of a text: offsets of each line start, line texts without their line break, and
 * offset <-> position conversion. Line breaks are `\n`, `\r\n` and a lone `\r`, as in the LSP.
 */
export class LineIndex {
  readonly starts: number[] = [0];
  readonly eol: LineEnding;

  constructor(readonly text: string) {
    let crlf = 0;
    let lf = 0;
    if (!text.includes('\r')) {
      // The common case, without a match object per line.
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
      lf = this.starts.length - 1;
    } else {
      for (const match of text.matchAll(LINE_BREAK)) {
        if (match[0] === '\r\n') crlf++;
        else lf++;
        this.starts.push(match.index + match[0].length);
      }
    }
    this.eol = crlf > lf ? '\r\n' : '\n';
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset just past the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    const next = this.starts[line + 1];
    return this.text.charCodeAt(next - 2) === 13 && this.text.charCodeAt(next - 1) === 10 ? next - 2 : next - 1;
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }

  /** The line's text including its line break (empty break on the last line). */
  lineWithBreak(line: number): string {
    return this.text.slice(this.starts[line], line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length);
  }

  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, character: Math.min(clamped, this.lineEnd(line)) - this.starts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    if (position.line < 0) return 0;
    return Math.min(this.starts[position.line] + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The range of a whole line's content (without the break). */
  lineRange(line: number): Range {
    return { start: { line, character: 0 }, end: { line, character: this.lineEnd(line) - this.starts[line] } };
  }

  /** The range of one or more whole lines including the final line break: what deleting lines removes. */
  linesWithBreakRange(firstLine: number, lastLine: number): Range {
    if (lastLine + 1 < this.starts.length) {
      return { start: { line: firstLine, character: 0 }, end: { line: lastLine + 1, character: 0 } };
    }
    // The last line of the document has no break: remove the break before the first line instead.
    if (firstLine > 0) {
      return { start: this.positionAt(this.lineEnd(firstLine - 1)), end: this.positionAt(this.text.length) };
    }
    return { start: { line: 0, character: 0 }, end: this.positionAt(this.text.length) };
  }
}

export function range(line: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

export function lineSpan(line: number, start: number, end: number): Range {
  return range(line, start, line, end);
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(outer: Range, position: Position): boolean {
  return comparePositions(outer.start, position) <= 0 && comparePositions(position, outer.end) <= 0;
}
