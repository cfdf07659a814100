/**
 * What the analysis takes on, so that a hostile file cannot freeze the editor: remark-parse is
 * linear on TWiR issues but slows down sharply on some input (see test/robustness/README.md for
 * the measurements behind every number here). A document past a budget is not analysed at all,
 * and the server says so once.
 */

export interface AnalysisBudget {
  /** Bytes (UTF-8). The largest real issue is ~41 KB; 256 KB of issue text analyses in about a second. */
  readonly maxBytes: number;
  /** Characters on one line. Real lines stay under 600; one long line of `*a` or `[a](` is quadratic to parse. */
  readonly maxLineLength: number;
  /** Characters of container prefix (indent, `>`, bullets) on one line; real issues use 10 at most. */
  readonly maxContainerPrefix: number;
  /**
   * Milliseconds one analysis (a request to the analysis worker) may take: the server stops it
   * then, and leaves the document version alone until it changes.
   */
  readonly maxMilliseconds: number;
}

export const ANALYSIS_BUDGET: AnalysisBudget = {
  maxBytes: 256 * 1024,
  maxLineLength: 4_000,
  maxContainerPrefix: 40,
  maxMilliseconds: 4_000,
};

/** Sticky: matched at each line's start (it never crosses a line break). */
const CONTAINER_PREFIX = /(?:[ \t]|>|[*+-][ \t]|\d{1,9}[.)][ \t])*/y;

/** Without Node's Buffer: the service runs in a browser worker too. */
function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function kilobytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Why the text is not analysed, as the end of a sentence (`is 10.0 MB …`), or undefined when it is
 * within the budget. Linear in the text, and stops at the first reason.
 */
export function overBudget(text: string, budget: AnalysisBudget = ANALYSIS_BUDGET): string | undefined {
  // Characters never outnumber UTF-8 bytes: the exact count is needed only near the limit.
  if (text.length > budget.maxBytes || (text.length * 3 > budget.maxBytes && utf8Length(text) > budget.maxBytes)) {
    return `is ${kilobytes(utf8Length(text))}, more than the ${kilobytes(budget.maxBytes)} TWiR analyses`;
  }
  if (text.includes('\u0000')) return 'looks binary (it holds NUL characters)';
  // Line by line (breaks are `\n`, `\r\n` and a lone `\r`, as in the LSP), without slicing: it runs on every file read.
  const breaks = /\r\n?|\n/g;
  for (let line = 1, start = 0; start <= text.length; line++) {
    const lineBreak = breaks.exec(text);
    const end = lineBreak ? lineBreak.index : text.length;
    if (end - start > budget.maxLineLength) return `has a line of ${end - start} characters (line ${line}; TWiR analyses lines up to ${budget.maxLineLength})`;
    CONTAINER_PREFIX.lastIndex = start;
    if (CONTAINER_PREFIX.exec(text)![0].length > budget.maxContainerPrefix) return `nests lists or quotes too deeply (line ${line})`;
    if (!lineBreak) break;
    start = breaks.lastIndex;
  }
  return undefined;
}
