import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { withRulesSetting, withRulesTable } from '../../scripts/rules-table';

it('README.md carries the rule table made from the rules (run `npm run docs` after changing a rule)', () => {
  const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
  expect(readme).toBe(withRulesTable(readme));
});

it('package.json offers every rule in the twir.rules setting, with its severities and docs (run `npm run docs` after changing a rule)', () => {
  const manifest = readFileSync(resolve(__dirname, '../../package.json'), 'utf8');
  expect(manifest).toBe(withRulesSetting(manifest));
});
