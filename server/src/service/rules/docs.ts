/** Where a rule's documentation lives: its row in the README's rule table. */
export const DOCS_BASE = 'https://github.com/twir-author/twir-author/blob/main/README.md';

export function ruleDocsUrl(rule: string): string {
  return `${DOCS_BASE}#rule-${rule.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
}
