/**
 * The entry of the GitHub Action (action.yml). GitHub runs it as it is, from the action's checkout:
 * `npm run build:action` bundles it into action/dist/index.js with the CLI beside it (cli.js and its
 * worker), and that folder is committed, so a run installs and builds nothing (a test checks that
 * the committed bundle is what the sources make).
 *
 * It turns the inputs into a `twir-lint --format github` command line, takes `since` from the event
 * when the input is empty (a pull request's base commit, or the commit a push started from), fetches
 * that commit when the checkout lacks it (a checkout is one commit deep), and runs the CLI.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** An input as GitHub hands it to a JavaScript action: `INPUT_` and its name in capitals, hyphens kept. */
const input = (name: string) => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();

function fail(message: string): never {
  process.stderr.write(`twir-lint action: ${message}\n`);
  process.exit(2);
}

/**
 * What the change is compared with: a pull request's base commit, or the commit a push started from
 * (none for a new branch, whose `before` is all zeros); undefined for other events.
 */
function eventBase(): string | undefined {
  const eventFile = process.env.GITHUB_EVENT_PATH;
  if (!eventFile) return undefined;
  let event: { pull_request?: { base?: { sha?: unknown } }; before?: unknown };
  try {
    event = JSON.parse(readFileSync(eventFile, 'utf8'));
  } catch (error) {
    fail(`cannot read the event ${eventFile}: ${(error as Error).message}`);
  }
  const sha = event.pull_request ? event.pull_request.base?.sha : event.before;
  return typeof sha === 'string' && /^[0-9a-f]{40,64}$/.test(sha) && !/^0+$/.test(sha) ? sha : undefined;
}

/** Whether git has the commit; if not, fetches it alone from origin. */
function ensureCommit(commit: string): void {
  const has = () => spawnSync('git', ['cat-file', '-e', `${commit}^{commit}`], { stdio: 'ignore' }).status === 0;
  if (has()) return;
  spawnSync('git', ['fetch', '--quiet', '--no-tags', '--depth=1', 'origin', commit], { stdio: ['ignore', 'inherit', 'inherit'] });
}

function booleanInput(name: string): boolean {
  const value = input(name);
  if (!['', 'true', 'false'].includes(value)) fail(`${name} must be true or false, not "${value}"`);
  return value === 'true';
}

const args = ['--format', 'github'];
const since = input('since') || eventBase();
if (since) {
  ensureCommit(since);
  args.push('--since', since);
}
if (input('config')) args.push('--config', input('config'));
if (input('preset')) args.push('--preset', input('preset'));
if (booleanInput('deny-project-tooling-links')) args.push('--deny-project-tooling-links');
// A folder (actions/cache restores and saves folders): the trailing `/` makes the CLI create it.
const cacheLocation = input('cache-location');
if (cacheLocation) args.push('--cache', '--cache-location', cacheLocation.replace(/\/*$/, '/'));
args.push('--', ...input('paths').split(/\s+/).filter(Boolean));

// The flag of the CLI's own `#!` line (see server/src/cli/twir-lint.ts).
const run = spawnSync(process.execPath, ['--max-semi-space-size=32', join(__dirname, 'cli.js'), ...args], { stdio: 'inherit' });
process.exitCode = run.status ?? 2;
