import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTextFile, writeFileAtomically } from '../../server/src/cli/file-io';
import { escapeGithubData, escapeGithubProperty } from '../../server/src/cli/formats';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'twir-lint-io-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomically', () => {
  it('replaces the content, keeps the mode and leaves no temporary file', () => {
    const file = join(dir, 'issue.md');
    writeFileSync(file, 'old\r\n');
    chmodSync(file, 0o604);
    writeFileAtomically(file, '\uFEFFnew\r\n', statSync(file));
    expect(readFileSync(file)).toEqual(Buffer.from('\uFEFFnew\r\n'));
    expect(statSync(file).mode & 0o777).toBe(0o604);
    expect(readdirSync(dir)).toEqual(['issue.md']);
  });

  it('leaves the file untouched when it changed after it was read', () => {
    const file = join(dir, 'issue.md');
    writeFileSync(file, 'as read');
    const readStats = statSync(file);
    writeFileSync(file, 'saved by an editor meanwhile');
    utimesSync(file, new Date(), new Date(readStats.mtimeMs + 5000));
    expect(() => writeFileAtomically(file, 'fixed', readStats)).toThrow(/changed while it was being fixed/);
    expect(readFileSync(file, 'utf8')).toBe('saved by an editor meanwhile');
    expect(readdirSync(dir)).toEqual(['issue.md']);
  });

  it('writes through a symbolic link to the file it points to', () => {
    const file = join(dir, 'issue.md');
    const link = join(dir, 'link.md');
    writeFileSync(file, 'old');
    symlinkSync(file, link);
    writeFileAtomically(link, 'new', statSync(link));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('new');
  });
});

describe('readTextFile', () => {
  it('keeps a BOM in the text', () => {
    const file = join(dir, 'bom.md');
    writeFileSync(file, '\uFEFFTitle: x\r\n');
    expect(readTextFile(file)).toMatchObject({ text: '\uFEFFTitle: x\r\n' });
  });
});

describe('GitHub workflow command escaping', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeGithubData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeGithubProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
  });
});
