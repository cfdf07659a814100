import { conventionsOfRule } from '../conventions';
import type { Rule } from './types';

/** Where a rule's documentation lives: its row in the README's rule table. */
export const DOCS_BASE = 'https://github.com/twir-author/twir-author/blob/main/README.md';

export function ruleAnchor(rule: string): string {
  return `rule-${rule.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
}

export function ruleDocsUrl(rule: string): string {
  return `${DOCS_BASE}#${ruleAnchor(rule)}`;
}

/** A rule's default as the docs say it: its severity, or off for a rule that a setting must switch on. */
export function ruleDefault(rule: Rule): string {
  return rule.offByDefault ? `off (${rule.severity} when on)` : rule.severity;
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
    .map((rule) => `| <a id="${ruleAnchor(rule.id)}"></a>\`${rule.id}\` | ${ruleDefault(rule)} | ${rule.fixable ? 'yes' : '—'} | ${cell(rule.docs)} | ${cell(conventionsOfRule(rule.id).join('; ') || 'always')} | ${cell(peersOf(rule))} |`);
  return [
    '| rule | default | fix | what it reports | conventions and the issue dates they hold from (conventions.ts) | shared with TWiR\'s CI / the events linter |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The severities a rule may be set to, in `.twir-lint.json` and in `twir.rules`. */
