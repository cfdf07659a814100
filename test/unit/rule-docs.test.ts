/**
 * Each rule's documentation travels with the tool: docs/rules/<id>.md (shipped in the .vsix, linked
 * from the README) is what the rule makes, `twir-lint --explain` prints the same, and the example
 * it shows is real: the rule reports the wrong lines, not the right ones, and its fixes turn one
 * into the other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleDocFiles, RULE_DOCS_FOLDER } from '../../scripts/rule-docs';
import { explainCommand } from '../../server/src/cli/explain';
import { CONVENTION_CHANGES, conventionRowsOfRule } from '../../server/src/service/conventions';
import { ruleDoc } from '../../server/src/service/rules/docs';
import { RULES } from '../../server/src/service/rules/index';
import { communityIssue, eventsIssue, findingsOf, fixOnce, issue } from '../../server/src/service/rules/testing';
import type { RuleExample } from '../../server/src/service/rules/types';

const ROOT = resolve(__dirname, '../..');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)]));
}

function inIssue(example: RuleExample, lines: string): string {
  switch (example.in ?? 'body') {
    case 'body':
      return issue(`${lines}\n`);
    case 'community':
      return communityIssue(lines);
    case 'events':
      return eventsIssue(lines);
    case 'file':
      return lines;
  }
}

it('docs/rules/ holds each rule\'s documentation as the rule makes it, and nothing else (run `npm run docs` after changing a rule)', () => {
  const expected = ruleDocFiles();
  const written = filesUnder(join(ROOT, RULE_DOCS_FOLDER)).map((file) => relative(ROOT, file));
  expect(written.sort()).toEqual([...expected.keys()].sort());
  for (const [path, text] of expected) expect(readFileSync(join(ROOT, path), 'utf8'), path).toBe(text);
});

describe.each(RULES.map((rule) => [rule.id, rule] as const))('%s', (_, rule) => {
  it('twir-lint --explain prints its documentation', () => {
    let printed = '';
    expect(explainCommand(rule.id, (text) => (printed += text))).toBe(0);
    expect(printed).toBe(ruleDoc(rule));
    expect(printed).toContain(rule.docs);
  });

  it('shows an example that the rule reports, with what is right instead', () => {
    const example = rule.example;
    expect(example, 'the rule has an example').toBeDefined();
    if (!example) return;
    const wrong = inIssue(example, example.wrong);
    expect(findingsOf(rule, wrong).length).toBeGreaterThan(0);
    if (example.right === undefined) return expect(rule.fixable).toBe(false);
    const right = inIssue(example, example.right);
    expect(findingsOf(rule, right)).toEqual([]);
    if (rule.fixable) expect(fixOnce(rule, wrong)).toBe(right);
  });

  it('is named by the dated conventions it reads (conventions.ts), so that its documentation shows their dates', () => {
    const source = readFileSync(join(ROOT, 'server/src/service/rules', `${rule.id}.ts`), 'utf8');
    // `statesRequired` is what the conventions `optionalAuStates` and `optionalCaStates` decide.
    const read = Object.keys(CONVENTION_CHANGES).filter((name) => source.includes(`.${name}`) || (source.includes('.statesRequired') && /^optional..States$/.test(name)));
    expect(conventionRowsOfRule(rule.id).dated.map((change) => change.name).sort()).toEqual(read.sort());
  });
});
