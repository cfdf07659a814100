// The entry of the GitHub Action (action.yml): turns its inputs (INPUT_* variables) into a
// `twir-lint --format github` command line, fetches the `since` commit when the checkout lacks it
// (a pull request's checkout is one commit deep), and runs the CLI bundled beside it in dist/.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '../dist/cli.js');

const input = (name) => (process.env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] ?? '').trim();

/** Whether git has the commit; if not, fetches it alone from origin. */
function ensureCommit(commit) {
  const has = () => spawnSync('git', ['cat-file', '-e', `${commit}^{commit}`], { stdio: 'ignore' }).status === 0;
  if (has()) return;
  spawnSync('git', ['fetch', '--no-tags', '--depth=1', 'origin', commit], { stdio: ['ignore', 'inherit', 'inherit'] });
}

const args = ['--format', 'github'];
const since = input('since');
if (since) {
  ensureCommit(since);
  args.push('--since', since);
}
if (input('config')) args.push('--config', input('config'));
if (input('preset')) args.push('--preset', input('preset'));
const deny = input('deny-project-tooling-links');
if (!['', 'true', 'false'].includes(deny)) {
  process.stderr.write(`twir-lint action: deny-project-tooling-links must be true or false, not "${deny}"\n`);
  process.exit(2);
}
if (deny === 'true') args.push('--deny-project-tooling-links');
args.push('--', ...input('paths').split(/\s+/).filter(Boolean));

// The flag of the CLI's own `#!` line (see server/src/cli/twir-lint.ts).
const run = spawnSync(process.execPath, ['--max-semi-space-size=32', CLI, ...args], { stdio: 'inherit' });
process.exitCode = run.status ?? 2;
