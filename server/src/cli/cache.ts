/**
 * `twir-lint --cache`: what a run learned, kept in a file for the next run. Entries are content
 * addressed: the key of a file's findings is a hash of its text (with its name and folder), of what
 * its look-back gives (the data of the earlier issues it is compared with, not their paths or
 * times), of the rule settings and preset, of the text at `--since`'s commit (its git object id)
 * and of the tool itself, so that an entry is right wherever and whenever it is found. The
 * look-back's data of an issue (`EarlierIssue`) is kept by its text too: a draft linted alone takes
 * its neighbours' from here instead of modelling them.
 *
 * The tool is its version and a hash of the bundles that run (`dist/cli.js`, `dist/cli-worker.js`):
 * a rebuilt linter whose code changed finds no entry of the old one, even with the same version.
 *
 * Loaded only with `--cache` (a dynamic import): runs without it do not load node:crypto.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { version } from '../../../package.json';
import type { RuleSettings } from '../service/lint';
import { SEVERITIES, type EarlierIssue } from '../service/rules/types';
import { readRegularFile } from '../service/workspace/read';
import { temporaryPathBeside } from './file-io';
import type { CliDiagnostic } from './lint-file';

/** The cache's file name, in the working folder or in the folder given as `--cache-location`. */
export const CACHE_FILE_NAME = '.twir-lint-cache';
/** The layout of the file; another one is not read. */
const FORMAT = 1;
/**
 * Entries kept: those of this run first, then the most recently used of earlier runs, up to this
 * many (about three runs over TWiR's ~660 issues, a result and a look-back entry each). Keeping
 * only this run's would let a run over one draft drop the findings of a run over the checkout.
 */
const MAX_ENTRIES = 4_000;
/** Far more than any cache: a bigger file is not one. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

export type CacheEntry =
  /** A file's findings (before any format leaves some out), and with --since how many were left out. */
  | { result: CliDiagnostic[]; leftOut?: number }
  /** What the look-back needs of an issue's text; null: it is past the analysis budget. */
  | { issue: EarlierIssue | null }
  /** `--since`: the findings of the text at the commit, as since.ts compares them. */
  | { baseline: string[] };

/** What a worker thread needs to use the cache (plain data). */
export interface SharedCache {
  tool: string;
  entries: ReadonlyMap<string, CacheEntry>;
}

/** The cache of one thread: the entries read from the file, and those this run used or made. */
export class LintCache {
  /** Used or made in this run, in the order first used. */
  private readonly used = new Map<string, CacheEntry>();
  /** Used or made since `takeFresh` (a worker sends them to the main thread). */
  private fresh: [string, CacheEntry][] = [];

  constructor(
    readonly tool: string,
    private readonly stored: ReadonlyMap<string, CacheEntry>,
  ) {}

  /** The key of an entry: a hash of its kind, its parts and the tool. */
  key(kind: 'result' | 'issue' | 'baseline', ...parts: string[]): string {
    const hash = createHash('sha256');
    for (const part of [this.tool, kind, ...parts]) hash.update(`${Buffer.byteLength(part)}:`).update(part);
    return hash.digest('hex');
  }

  /** The entries of a file's text linted with `inputs`. */
  file(text: string, inputs: FileInputs): FileEntries {
    return new FileEntries(this, text, inputs);
  }

  /** The key of what the look-back needs of an issue: by its name and the hash of its text. */
  issueKey(fileName: string, textHash: string): string {
    return this.key('issue', fileName, textHash);
  }

  /** The hash of a text, to make keys of (a text is hashed once, however many keys it is in). */
  hashText(text: string): string {
    return createHash('sha256').update(text).digest('hex');
  }

  result(key: string): { result: CliDiagnostic[]; leftOut?: number } | undefined {
    const entry = this.get(key);
    return entry && 'result' in entry ? entry : undefined;
  }

