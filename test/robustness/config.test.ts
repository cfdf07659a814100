/**
 * The workspace's configuration is data, never code: `.twir-lint.json` is parsed as JSON and
 * validated, each problem is said in one clear line (the valid part still applies), and files that
 * other tools would execute (`.twir-lint.js`, `package.json` scripts) are never run.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ShowMessageParams } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/src/service/config';
import { fixture, startServer } from '../lsp/server-process';

describe('.twir-lint.json is validated JSON', () => {
  it.each([
    ['module.exports = { rules: {} }', /is not valid JSON/],
    ['{ rules: { "text/trailing-space": "off" } }', /is not valid JSON/],
    ['["text/trailing-space"]', /must hold a JSON object/],
    ['"off"', /must hold a JSON object/],
    ['null', /must hold a JSON object/],
    ['{ "rules": [] }', /"rules" must be an object/],
    ['{ "rules": { "text/trailing-space": "loud" } }', /rule "text\/trailing-space": "loud" is not one of off, hint, info, warning, error/],
    ['{ "rules": { "text/trailing-space": { "severity": "off" } } }', /is not one of off/],
    ['{ "rules": { "no/such-rule": "off" } }', /unknown rule "no\/such-rule"/],
    ['{ "rules": { "__proto__": "off", "constructor": "off" } }', /unknown rule "__proto__"/],
    ['{ "extends": "./shared.js", "plugins": ["evil"] }', /unknown key "extends"/],
  ])('rejects %s with a clear problem', (text, problem) => {
    const config = parseConfig(text, '/work/.twir-lint.json');
    expect(config.problems.join('\n')).toMatch(problem);
    expect(config.problems.every((line) => line.startsWith('/work/.twir-lint.json'))).toBe(true);
    expect(Object.getPrototypeOf(config.rules)).toBe(Object.prototype);
  });

  it('keeps the valid settings beside the bad ones, and accepts a BOM', () => {
    const config = parseConfig('\uFEFF{ "rules": { "text/trailing-space": "off", "render/bullet": "loud", "nope": "off" } }', 'c.json');
    expect(config.rules).toEqual({ 'text/trailing-space': 'off' });
    expect(config.problems).toHaveLength(2);
  });
});

describe('language server process: workspace configuration', () => {
  let root: string;
  const marker = () => join(root, 'EXECUTED');
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'twir-config-'));
    // Files that a tool loading code from the workspace would run: each would leave a marker.
    const payload = `require('node:fs').writeFileSync(${JSON.stringify(join(root, 'EXECUTED'))}, 'ran')`;
    for (const name of ['.twir-lint.js', '.twir-lint.cjs', '.twir-lint.mjs', 'twir-lint.config.js', '.twirrc.js']) writeFileSync(join(root, name), payload);
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'x', scripts: { postinstall: payload, prepare: payload }, twirLint: { rules: {} } }));
    writeFileSync(join(root, '.twir-lint.json'), '{ "rules": { "text/trailing-space": "loud", "text/mojibake": "off" }, "plugins": ["./.twir-lint.js"] }');
    mkdirSync(join(root, 'content'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('says what is wrong with the config once, applies the valid part, and runs nothing from the workspace', async () => {
    const server = await startServer({ rootPath: root });
    const messages: ShowMessageParams[] = [];
    // The server reads the config as it starts, and shows each problem as a message (a request: it may offer actions).
    server.connection.onRequest('window/showMessageRequest', (params: ShowMessageParams) => void messages.push(params));
    server.connection.onNotification('window/showMessage', (params: ShowMessageParams) => void messages.push(params));
    try {
      const seed = fixture('seeds/2024-01-24-this-week-in-rust.md');
      const uri = pathToFileURL(join(root, 'content/2024-01-24-this-week-in-rust.md')).href;
      writeFileSync(join(root, 'content/2024-01-24-this-week-in-rust.md'), seed.text);
      server.open(uri, seed.text);
      const diagnostics = await server.diagnostics(uri, 1);
      expect(diagnostics.length).toBeGreaterThan(0);
      expect(diagnostics.some((diagnostic) => diagnostic.code === 'text/mojibake')).toBe(false); // 16 without the config
      const problems = messages.map((message) => message.message).filter((message) => message.includes('.twir-lint.json'));
      expect(problems).toHaveLength(2);
      expect(problems.join('\n')).toMatch(/unknown key "plugins"/);
      expect(problems.join('\n')).toMatch(/rule "text\/trailing-space": "loud" is not one of off, hint, info, warning, error/);
      expect(existsSync(marker())).toBe(false);
    } finally {
      await server.stop();
    }
  });
});
