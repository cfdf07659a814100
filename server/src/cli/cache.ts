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
 * The file is the user's, not the repository's: it is written only where nothing is or where a
 * twir-lint cache is (any other file, a folder, a device or a link is refused), it is not used at all
 * where a commit could have put it (a path inside a git checkout that git tracks or does not ignore),
 * and each entry is signed with a secret kept beside it (`<cache>.key`, never in the cache file): an
 * entry edited by hand, or by anyone without the key, is recomputed, never printed.
 *
 * Loaded only with `--cache` (a dynamic import): runs without it do not load node:crypto.
 */
import { spawnSync } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { version } from '../../../package.json';
import type { RuleSettings } from '../service/lint';
import { SEVERITIES, type EarlierIssue } from '../service/rules/types';
import { readRegularFile } from '../service/workspace/read';
import { temporaryPathBeside } from './file-io';
import type { CliDiagnostic } from './lint-file';

/** The cache's file name, in the working folder or in the folder given as `--cache-location`. */
export const CACHE_FILE_NAME = '.twir-lint-cache';
/** The cache's name inside a checkout's git folder, where no commit can put one: the default there. */
const GIT_CACHE_NAME = 'twir-lint-cache';
/** The layout of the file; another one is not read. 2: entries signed. */
const FORMAT = 2;
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
  save(file: string, secret: CacheSecret): string | undefined {
    const older = [...this.stored].filter(([key]) => !this.used.has(key));
    const entries = [...this.used, ...older].slice(0, Math.max(MAX_ENTRIES, this.used.size)).map(([key, entry]) => {
      const value = JSON.stringify(entry);
      return `[${JSON.stringify(key)},${value},${JSON.stringify(signature(secret.key, key, value))}]`;
    });
    const temporary = temporaryPathBeside(file);
    const failure = (error: unknown) => `cannot write the cache ${file}: ${(error as Error).message}`;
    try {
      mkdirSync(dirname(file), { recursive: true });
      if (!secret.saved) writeFileSync(keyFile(file), `${secret.key}\n`, { flag: 'wx', mode: 0o600 });
      secret.saved = true;
      writeFileSync(temporary, `{"twirLintCache":${FORMAT},"tool":${JSON.stringify(this.tool)},"entries":[${entries.join(',')}]}`, { flag: 'wx' });
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

/**
 * The cache file: the one `--cache-location` names (a folder, one that exists or a path ending with
 * a slash, holds `.twir-lint-cache`); by default `twir-lint-cache` in the git folder of the checkout
 * the command runs in (no commit can put a file there), else `.twir-lint-cache` in the working folder.
 */
export function cacheFile(location: string | undefined, cwd: string): string {
  if (location === undefined) {
    const inGit = spawnSync('git', ['rev-parse', '--git-path', GIT_CACHE_NAME], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return inGit.status === 0 && inGit.stdout.trim() !== '' ? resolve(cwd, inGit.stdout.trim()) : resolve(cwd, CACHE_FILE_NAME);
  }
  const path = resolve(cwd, location);
  return /[\\/]$/.test(location) || isFolder(path) ? join(path, CACHE_FILE_NAME) : path;
}

/** The secret that signs a cache's entries, kept in `<cache>.key`; `saved`: that file holds it. */
export interface CacheSecret {
  readonly key: string;
  saved: boolean;
}

export type CacheOpening =
  /** The cache to use and save; `warnings` say, in a line each, what of the file was not used. */
  | { cache: LintCache; secret: CacheSecret; warnings: string[] }
  /** Used neither to read nor to write, for this reason (the run goes on without it). */
  | { unused: string }
  /** The path holds something that is not a twir-lint cache: never replaced, the run stops. */
  | { refused: string };

/**
 * Opens the cache file of the tool made of `bundles` (the files that run). A missing file, or one
 * of another version of the tool, gives an empty cache; a cache of this version whose entries are
 * damaged or not signed with its key gives the others, with a warning: those are recomputed.
 */
export function openCache(file: string, bundles: readonly string[]): CacheOpening {
  const found = [ownership(file), ownership(keyFile(file))];
  const refusal = found.find((state) => 'refused' in state);
  if (refusal && 'refused' in refusal) return refusal;
  const whyUnused = exposedToCommits(file);
  if (whyUnused) return { unused: `the cache ${file} is not used: ${whyUnused}. Give --cache-location a path outside the checkout, or one git ignores.` };
  const [cacheFound, keyFound] = found;
  const secret: CacheSecret = 'text' in keyFound ? { key: keyFound.text.trim(), saved: true } : { key: randomBytes(32).toString('hex'), saved: false };
  const tool = toolId(bundles);
  const stored = 'text' in cacheFound && secret.saved ? storedEntries(cacheFound.text, tool, secret.key) : { entries: new Map<string, CacheEntry>(), rejected: 0 };
  const warnings = stored.rejected > 0 ? [`${stored.rejected} ${stored.rejected === 1 ? 'entry' : 'entries'} of the cache ${file} did not match ${stored.rejected === 1 ? 'its' : 'their'} signature: recomputed`] : [];
  return { cache: new LintCache(tool, stored.entries), secret, warnings };
}

const keyFile = (file: string) => `${file}.key`;

/**
 * What is at a path of the cache: nothing, a file of ours (a twir-lint cache of any version or
 * a cache key, or an empty file), or something that must not be replaced.
 */
function ownership(path: string): { missing: true } | { text: string } | { refused: string } {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch {
    return { missing: true };
  }
  const refused = (what: string) => ({ refused: `${path} is ${what}, not a twir-lint cache: it is not replaced. Remove it, or give --cache-location another path.` });
  if (stats.isSymbolicLink()) return refused('a symbolic link');
  const read = readRegularFile(path, MAX_FILE_BYTES);
  if ('missing' in read) return { missing: true };
  if ('problem' in read) return refused(stats.isDirectory() ? 'a folder' : stats.isFIFO() ? 'a FIFO' : stats.isFile() ? 'a file it cannot read' : 'a device or a socket');
  const text = read.bytes.toString('utf8');
  if (path.endsWith('.key')) return /^[0-9a-f]{64}\n?$/.test(text) ? { text } : refused('a file of other content');
  return text === '' || isCacheFile(text) ? { text } : refused('a file of other content');
}

function isCacheFile(text: string): boolean {
  try {
    const data: unknown = JSON.parse(text);
    return isRecord(data) && data.twirLintCache !== undefined;
  } catch {
    return false;
  }
}

/**
 * Why a cache file at `file` could have come from a commit, if it could: it lies in a git checkout
 * and git tracks it, or does not ignore it (`git add .` would commit it). Outside a checkout, or
 * inside its git folder, it is the user's.
 */
function exposedToCommits(file: string): string | undefined {
  let folder = dirname(file);
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  const path = relative(folder, file);
  const git = (...args: string[]) => spawnSync('git', args, { cwd: folder, stdio: 'ignore' });
  // 0: ignored (and not tracked); 1: tracked or not ignored; 128: not in a work tree (outside one, or in its git folder).
  const ignored = git('check-ignore', '-q', '--', path);
  if (ignored.error) return insideCheckout(folder) ? 'git cannot be run to tell whether a commit put it there' : undefined;
  if (ignored.status !== 1) return undefined;
  return git('ls-files', '--error-unmatch', '--', path).status === 0 ? 'git tracks it (a commit could have put it there)' : 'it is in a git checkout that does not ignore it (a commit could put it there)';
}

function insideCheckout(folder: string): boolean {
  for (let at = folder; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return true;
    if (dirname(at) === at) return false;
  }
}

/** The signature of an entry: an HMAC of its key and its JSON with the cache's secret. */
function signature(secret: string, key: string, value: string): string {
  return createHmac('sha256', secret).update(`${key}\n${value}`).digest('hex');
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

/** The entries of a cache file that are this tool's and signed with `secret`, and how many were not (damaged or edited). */
function storedEntries(text: string, tool: string, secret: string): { entries: Map<string, CacheEntry>; rejected: number } {
  const entries = new Map<string, CacheEntry>();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { entries, rejected: 0 };
  }
  // Another version's cache: nothing in it is ours to use; this run writes its own.
  if (!isRecord(data) || data.twirLintCache !== FORMAT || data.tool !== tool || !Array.isArray(data.entries)) return { entries, rejected: 0 };
  let rejected = 0;
  for (const item of data.entries as unknown[]) {
    if (Array.isArray(item) && item.length === 3 && typeof item[0] === 'string' && typeof item[2] === 'string' && isEntry(item[1]) && signature(secret, item[0], JSON.stringify(item[1])) === item[2]) entries.set(item[0], item[1]);
    else rejected++;
  }
  return { entries, rejected };
}

function isEntry(entry: unknown): entry is CacheEntry {
  if (!isRecord(entry)) return false;
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