  issue(key: string): EarlierIssue | null | undefined {
    const entry = this.get(key);
    return entry && 'issue' in entry ? entry.issue : undefined;
  }

  baseline(key: string): string[] | undefined {
    const entry = this.get(key);
    return entry && 'baseline' in entry ? entry.baseline : undefined;
  }

  set(key: string, entry: CacheEntry): void {
    if (!this.used.has(key)) this.fresh.push([key, entry]);
    this.used.set(key, entry);
  }

  /** The entries used or made since the last call. */
  takeFresh(): [string, CacheEntry][] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }

  /** Records the entries a worker used or made. */
  record(entries: readonly [string, CacheEntry][]): void {
    for (const [key, entry] of entries) this.set(key, entry);
  }

  /** For the workers: the entries read from the file. */
  toShared(): SharedCache {
    return { tool: this.tool, entries: this.stored };
  }

  /**
   * Writes the cache: this run's entries, then the others most recently used first, up to the
   * bound; written to a temporary file renamed over the old one, so that a reader never sees half
   * of it. Returns why it could not be written, if it could not.
   */
  save(file: string): string | undefined {
    const older = [...this.stored].filter(([key]) => !this.used.has(key));
    const entries = [...this.used, ...older].slice(0, Math.max(MAX_ENTRIES, this.used.size));
    const temporary = temporaryPathBeside(file);
    const failure = (error: unknown) => `cannot write the cache ${file}: ${(error as Error).message}`;
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(temporary, JSON.stringify({ twirLintCache: FORMAT, tool: this.tool, entries }), { flag: 'wx' });
    } catch (error) {
      return failure(error);
    }
    try {
      renameSync(temporary, file);
      return undefined;
    } catch (error) {
      rmSync(temporary, { force: true });
      return failure(error);
    }
  }

  private get(key: string): CacheEntry | undefined {
    const entry = this.used.get(key) ?? this.stored.get(key);
    if (entry) this.set(key, entry);
    return entry;
  }
}

/** What a file's findings depend on besides its text: the inputs of its keys. */
export interface FileInputs {
  fileName: string;
  /** The name of the folder holding it (`content`, `draft`). */
  folder: string;
  rules: RuleSettings;
  preset?: string;
  /** The data of the issues before it (the look-back), as links/duplicate and events/location read it. */
  recentIssues: readonly EarlierIssue[];
  /** With --since: the git object id of the file at the commit, null when it was not there. */
  base?: string | null;
}

/** The entries of one text of a file: its findings, its look-back data and, with --since, the base's findings. */
export class FileEntries {
  private readonly textHash: string;
  private readonly settings: string;
  private readonly lookBack: string;

  constructor(
    private readonly cache: LintCache,
    private readonly text: string,
    private readonly inputs: FileInputs,
  ) {
    this.textHash = cache.hashText(text);
    this.settings = JSON.stringify([Object.entries(inputs.rules).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), inputs.preset ?? null]);
    // The issues' data, as it is in the cache; their paths and times do not matter.
    this.lookBack = JSON.stringify(inputs.recentIssues);
  }

  findings(): { result: CliDiagnostic[]; leftOut?: number } | undefined {
    return this.cache.result(this.resultKey(this.textHash));
  }

  /** Keeps the findings of the text, or of the text --fix made of it. */
  keepFindings(text: string, result: CliDiagnostic[], leftOut: number | undefined): void {
    this.cache.set(this.resultKey(text === this.text ? this.textHash : this.cache.hashText(text)), { result, leftOut });
  }

  issue(): EarlierIssue | null | undefined {
    return this.cache.issue(this.cache.issueKey(this.inputs.fileName, this.textHash));
  }

  keepIssue(issue: EarlierIssue): void {
    this.cache.set(this.cache.issueKey(this.inputs.fileName, this.textHash), { issue });
  }

  /** The findings of the file's content `blob` at --since's commit: from the cache, else from `lint`, then kept. */
  baseFindings(blob: string, lint: (blob: string) => string[]): string[] {
    const key = this.cache.key('baseline', this.inputs.fileName, blob, this.settings, this.lookBack);
    const cached = this.cache.baseline(key);
    if (cached) return cached;
    const findings = lint(blob);
    this.cache.set(key, { baseline: findings });
    return findings;
  }

  private resultKey(textHash: string): string {
    const base = this.inputs.base === undefined ? 'no --since' : (this.inputs.base ?? 'new since');
    return this.cache.key('result', this.inputs.fileName, this.inputs.folder, textHash, this.settings, this.lookBack, base);
  }
}

