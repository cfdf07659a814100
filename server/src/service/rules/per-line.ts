import type { LineKind } from '../model/types';
import type { Range } from '../util/text';
import type { Finding } from './types';

/** Lines remembered per rule: a few issues' worth. */
const CACHE_LIMIT = 20_000;

type LineCheck = (text: string, line: number, kind: LineKind) => Finding[];

/**
 * A check whose findings on a line depend only on the line's text and kind, cached by them: after
 * an edit only the changed lines are checked again, and the findings of the others are moved to
 * their lines' new numbers. Findings are shared between versions, so they must not be changed.
 */
export function perLine(check: LineCheck): LineCheck {
  const cache = new Map<string, { line: number; findings: Finding[] }>();
  return (text, line, kind) => {
    const key = `${kind}\u0000${text}`;
    const hit = cache.get(key);
    if (hit) return hit.line === line ? hit.findings : hit.findings.map((finding) => moveFinding(finding, line - hit.line));
    const findings = check(text, line, kind);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, { line, findings });
    return findings;
  };
}

function moveRange(range: Range, lines: number): Range {
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}

function moveFinding(finding: Finding, lines: number): Finding {
  const fix = finding.fix && { ...finding.fix, edits: finding.fix.edits.map((edit) => ({ ...edit, range: moveRange(edit.range, lines) })) };
  return { ...finding, range: moveRange(finding.range, lines), ...(fix ? { fix } : {}) };
}
