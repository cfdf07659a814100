/** `twir-lint --explain RULE` as a process: the rule's documentation on stdout, a mistyped id a usage error. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { ruleDocPath } from '../../server/src/service/rules/docs';
import { cliSandbox, runCli } from './cli-process';

const ROOT = resolve(__dirname, '../..');
const sandbox = cliSandbox('twir-lint-explain-');

it('prints the rule\'s documentation, the same as the file the extension ships', async () => {
  const run = await runCli(sandbox.cli, ['--explain', 'events/location'], sandbox.dir);
  expect(run.status).toBe(0);
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe(readFileSync(join(ROOT, ruleDocPath('events/location')), 'utf8'));
  expect(run.stdout).toContain('## Conventions by date');
});

it('refuses an unknown rule with the one meant and the list of rules, exit status 2', async () => {
  const run = await runCli(sandbox.cli, ['--explain', 'links/trackin'], sandbox.dir);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^twir-lint: --explain: unknown rule "links\/trackin" \(did you mean "links\/tracking"\?\)\. The rules: cfp\/event-format, .*text\/trailing-space\n$/);
});
