/** A rule's documentation file, relative to the package's root (`links/tracking` → `docs/rules/links/tracking.md`). */
export function ruleDocPath(rule: string): string {
  return `docs/rules/${rule}.md`;
}
