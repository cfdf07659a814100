// Writes what is made from the rules themselves: the rule table into README.md between its
// markers, and the `twir.rules` setting's schema (one property per rule) into package.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { ruleSettingsSchema, rulesTable } from '../server/src/service/rules/docs';
import { RULES } from '../server/src/service/rules/index';

export const START = '<!-- rules:start -->';
export const END = '<!-- rules:end -->';

export function withRulesTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1) throw new Error(`README.md lacks the ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${rulesTable(RULES)}\n${readme.slice(end)}`;
}

/** package.json with `twir.rules` completing every rule id, its severities and its docs in settings.json. */
export function withRulesSetting(manifestText: string): string {
  const manifest = JSON.parse(manifestText);
  const setting = manifest.contributes.configuration.properties['twir.rules'];
  const { additionalProperties, ...schema } = ruleSettingsSchema(RULES);
  Object.assign(setting, schema, { additionalProperties });
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

if (process.argv[1]?.endsWith('rules-table.ts')) {
  writeFileSync('README.md', withRulesTable(readFileSync('README.md', 'utf8')));
  writeFileSync('package.json', withRulesSetting(readFileSync('package.json', 'utf8')));
}
