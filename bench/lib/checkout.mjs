// A TWiR checkout built from the fixtures: what twir-lint and the server see in the real repository.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DRAFT, FIXTURES } from './common.mjs';

export function listIssues(folder) {
  return readdirSync(folder, { recursive: true })
    .map((path) => join(folder, path))
    .filter((path) => /-this-week-in-rust\.(md|markdown)$/.test(path));
}

/**
 * `content/` with the archive, the recent and the other published issues, `draft/` with the draft:
 * every file once (copies of a file would flatter a cache), and the look-back active (the 25
 * issues before each file are in `content/`).
 */
export function makeCheckout(directory) {
  const root = join(directory, 'checkout');
  mkdirSync(join(root, 'content'), { recursive: true });
  mkdirSync(join(root, 'draft'));
  for (const folder of ['archive', 'recent', 'published']) {
    for (const name of readdirSync(join(FIXTURES, folder))) if (!existsSync(join(root, 'content', name))) copyFileSync(join(FIXTURES, folder, name), join(root, 'content', name));
  }
  copyFileSync(join(FIXTURES, DRAFT), join(root, 'draft', basename(DRAFT)));
  return { root, draft: join(root, 'draft', basename(DRAFT)), files: listIssues(root) };
}
