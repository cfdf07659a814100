import type { ErrorObject, ValidateFunction } from 'ajv';
// The ES module build: the package's main (UMD) build requires its parts at run time, which a bundle cannot follow.
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import leven from 'leven';
import { join } from 'node:path';
import { configSchema, RULE_SETTINGS, ruleSettingsSchema } from './config-schema';
import type { RuleSetting } from './lint';
import { ruleById, RULES } from './rules/index';
import { readWorkspaceFile } from './workspace/read';

export const CONFIG_FILE_NAME = '.twir-lint.json';

export interface LintConfig {
  rules: Record<string, RuleSetting>;
  /** What was wrong with the file, one line each (the valid part still applies). */
  problems: string[];
}

/**
 * The validators of the generated schemas (config-schema.ts): the settings are checked by the same
 * schema that VS Code uses on `.twir-lint.json` and on `twir.rules`, with ajv, not by hand.
 * Loaded and compiled when first needed: most runs have no config to check, and loading ajv is a
 * fifth of the CLI's start.
 */
let compiled: { config: ValidateFunction; settings: ValidateFunction } | undefined;
function validators() {
  if (!compiled) {
    // A require, not an import: esbuild then evaluates ajv's modules here, not when the bundle loads.
    const { default: Ajv } = require('ajv') as typeof import('ajv');
    const ajv = new Ajv({ allErrors: true, strict: true }).addVocabulary(['markdownDescription']);
    compiled = { config: ajv.compile(configSchema(RULES)), settings: ajv.compile(ruleSettingsSchema(RULES)) };
  }
  return compiled;
}

/**
 * Reads `.twir-lint.json`: `{ "rules": { "rule/id": "off|hint|info|warning|error" } }`. Plain JSON,
 * validated; no code from the workspace is ever loaded. A missing file is an empty config; a FIFO, a
 * device or a huge file is a problem, never a hang.
 */
export function readConfigFile(path: string): LintConfig {
  const read = readWorkspaceFile(path);
  if ('missing' in read) return { rules: {}, problems: [] };
  if ('problem' in read) return { rules: {}, problems: [read.problem] };
  return parseConfig(read.text, path);
}

/** A config's text checked against the schema: each problem as `file:line:col: …`. */
export function parseConfig(text: string, path: string): LintConfig {
  // A BOM is no column in an editor.
  const json = text.replace(/^\uFEFF/, '');
  const at = (position: number) => `${path}:${lineAndColumn(json, position)}`;
  const syntaxErrors: ParseError[] = [];
  const tree = parseTree(json, syntaxErrors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (syntaxErrors.length > 0 || !tree) {
    const [first] = syntaxErrors;
    return { rules: {}, problems: [`${at(first?.offset ?? 0)}: the file is not valid JSON: ${first ? printParseErrorCode(first.error) : 'it is empty'}`] };
  }
  // The value as JSON.parse makes it: keys such as `__proto__` stay plain keys.
  const value: unknown = JSON.parse(json);
  const validateConfig = validators().config;
  if (validateConfig(value)) return { rules: { ...(value as { rules?: Record<string, RuleSetting> }).rules }, problems: [] };
  const problems = (validateConfig.errors ?? []).map((error) => {
    const { node, message } = describe(error, value);
    const located = node && findNodeAtLocation(tree, node);
    // An unknown key is shown at the key, a bad value at the value.
    const position = located ? (error.keyword === 'additionalProperties' ? (located.parent?.children?.[0] ?? located) : located).offset : 0;
    return { position, text: `${at(position)}: ${message}` };
  });
  problems.sort((a, b) => a.position - b.position);
  return { rules: validSettings((value as { rules?: unknown })?.rules), problems: problems.map((problem) => problem.text) };
}

/** Checks a settings object (`twir.rules`, or `.twir-lint.json`'s `rules`): the valid settings, and the problems one line each. */
export function validateRuleSettings(value: unknown): { settings: Record<string, RuleSetting>; problems: string[] } {
  if (value === undefined || value === null) return { settings: {}, problems: [] };
  const validateSettings = validators().settings;
  if (validateSettings(value)) return { settings: validSettings(value), problems: [] };
  return { settings: validSettings(value), problems: (validateSettings.errors ?? []).map((error) => describe(error, { rules: value }, '/rules').message) };
}

/** The settings of known rules with a valid value: the part of a config that applies. */
function validSettings(rules: unknown): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {};
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) return settings;
  for (const [id, setting] of Object.entries(rules)) {
    if (ruleById(id) && (RULE_SETTINGS as readonly unknown[]).includes(setting)) settings[id] = setting as RuleSetting;
  }
  return settings;
}

type JsonPath = (string | number)[];

/** An ajv error in a sentence, with the path of the node it is about. */
function describe(error: ErrorObject, config: unknown, prefix = ''): { node?: JsonPath; message: string } {
  const path = `${prefix}${error.instancePath}`
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    if (path.length === 0) return { node: [key], message: `unknown key "${key}" (a config holds "rules" only)` };
    const suggestion = closestRule(key);
    return { node: [...path, key], message: `unknown rule "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}` };
  }
  if (error.keyword === 'enum') {
    const setting = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], config);
    return { node: path, message: `rule "${path.at(-1)}": ${JSON.stringify(setting)} is not one of ${RULE_SETTINGS.join(', ')}` };
  }
  if (path.length === 0) return { node: path, message: 'the file must hold a JSON object: { "rules": { … } }' };
  if (path[0] === 'rules' && path.length === 1) return { node: path, message: '"rules" must be an object mapping rule ids to off|hint|info|warning|error' };
  return { node: path, message: `${path.join('.')} ${error.message ?? 'is not valid'}` };
}

/** The rule id a mistyped one most likely meant: the nearest by edit distance, if near enough. */
export function closestRule(id: string): string | undefined {
  let best: { id: string; distance: number } | undefined;
  for (const rule of RULES) {
    const distance = leven(id, rule.id);
    if (!best || distance < best.distance) best = { id: rule.id, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(id.length / 4)) ? best.id : undefined;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

export function configFileIn(folder: string): string {
  return join(folder, CONFIG_FILE_NAME);
}
