// Writes the JSON schema of `.twir-lint.json` (schemas/twir-lint.schema.json) and the `twir.rules`
// setting's schema in package.json, from the rules themselves (`npm run docs`).
import { readFileSync, writeFileSync } from 'node:fs';
import { configSchema, ruleSettingsSchema } from '../server/src/service/config-schema';
import { RULES } from '../server/src/service/rules/index';

export const CONFIG_SCHEMA_FILE = 'schemas/twir-lint.schema.json';

export function configSchemaText(): string {
  return `${JSON.stringify(configSchema(RULES), null, 2)}\n`;
}

/** package.json with the `twir.rules` setting's schema made from the rules. */
export function withRulesSetting(packageJson: string): string {
  const manifest = JSON.parse(packageJson);
  const setting = manifest.contributes.configuration.properties['twir.rules'];
  const { properties, additionalProperties } = ruleSettingsSchema(RULES);
  Object.assign(setting, { properties, additionalProperties });
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

if (process.argv[1]?.endsWith('config-schema.ts')) {
  writeFileSync(CONFIG_SCHEMA_FILE, configSchemaText());
  writeFileSync('package.json', withRulesSetting(readFileSync('package.json', 'utf8')));
}
