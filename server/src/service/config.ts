import { join } from 'node:path';
import { validateRuleSettings, type RuleSetting } from './lint';
import { readWorkspaceFile } from './workspace/read';

export const CONFIG_FILE_NAME = '.twir-lint.json';

export interface LintConfig {
  rules: Record<string, RuleSetting>;
  /** What was wrong with the file, one line each (the valid part still applies). */
  problems: string[];
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

export function parseConfig(text: string, path: string): LintConfig {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { rules: {}, problems: [`${path} is not valid JSON: ${(error as Error).message}`] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { rules: {}, problems: [`${path} must hold a JSON object`] };
  const unknownKeys = Object.keys(value).filter((key) => key !== 'rules' && key !== '$schema');
  const { settings, problems } = validateRuleSettings((value as { rules?: unknown }).rules);
  return {
    rules: settings,
    problems: [...unknownKeys.map((key) => `${path}: unknown key "${key}"`), ...problems.map((problem) => `${path}: ${problem}`)],
  };
}

export function configFileIn(folder: string): string {
  return join(folder, CONFIG_FILE_NAME);
}
