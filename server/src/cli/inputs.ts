import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { configFileIn, parseConfig, type LintConfig } from '../service/config';
import { isIssueFile } from '../service/files';
import { readRegularFile } from '../service/workspace/read';

export interface Input {
  /** Absolute path. */
  path: string;
  /** The path as reports show it: relative to the working folder when inside it. */
  file: string;
  /** The folder given as PATH (or the folder of the file given): --fix writes nothing outside it. */
  root: string;
  config: LintConfig;
  /** Why the PATH gives nothing to lint (it does not exist…), reported for it. */
  problem?: string;
}

export interface Inputs {
  inputs: Input[];
  /** Problems with config files: nothing is linted with a config that says something else. */
  configProblems: string[];
  /** Folders in which no issue file was found. */
  emptyFolders: string[];
}

/**
 * The files to lint, in a stable order: the PATHs in the order given, the issue files of a folder
 * sorted by path; each file once. Each PATH's config is `--config`, else the nearest
 * `.twir-lint.json` above it, else the one in the working folder.
 */
export function collectInputs(paths: readonly string[], configOption: string | undefined, cwd: string): Inputs {
  const configs = new Map<string, LintConfig>();
  const loadConfig = (file: string, explicit: boolean): LintConfig => {
    let config = configs.get(file);
    if (!config) {
      config = readConfig(file, explicit);
      configs.set(file, config);
    }
    return config;
  };
  const explicitConfig = configOption === undefined ? undefined : loadConfig(resolve(cwd, configOption), true);

  const inputs: Input[] = [];
  const emptyFolders: string[] = [];
  const seen = new Set<string>();
  const add = (path: string, root: string, config: LintConfig, problem?: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    inputs.push({ path, file: displayPath(path, cwd), root, config, problem });
  };
  for (const argument of paths) {
    const path = resolve(cwd, argument);
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      add(path, dirname(path), explicitConfig ?? { rules: {}, problems: [] }, code === 'ENOENT' ? 'No such file or folder.' : `Cannot read: ${(error as Error).message}`);
      continue;
    }
    const nearest = nearestConfigFile(isFolder ? path : dirname(path)) ?? existing(configFileIn(cwd));
    const config = explicitConfig ?? (nearest ? loadConfig(nearest, false) : { rules: {}, problems: [] });
    if (!isFolder) {
      add(path, dirname(path), config);
      continue;
    }
    const { files, unreadable } = issueFilesIn(path);
    if (files.length === 0 && unreadable.length === 0) emptyFolders.push(displayPath(path, cwd));
    for (const file of files) add(file, path, config);
    for (const folder of unreadable) add(folder.path, path, config, `Cannot read the folder: ${folder.message}`);
  }
  return { inputs, configProblems: [...configs.values()].flatMap((config) => config.problems), emptyFolders };
}

/** Far more than any config: a bigger file is not one. */
const CONFIG_MAX_BYTES = 1024 * 1024;

function readConfig(file: string, explicit: boolean): LintConfig {
  const read = readRegularFile(file, CONFIG_MAX_BYTES);
  // An explicit --config that is missing is a mistake; a found one that vanished is too.
  if (!('bytes' in read)) return { rules: {}, problems: [`cannot read the config ${explicit ? 'given with --config' : 'file'} ${file}: ${'problem' in read ? read.problem : 'no such file'}`] };
  return parseConfig(read.bytes.toString('utf8'), file);
}

function nearestConfigFile(folder: string): string | undefined {
  for (let current = folder; ; current = dirname(current)) {
    const candidate = existing(configFileIn(current));
    if (candidate) return candidate;
    if (dirname(current) === current) return undefined;
  }
}

function existing(file: string): string | undefined {
  return existsSync(file) ? file : undefined;
}

function displayPath(path: string, cwd: string): string {
  const fromCwd = relative(cwd, path);
  return fromCwd === '' || fromCwd.startsWith('..') || isAbsolute(fromCwd) ? path : fromCwd;
}

const MARKDOWN = new Set(['.md', '.markdown']);

/** The issue files under a folder, sorted by path; `node_modules` and dot folders are skipped. */
function issueFilesIn(root: string): { files: string[]; unreadable: { path: string; message: string }[] } {
  const files: string[] = [];
  const unreadable: { path: string; message: string }[] = [];
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: folder, message: (error as Error).message });
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      // Symbolic links to folders are not followed (no cycles); links to files are.
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(path);
      } else if ((entry.isFile() || (entry.isSymbolicLink() && isFile(path))) && isIssue(relative(root, path), path)) {
        files.push(path);
      }
    }
  };
  walk(root);
  return { files: files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), unreadable };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** As in the editor: an issue by its name, or a Markdown file starting with `Title: This Week in Rust`. */
function isIssue(relativePath: string, path: string): boolean {
  if (isIssueFile(relativePath, '')) return true;
  return MARKDOWN.has(extname(path).toLowerCase()) && isIssueFile(relativePath, firstBytes(path, 200));
}

function firstBytes(path: string, count: number): string {
  const buffer = Buffer.alloc(count);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    return buffer.toString('utf8', 0, readSync(descriptor, buffer, 0, count, 0));
  } catch {
    return '';
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