/** The cache file `--cache-location` names: a folder (one that exists, or a path ending with a slash) holds `.twir-lint-cache`. */
export function cacheFile(location: string | undefined, cwd: string): string {
  const path = resolve(cwd, location ?? CACHE_FILE_NAME);
  return location !== undefined && (/[\\/]$/.test(location) || isFolder(path)) ? join(path, CACHE_FILE_NAME) : path;
}

/**
 * Reads the cache file of the tool made of `bundles` (the files that run). A missing or unreadable
 * file, or one of another version of the tool, gives an empty cache; a corrupt one (truncated,
 * edited) too, with a warning: it is rebuilt.
 */
export function openCache(file: string, bundles: readonly string[]): { cache: LintCache; warning?: string } {
  const tool = toolId(bundles);
  const read = readRegularFile(file, MAX_FILE_BYTES);
  const entries = 'bytes' in read ? storedEntries(read.bytes.toString('utf8'), tool) : new Map<string, CacheEntry>();
  if (entries === 'corrupt') return { cache: new LintCache(tool, new Map()), warning: `the cache ${file} is corrupt: it is rebuilt` };
  return { cache: new LintCache(tool, entries) };
}

function toolId(bundles: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of bundles) {
    try {
      hash.update(readFileSync(file));
    } catch {
      // Not built (run from the sources, no worker bundle beside them): what exists is hashed.
    }
  }
  return `${version}+${hash.digest('hex')}`;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function storedEntries(text: string, tool: string): Map<string, CacheEntry> | 'corrupt' {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'corrupt';
  }
  if (!isRecord(data) || data.twirLintCache === undefined) return 'corrupt';
  // Another version's cache: nothing in it is ours to use; this run writes its own.
  if (data.twirLintCache !== FORMAT || data.tool !== tool) return new Map();
  if (!Array.isArray(data.entries) || !data.entries.every(isEntry)) return 'corrupt';
  return new Map(data.entries);
}

function isEntry(value: unknown): value is [string, CacheEntry] {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || !isRecord(value[1])) return false;
  const entry = value[1];
  if ('result' in entry) return Array.isArray(entry.result) && entry.result.every(isDiagnostic) && (entry.leftOut === undefined || Number.isInteger(entry.leftOut));
  if ('issue' in entry) return entry.issue === null || isEarlierIssue(entry.issue);
  return 'baseline' in entry && isStrings(entry.baseline);
}

function isDiagnostic(value: unknown): value is CliDiagnostic {
  return (
    isRecord(value) &&
    typeof value.rule === 'string' &&
    SEVERITIES.includes(value.severity as CliDiagnostic['severity']) &&
    [value.line, value.column, value.endLine, value.endColumn].every(Number.isInteger) &&
    typeof value.message === 'string' &&
    typeof value.fixable === 'boolean'
  );
}

function isEarlierIssue(value: unknown): value is EarlierIssue {
  return (
    isRecord(value) &&
    typeof value.fileName === 'string' &&
    (value.issueNumber === undefined || Number.isInteger(value.issueNumber)) &&
    isStrings(value.communityUrls) &&
    Array.isArray(value.statedPlaces) &&
    value.statedPlaces.every((place) => isStrings(place) && place.length === 3)
  );
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
