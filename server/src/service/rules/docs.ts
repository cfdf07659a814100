/**
 * Each rule's documentation, made from the rule itself (its docs, example, conventions and peers):
 * `twir-lint --explain RULE` prints it, SARIF carries it as each rule's help, and `npm run docs`
 * writes it to docs/rules/<id>.md, which the extension ships and opens from a diagnostic's code
 * and the README's rule table links to. No URL: the docs travel with the tool.
 */
import { conventionRowsOfRule, conventionsOfRule } from '../conventions';
import { ruleDocPath } from './doc-path';
import { defaultSeverities } from '../severity';
import type { Rule, Severity } from './types';

export { ruleDocPath };

export function ruleAnchor(rule: string): string {
  return `rule-${rule.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
}

/** Text in a Markdown fence longer than any run of backticks inside it. */
function fenced(text: string): string {
  const fence = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((run) => run[0].length + 1)));
  return `${fence}markdown\n${text}\n${fence}`;
}

/** A rule's documentation in Markdown: what it reports and why, an example, its fix, dates, peers, settings. */
export function ruleDoc(rule: Rule): string {
  const sections = [`# \`${rule.id}\`\n\nDefault: **${ruleDefault(rule)}**. Fix: **${rule.fixable ? 'yes' : 'no'}**.\n\n${rule.docs}`];
  if (rule.example) {
    const { wrong, right } = rule.example;
    const after = right === undefined ? '' : `\n\n${rule.fixable ? 'Right (what the fix writes):' : 'Right:'}\n\n${fenced(right)}`;
    sections.push(`## Example\n\nIn an issue dated 2026-01-14. Wrong:\n\n${fenced(wrong)}${after}`);
  }
  sections.push(
    rule.fixable
      ? '## The fix\n\nIn VS Code, a quick fix on the finding (the light bulb); `source.fixAll.twir` (also on save, with `editor.codeActionsOnSave`) applies the fixes that need no person\'s eye, as `twir-lint --fix` does. What each fix does, and when it is offered only one by one, is said above.'
      : '## The fix\n\nNone: what is right here needs a person to decide (above).',
  );
  const { dated, unsettled } = conventionRowsOfRule(rule.id);
  if (dated.length + unsettled.length > 0) {
    const lines = [
      ...dated.map((change) => `* From **${change.since}**: ${change.what} ${change.evidence}`),
      ...unsettled.map((style) => `* Never enforced (mixed, or accepted as written): ${style.what} ${style.evidence}`),
    ];
    sections.push(`## Conventions by date\n\nAn issue is judged by the conventions of its own \`Date:\` (else its file name's date); issues before a convention's date are not held to it.\n\n${lines.join('\n')}`);
  }
  const peers = [
    rule.peers?.twirCi && `* **TWiR's CI** (\`tools/inspect_links.py\`, \`tools/inspect_markdown.py\`): ${rule.peers.twirCi}`,
    rule.peers?.eventsLint && `* **The events team's linter** (bdillo/twir-events-lint): ${rule.peers.eventsLint}`,
  ].filter(Boolean);
  sections.push(`## Shared with TWiR's CI and the events linter\n\n${peers.length > 0 ? peers.join('\n') : "Ours alone: neither TWiR's CI scripts nor the events team's linter check this."}`);
  sections.push(
    `## Settings\n\n\`.twir-lint.json\`: \`{ "rules": { "${rule.id}": "off" } }\` (or \`hint\`, \`info\`, \`warning\`, \`error\`); in VS Code, the \`twir.rules\` setting takes the same.`,
  );
  return `${sections.join('\n\n')}\n`;
}

/** A rule's default severity where it is the same in every moment (severity.ts), else its severity in a draft. */
export function ruleSeverity(rule: Rule): Severity {
  return defaultSeverities(rule).inProgress;
}

/**
 * A rule's default as the docs say it, from severity.ts: its severity, `info in a draft, error at
 * publishing` for a publishing task, or off for a rule that a setting must switch on.
 */
export function ruleDefault(rule: Rule): string {
  const { inProgress, publishing } = defaultSeverities(rule);
  const severity = inProgress === publishing ? inProgress : `${inProgress} in a draft, ${publishing} at publishing`;
  return rule.offByDefault ? `off (${severity} when on)` : severity;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function peersOf(rule: Rule): string {
  const parts = [rule.peers?.twirCi && `**TWiR CI**: ${rule.peers.twirCi}`, rule.peers?.eventsLint && `**events linter**: ${rule.peers.eventsLint}`].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : 'ours alone';
}

/** The README's rule table, made from the rules themselves so that it never drifts from them. */
export function rulesTable(rules: readonly Rule[]): string {
  const rows = [...rules]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((rule) => `| <a id="${ruleAnchor(rule.id)}"></a>[\`${rule.id}\`](${ruleDocPath(rule.id)}) | ${ruleDefault(rule)} | ${rule.fixable ? 'yes' : '—'} | ${cell(rule.docs)} | ${cell(conventionsOfRule(rule.id).join('; ') || 'always')} | ${cell(peersOf(rule))} |`);
  return [
    '| rule | default | fix | what it reports | conventions and the issue dates they hold from (conventions.ts) | shared with TWiR\'s CI / the events linter |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The severities a rule may be set to, in `.twir-lint.json` and in `twir.rules`. */
