/**
 * A RuleTester in the manner of ESLint's: valid documents give no finding; invalid ones give the
 * expected findings, and applying the rule's fixes gives the expected output — once, and again
 * without change (fixes are idempotent), keeping every line they do not target.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../model/build';
import { applyEdits } from './fixes';
import { unitsOf } from './local';
import { severityOf } from '../severity';
import type { EarlierIssue, Rule, Severity } from './types';

export interface InvalidCase {
  /** The test's name; defaults to the first line of the code that the rule reports. */
  name?: string;
  code: string;
  fileName?: string;
  recentIssues?: readonly EarlierIssue[];
  /** Expected findings in document order: 1-based line, and optionally a message part and severity. */
  errors: { line: number; message?: string | RegExp; severity?: Severity }[];
  /** The text after applying every fix of the rule; omit when the findings have no fix. */
  output?: string;
}

export interface ValidCase {
  name?: string;
  code: string;
  fileName?: string;
  recentIssues?: readonly EarlierIssue[];
}

/** A TWiR issue around a body: the metadata header of issue 634 (2026-01-14, a Wednesday). */
export function issue(body: string, date = '2026-01-14', number = 634): string {
  return `Title: This Week in Rust ${number}\nNumber: ${number}\nDate: ${date}\nCategory: This Week in Rust\n\n${body}`;
}

/** An issue with an Upcoming Events section holding the given lines (window 2026-01-14 - 2026-02-11). */
export function eventsIssue(lines: string): string {
  return issue(`## Upcoming Events\n\nRusty Events between 2026-01-14 - 2026-02-11 🦀\n\n${lines}\n`);
}

/** An issue whose community section has one category holding the given lines (the first on line 9). */
export function communityIssue(lines: string, category = 'Rust Walkthroughs'): string {
  return issue(`## Updates from Rust Community\n\n### ${category}\n${lines}\n`);
}

export function findingsOf(rule: Rule, code: string, fileName?: string, recentIssues: readonly EarlierIssue[] = []) {
  return rule.check({ model: buildModel(code, { fileName }), recentIssues });
}

/** Applies every fix the rule offers on the code (one pass, as fix-all does). */
export function fixOnce(rule: Rule, code: string, fileName?: string, recentIssues: readonly EarlierIssue[] = []): string {
  const model = buildModel(code, { fileName });
  const edits = rule.check({ model, recentIssues }).flatMap((finding) => finding.fix?.edits ?? []);
  return applyEdits(code, model.lines, edits);
}

export function testRule(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    it('has docs and a certainty, and says truly whether it fixes', () => {
      expect(rule.docs.length).toBeGreaterThan(40);
      expect(['defect', 'convention', 'task', 'hint']).toContain(rule.certainty);
      expect(rule.fixable, 'fixable must say whether an invalid case shows a fixed output').toBe(cases.invalid.some((item) => item.output !== undefined));
    });
    if (rule.local) {
      it('is local: its findings on each run of segments are its findings on the whole document', () => {
        for (const item of [...cases.valid.map((valid) => (typeof valid === 'string' ? { code: valid } : valid)), ...cases.invalid]) {
          const model = buildModel(item.code, { fileName: item.fileName });
          const recentIssues = item.recentIssues ?? [];
          const bySpan = unitsOf(model).flatMap((span) => rule.check({ model, recentIssues, span }));
          expect(bySpan, item.code).toEqual(rule.check({ model, recentIssues }));
        }
      });
    }
    for (const [index, item] of cases.valid.entries()) {
      const valid = typeof item === 'string' ? { code: item } : item;
      it(`valid: ${valid.name ?? `#${index + 1}`}`, () => {
        const findings = findingsOf(rule, valid.code, valid.fileName, valid.recentIssues);
        expect(findings.map((finding) => `${finding.range.start.line + 1}: ${finding.message}`)).toEqual([]);
      });
    }
    for (const [index, invalid] of cases.invalid.entries()) {
      it(`invalid: ${invalid.name ?? `#${index + 1}`}`, () => {
        const findings = findingsOf(rule, invalid.code, invalid.fileName, invalid.recentIssues);
        expect(findings.map((finding) => finding.range.start.line + 1)).toEqual(invalid.errors.map((error) => error.line));
        invalid.errors.forEach((error, at) => {
          if (error.message instanceof RegExp) expect(findings[at].message).toMatch(error.message);
          else if (error.message) expect(findings[at].message).toContain(error.message);
          // As on a published file (a test's document is in no folder).
          if (error.severity) expect(severityOf({ certainty: findings[at].certainty ?? rule.certainty, afterPublication: findings[at].afterPublication }, { moment: 'published' })).toBe(error.severity);
        });
        const fixed = fixOnce(rule, invalid.code, invalid.fileName, invalid.recentIssues);
        if (invalid.output === undefined) {
          expect(fixed, 'the findings offer a fix: state the expected output').toBe(invalid.code);
          return;
        }
        expect(fixed).toBe(invalid.output);
        expect(fixOnce(rule, fixed, invalid.fileName, invalid.recentIssues), 'fixing twice changes nothing').toBe(fixed);
        const crlf = invalid.code.replace(/\n/g, '\r\n');
        expect(fixOnce(rule, crlf, invalid.fileName, invalid.recentIssues), 'fixes keep CRLF line endings').toBe(invalid.output.replace(/\n/g, '\r\n'));
      });
    }
  });
}
