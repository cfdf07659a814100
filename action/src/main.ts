/**
 * The entry of the GitHub Action (action.yml). GitHub runs it as it is, from the action's checkout:
 * `npm run build:action` bundles it into action/dist/index.js with the CLI beside it (cli.js and its
 * worker), and that folder is committed, so a run installs and builds nothing (a test checks that
 * the committed bundle is what the sources make).
 *
 * It turns the inputs into a `twir-lint --format github` command line, takes `since` from the pull
 * request's event when the input is empty, fetches that commit when the checkout lacks it (a pull
 * request's checkout is one commit deep), and runs the CLI.
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

/** The base commit of the pull request the workflow runs for; undefined on other events (a push). */
function pullRequestBase(): string | undefined {
  const eventFile = process.env.GITHUB_EVENT_PATH;
  if (!eventFile) return undefined;
  try {
    const event = JSON.parse(readFileSync(eventFile, 'utf8')) as { pull_request?: { base?: { sha?: unknown } } };
    const sha = event.pull_request?.base?.sha;
    return typeof sha === 'string' && sha !== '' ? sha : undefined;
  } catch (error) {
    fail(`cannot read the event ${eventFile}: ${(error as Error).message}`);
  }
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
const since = input('since') || pullRequestBase();
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
