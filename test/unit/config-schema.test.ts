import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseConfig, validateRuleSettings } from '../../server/src/service/config';
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

describe('.twir-lint.json validated with the schema', () => {
  it('says where each problem is (file:line:col), suggests the rule meant, and keeps the valid part', () => {
    const text = '\uFEFF{\n  "rules": {\n    "links/trackin": "error",\n    "links/tracking": "loud",\n    "render/bullet": "off"\n  },\n  "extends": "x"\n}\n';
    expect(parseConfig(text, 'c.json')).toEqual({
      rules: { 'render/bullet': 'off' },
      problems: [
        'c.json:3:5: unknown rule "links/trackin" (did you mean "links/tracking"?)',
        'c.json:4:23: rule "links/tracking": "loud" is not one of off, hint, info, warning, error',
        'c.json:7:3: unknown key "extends" (a config holds "rules" only)',
      ],
    });
    expect(parseConfig('{ "rules": { "no/such-rule": "off" } }', 'c.json').problems).toEqual(['c.json:1:14: unknown rule "no/such-rule"']);
    expect(parseConfig('{\n  "rules": {\n', 'c.json').problems).toEqual([expect.stringMatching(/^c\.json:3:1: the file is not valid JSON: /)]);
    expect(parseConfig('{ "rules": {}, }', 'c.json').problems).toEqual([expect.stringMatching(/^c\.json:1:16: the file is not valid JSON: /)]);
  });

  it('checks the twir.rules setting with the same schema', () => {
    expect(validateRuleSettings({ 'markdown/htm': 'off', 'markdown/html': 'off' })).toEqual({
      settings: { 'markdown/html': 'off' },
      problems: ['unknown rule "markdown/htm" (did you mean "markdown/html"?)'],
    });
  });
});
