import type { LineKind } from '../model/types';
import { ownCopy } from '../util/text';
import { moveFinding } from './local';
import type { Finding } from './types';

/** Lines remembered per rule: ten large issues' worth, a few MB at most (then it starts afresh). */
const CACHE_LIMIT = 5_000;

/** `context`: anything else the findings depend on, written as a string (part of the cache key). */
type LineCheck = (text: string, line: number, kind: LineKind, context?: string) => Finding[];

/**
 * A check whose findings on a line depend only on the line's text, kind and context, cached by them: after
 * an edit only the changed lines are checked again, and the findings of the others are moved to
 * their lines' new numbers. Findings are shared between versions, so they must not be changed.
 */
export function perLine(check: LineCheck): LineCheck {
  // By kind, then by text: no key string to build for every line of every version.
  const cache = new Map<LineKind, Map<string, { line: number; findings: Finding[] }>>();
  let size = 0;
  return (text, line, kind, context) => {
    let byText = cache.get(kind);
    if (!byText) cache.set(kind, (byText = new Map()));
    const key = context ? `${text}\u0000${context}` : text;
    const hit = byText.get(key);
    if (hit) return hit.line === line ? hit.findings : hit.findings.map((finding) => moveFinding(finding, line - hit.line));
    // The cache outlives the version: its key and findings must not hold slices of the document.
    const findings = check(ownCopy(text), line, kind, context && ownCopy(context));
    if (++size > CACHE_LIMIT) {
      cache.clear();
      size = 0;
      cache.set(kind, (byText = new Map()));
    }
    byText.set(ownCopy(key), { line, findings });
    return findings;
  };
}
