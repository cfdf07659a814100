// Writes the rule table, made from the rules themselves, into README.md between its markers
// (scripts/config-schema.ts writes the schemas of the rule settings).
import { readFileSync, writeFileSync } from 'node:fs';
import { rulesTable } from '../server/src/service/rules/docs';
import { RULES } from '../server/src/service/rules/index';

export const START = '<!-- rules:start -->';
export const END = '<!-- rules:end -->';

export function withRulesTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1) throw new Error(`README.md lacks the ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${rulesTable(RULES)}\n${readme.slice(end)}`;
}

if (process.argv[1]?.endsWith('rules-table.ts')) {
  writeFileSync('README.md', withRulesTable(readFileSync('README.md', 'utf8')));
}
