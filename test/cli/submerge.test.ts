import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityIssue } from '../../server/src/service/rules/testing';
import { markerOf } from '../../server/src/service/rules/submerge/testing';
import { buildCli, parseJson, runCli, type CliRun } from './cli-process';

/** `twir-lint` on a checkout where `submerge fetch` left markers in the draft and one slipped into content/. */
describe('twir-lint: submerge markers', () => {
  let cli: string;
  let dispose: () => void;
  let dir: string;
  const draft = communityIssue(
    `* [A post](https://example.com/a) ${markerOf({ pr: 1 })}\n* [Another](https://example.com/b) ${markerOf({ pr: 2 })}\n* [A post, again](https://example.com/a) ${markerOf({ pr: 3 })}`,
  );
  beforeAll(async () => {
    ({ cli, dispose } = await buildCli());
    dir = mkdtempSync(join(tmpdir(), 'twir-lint-submerge-'));
    mkdirSync(join(dir, 'draft'));
    mkdirSync(join(dir, 'content'));
    writeFileSync(join(dir, 'draft', '2026-01-14-this-week-in-rust.md'), draft);
    writeFileSync(join(dir, 'content', '2026-01-07-this-week-in-rust.md'), communityIssue(`* [Old](https://example.com/old) ${markerOf({ pr: 0 })}`, 'Official').replace(/634/g, '633').replace('2026-01-14', '2026-01-07'));
    writeFileSync(join(dir, 'ci.json'), JSON.stringify({ rules: { 'submerge/any-marker': 'error' } }));
  });
  afterAll(() => {
    dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  const submergeFindings = (run: CliRun) =>
    parseJson(run).map((report) => ({ file: report.file, findings: report.diagnostics.filter((diagnostic) => diagnostic.rule.startsWith('submerge/')).map((diagnostic) => `${diagnostic.line} ${diagnostic.rule} ${diagnostic.severity}`) }));

  it('a marker in content/ is an error; a draft\'s markers are not, unless submerge/any-marker is on (the CI setting)', async () => {
    const plain = await runCli(cli, ['--format', 'json', 'content', 'draft'], dir);
    expect(submergeFindings(plain)).toEqual([
      { file: join('content', '2026-01-07-this-week-in-rust.md'), findings: ['9 submerge/marker error'] },
      { file: join('draft', '2026-01-14-this-week-in-rust.md'), findings: [] },
    ]);
    const ci = await runCli(cli, ['--format', 'json', '--config', 'ci.json', 'draft'], dir);
    expect(ci.status).toBe(1);
    expect(submergeFindings(ci)[0].findings).toEqual(['9 submerge/any-marker error', '10 submerge/any-marker error', '11 submerge/any-marker error']);
  });

  it('--fix deletes no marked item, not even a duplicate link', async () => {
    const run = await runCli(cli, ['--fix', '--format', 'json', 'draft'], dir);
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'draft', '2026-01-14-this-week-in-rust.md'), 'utf8')).toBe(draft);
    const duplicate = parseJson(run)[0].diagnostics.find((diagnostic) => diagnostic.rule === 'links/duplicate')!;
    expect(duplicate).toMatchObject({ line: 11, fixable: false });
  });
});
