// Writes each rule's documentation to docs/rules/<id>.md (`npm run docs`), made from the rule itself:
// the extension ships these files and opens them from a diagnostic's code; the README links to them.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ruleDoc, ruleDocPath } from '../server/src/service/rules/docs';
import { RULES } from '../server/src/service/rules/index';

export const RULE_DOCS_FOLDER = 'docs/rules';

/** Every rule's documentation file with its text, by path relative to the package's root. */
export function ruleDocFiles(): Map<string, string> {
  return new Map(RULES.map((rule) => [ruleDocPath(rule.id), ruleDoc(rule)]));
}

if (process.argv[1]?.endsWith('rule-docs.ts')) {
  // A renamed or removed rule leaves no file behind.
  rmSync(RULE_DOCS_FOLDER, { recursive: true, force: true });
  for (const [path, text] of ruleDocFiles()) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}
