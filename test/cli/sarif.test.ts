/**
 * `--format sarif` validated against the SARIF 2.1.0 schema (OASIS; the copy in this folder is the
 * one npm's @microsoft/jest-sarif 1.0.0-beta.0 ships, MIT, kept here since tests have no network).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ruleDoc } from '../../server/src/service/rules/docs';
import { RULES } from '../../server/src/service/rules/index';
import { buildCli, parseJson, runCli } from './cli-process';

const FIXTURES = resolve(__dirname, '../fixtures');

/** The schema is draft-04 (`id`); Ajv reads draft-07, which differs from it only there for this schema. */
function sarifValidator() {
  const { $schema: _draft04, id, ...schema } = JSON.parse(readFileSync(join(__dirname, 'sarif-2.1.0-rtm.5.schema.json'), 'utf8'));
  // Formats (uri, date-time) are left unchecked: they need ajv-formats, and twir-lint writes no dates.
  // One of its patterns is not valid with the `u` flag (a lone `]`): read as JavaScript reads it without.
  return new Ajv({ strict: false, validateFormats: false, allErrors: true, unicodeRegExp: false }).compile({ ...schema, $id: id });
}

let cli: string;
let dispose: () => void;
let dir: string;
beforeAll(async () => {
  ({ cli, dispose } = await buildCli());
  dir = mkdtempSync(join(tmpdir(), 'twir-lint-sarif-'));
  cpSync(join(FIXTURES, 'draft'), join(dir, 'draft'), { recursive: true });
  cpSync(join(FIXTURES, 'published/2024-11-20-this-week-in-rust.md'), join(dir, 'content/with space/2024-11-20-this-week-in-rust.md'));
  writeFileSync(join(dir, 'draft/1999-01-01-this-week-in-rust.md'), Buffer.from([0xff, 0xfe, 0x00]));
});
afterAll(() => {
  dispose();
  rmSync(dir, { recursive: true, force: true });
});

it('writes one SARIF 2.1.0 log that validates, with the rules and their documentation as help (no URI), and every finding', async () => {
  const run = await runCli(cli, ['--format', 'sarif', 'draft', 'content'], dir);
  const log = JSON.parse(run.stdout);
  const validate = sarifValidator();
  expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  // The validator does reject: a run without its tool is no SARIF.
  expect(validate({ ...log, runs: [{ results: [] }] })).toBe(false);

  const [sarifRun] = log.runs;
  const rules = sarifRun.tool.driver.rules;
  expect(rules.map((rule: { id: string }) => rule.id)).toEqual([...RULES.map((rule) => rule.id), 'fatal']);
  for (const rule of rules) {
    expect(rule.helpUri).toBeUndefined();
    expect(rule.fullDescription.text.length).toBeGreaterThan(20);
  }
  for (const rule of RULES) expect(rules.find((described: { id: string }) => described.id === rule.id).help).toEqual({ text: ruleDoc(rule), markdown: ruleDoc(rule) });
  expect(sarifRun.tool.driver.informationUri).toBeUndefined();
  expect(sarifRun.invocations).toEqual([{ executionSuccessful: false }]);

  // The same findings as --format json, each pointing at its rule.
  const json = parseJson(await runCli(cli, ['--format', 'json', 'draft', 'content'], dir));
  const expected = json.flatMap((report) => report.diagnostics.map((diagnostic) => `${report.file.replace(/ /g, '%20')}:${diagnostic.line}:${diagnostic.column} ${diagnostic.rule}`));
  const results = sarifRun.results.map(
    (result: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }) => {
      expect(rules[result.ruleIndex].id).toBe(result.ruleId);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      return `${artifactLocation.uri}:${region.startLine}:${region.startColumn} ${result.ruleId}`;
    },
  );
  expect(results).toEqual(expected);
  expect(results.length).toBeGreaterThan(5);
  expect(results).toContain('draft/1999-01-01-this-week-in-rust.md:1:1 fatal');
  expect(run.status).toBe(2);
});
