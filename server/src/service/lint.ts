import { conflictedLines } from './commands/conflicts/markers';
import type { IssueModel } from './model/types';
import { RULES } from './rules/index';
import { localFindings } from './rules/local';
import { protectMarkers } from './rules/submerge/protect';
import { MERGE_CONFLICT_RULE } from './rules/text/merge-conflict';
import type { EarlierIssue, Finding, Fix, Rule, Severity, Weight } from './rules/types';
import { momentOf, severityOf, type Moment } from './severity';
import type { Range } from './util/text';

export type RuleSetting = Severity | 'off';
/** `twir.rules` / `.twir-lint.json` `rules`: a rule id mapped to a severity or `off`. */
export type RuleSettings = Readonly<Record<string, RuleSetting>>;

export interface LintDiagnostic {
  rule: string;
  severity: Severity;
  /** What the finding is (its rule's certainty or its own), from which `severity` was decided. */
  certainty?: Weight;
  /** A placeholder filled only after publishing (`REDDIT_LINK_HERE`). */
  afterPublication?: boolean;
  /** A publishing task editors often leave undone: information once published. */
  publishingOnly?: boolean;
  range: Range;
  message: string;
  fix?: Fix;
}

export interface LintOptions {
  rules?: RuleSettings;
  /** Severities that replace rules' defaults (a preset such as TWiR CI's): a finding's own certainty and `rules` still win. */
  defaults?: Readonly<Record<string, Severity>>;
  /** The moment the issue is judged in (severity.ts); default: its folder's (`momentOf`). */
  moment?: Moment;
  recentIssues?: readonly EarlierIssue[];
  /**
   * Whether local rules check each segment apart and reuse the findings of segments checked before
   * (default: what the editor wants, version after version); false: every rule checks the whole
   * document (the CLI, which lints each file once, and the reference the tests compare with).
   */
  reuse?: boolean;
}

export interface LintResult {
  diagnostics: LintDiagnostic[];
  /** Rules that threw: reported once, never taking the rest down. */
  failures: { rule: string; error: string }[];
}

const DIRECTIVE = /<!--\s*twir-lint-(disable-next-line|disable|enable)\b([^>]*?)-->/g;

/** Lines on which each rule is silenced by `twir-lint-disable…` comments (`*` for every rule). */
function suppressions(model: IssueModel): (rule: string, line: number) => boolean {
  const nextLine = new Map<number, Set<string>>();
  const spans: { rule: string; from: number; to: number }[] = [];
  const open = new Map<string, number>();
  for (const comment of model.comments) {
    for (const match of comment.text.matchAll(DIRECTIVE)) {
      const rules = match[2].split(/[\s,]+/).filter(Boolean);
      const names = rules.length > 0 ? rules : ['*'];
      if (match[1] === 'disable-next-line') {
        const target = comment.endLine + 1;
        const set = nextLine.get(target) ?? new Set<string>();
        names.forEach((name) => set.add(name));
        nextLine.set(target, set);
      } else if (match[1] === 'disable') {
        names.forEach((name) => open.has(name) || open.set(name, comment.startLine));
      } else {
        for (const name of names) {
          const from = open.get(name);
          if (from !== undefined) spans.push({ rule: name, from, to: comment.endLine });
          open.delete(name);
        }
      }
    }
  }
  for (const [name, from] of open) spans.push({ rule: name, from, to: model.lines.lineCount });
  return (rule, line) => {
    const set = nextLine.get(line);
    if (set && (set.has(rule) || set.has('*'))) return true;
    return spans.some((span) => (span.rule === rule || span.rule === '*') && line >= span.from && line <= span.to);
  };
}

/** Runs every enabled rule over the model: diagnostics in document order, with their fixes. */
export function lint(model: IssueModel, options: LintOptions = {}): LintResult {
  const settings = options.rules ?? {};
  const recentIssues = options.recentIssues ?? [];
  const enabled = RULES.filter((rule) => {
    const setting = settings[rule.id];
    // A rule off by default runs when a setting or a preset names it.
    if (setting === 'off' || (setting === undefined && rule.offByDefault && options.defaults?.[rule.id] === undefined)) return false;
    return !model.isTemplate || rule.appliesToTemplate;
  });
  const local = options.reuse === false ? new Map<Rule, Finding[] | { error: unknown }>() : localFindings(enabled.filter((rule) => rule.local), model, recentIssues);
  const isSuppressed = suppressions(model);
  // Inside a conflict both sides' lines stand together: only the conflict is reported there, and no other fix edits it.
  const inConflict = conflictedLines(model.text, model.lines);
  const moment = options.moment ?? momentOf(model);
  const diagnostics: LintDiagnostic[] = [];
  const failures: LintResult['failures'] = [];
  for (const rule of enabled) {
    let findings = local.get(rule);
    try {
      findings ??= rule.check({ model, recentIssues });
      if (!Array.isArray(findings)) throw findings.error;
    } catch (error) {
      failures.push({ rule: rule.id, error: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const choices = { moment, setting: settings[rule.id] as Severity | undefined, preset: options.defaults?.[rule.id] };
    for (const finding of findings) {
      if (isSuppressed(rule.id, finding.range.start.line)) continue;
      const ownConflict = rule.id === MERGE_CONFLICT_RULE;
      if (inConflict && !ownConflict && inConflict(finding.range.start.line, finding.range.end.line)) continue;
      const fix = inConflict && !ownConflict && finding.fix?.edits.some((edit) => inConflict(edit.range.start.line, edit.range.end.line)) ? undefined : finding.fix;
      const certainty = finding.certainty ?? rule.certainty;
      diagnostics.push({
        rule: rule.id,
        severity: severityOf({ certainty, afterPublication: finding.afterPublication, publishingOnly: finding.publishingOnly }, { ...choices, ownCertainty: finding.certainty !== undefined }),
        certainty,
        ...(finding.afterPublication && { afterPublication: true }),
        ...(finding.publishingOnly && { publishingOnly: true }),
        range: finding.range,
        message: finding.message,
        fix: fix && protectMarkers(model, fix),
      });
    }
  }
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { diagnostics, failures };
}
