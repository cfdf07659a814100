/**
 * The JSON schemas of the rule settings, made from the rules themselves: `.twir-lint.json`
 * (`schemas/twir-lint.schema.json`, contributed to VS Code through `jsonValidation`) and the
 * `twir.rules` setting in package.json. `npm run docs` writes both; a test checks they are current.
 */
import { ruleDefault } from './rules/docs';
import type { Rule } from './rules/types';

export const RULE_SETTINGS = ['off', 'hint', 'info', 'warning', 'error'] as const;

/** The schema of a rules object: each rule id with its docs, and nothing else. */
export function ruleSettingsSchema(rules: readonly Rule[]) {
  const sorted = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  return {
    type: 'object',
    properties: Object.fromEntries(
      sorted.map((rule) => [
        rule.id,
        {
          enum: [...RULE_SETTINGS],
          description: `${rule.docs} (Default: ${ruleDefault(rule)}.)`,
          markdownDescription: `${rule.docs}\n\nDefault: \`${ruleDefault(rule)}\`. Its documentation: \`twir-lint --explain ${rule.id}\`, or the rule's code on one of its findings.`,
        },
      ]),
    ),
    additionalProperties: false,
  };
}

/** The schema of `.twir-lint.json`. */
export function configSchema(rules: readonly Rule[]) {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'twir-lint configuration (.twir-lint.json)',
    description: 'Rule settings of twir-lint and the TWiR Author extension for VS Code.',
    type: 'object',
    properties: {
      $schema: { type: 'string', description: 'The schema of this file.' },
      rules: { ...ruleSettingsSchema(rules), description: 'Severity per rule id: `off`, `hint`, `info`, `warning` or `error`.' },
    },
    additionalProperties: false,
  };
}
