import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA_FILE, configSchemaText, withRulesSetting } from '../../scripts/config-schema';
import { RULES } from '../../server/src/service/rules/index';

const ROOT = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

describe('the config schema, made from the rules (run `npm run docs` after changing a rule)', () => {
  it('schemas/twir-lint.schema.json is current', () => {
    expect(read(CONFIG_SCHEMA_FILE)).toBe(configSchemaText());
  });

  it("package.json's twir.rules setting has the same rules, and VS Code validates .twir-lint.json with the schema", () => {
    const manifest = read('package.json');
    expect(manifest).toBe(withRulesSetting(manifest));
    expect(JSON.parse(manifest).contributes.jsonValidation).toEqual([{ fileMatch: '.twir-lint.json', url: `./${CONFIG_SCHEMA_FILE}` }]);
  });

  it('accepts every rule with every setting, and rejects unknown keys, rules and severities', () => {
    // VS Code's own keyword, which strict mode would otherwise reject.
    const validate = new Ajv({ strict: true }).addVocabulary(['markdownDescription']).compile(JSON.parse(read(CONFIG_SCHEMA_FILE)));
    expect(validate({ $schema: './schema.json', rules: Object.fromEntries(RULES.map((rule, index) => [rule.id, ['off', 'hint', 'info', 'warning', 'error'][index % 5]])) })).toBe(true);
    expect(validate({})).toBe(true);
    expect(validate({ rules: { 'links/trackin': 'error' } })).toBe(false);
    expect(validate({ rules: { 'links/tracking': 'fatal' } })).toBe(false);
    expect(validate({ rule: {} })).toBe(false);
  });

  it('describes each rule with its docs', () => {
    const schema = JSON.parse(read(CONFIG_SCHEMA_FILE));
    for (const rule of RULES) expect(schema.properties.rules.properties[rule.id].description).toContain(rule.docs);
  });
});
