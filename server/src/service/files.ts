import picomatch from 'picomatch';

export const DEFAULT_FILE_GLOBS = ['**/*-this-week-in-rust.md', '**/*-this-week-in-rust.markdown', '**/DRAFT_TEMPLATE'];

const FIRST_LINE = /^\uFEFF?Title:\s*This Week in Rust\b/;

/**
 * Whether a document is a TWiR issue: its path matches one of the globs, or its first line is
 * `Title: This Week in Rust …`. Other Markdown gets nothing from the extension.
 */
export function isIssueFile(path: string, text: string, globs: readonly string[] = DEFAULT_FILE_GLOBS): boolean {
  const normalised = path.replace(/\\/g, '/');
  if (globs.length > 0 && picomatch.isMatch(normalised, globs as string[], { dot: true, basename: false })) return true;
  return FIRST_LINE.test(text.slice(0, 200));
}

/** The file's base name from a path or a URI path. */
export function baseName(path: string): string {
  return path.replace(/\\/g, '/').split('/').pop() ?? path;
}

/** The name of the folder holding the file (`content`, `draft`), from a path or a URI path. */
export function folderName(path: string): string | undefined {
  return path.replace(/\\/g, '/').split('/').slice(-2, -1)[0];
}
