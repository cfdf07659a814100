// twir-lint as users run it against markdownlint-cli2 on the same files, in interleaved pairs: the
// checkout (archive, recent and published issues, and the draft) with default settings, then with
// a warm --cache; the draft alone in the checkout (its look-back reads the 25 issues before it),
// cold, against the same draft outside a checkout (no look-back), and edited by one character with
// the cache warm from a run over the checkout (what CI pays on a contributor's push).
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { editPositions, median, offsetOf, ROOT } from '../lib/common.mjs';
import { compare, markdownlint, runOnce, twirLint } from '../lib/commands.mjs';

export async function measureCli(checkout) {
  if (!existsSync(join(ROOT, 'dist/cli.js'))) return {};
  const cwd = checkout.root;
  const json = ['--format', 'json'];
  const checkoutRun = await compare(twirLint(...json, 'content', 'draft'), markdownlint('content/*.{md,markdown}', 'draft/*.md'), cwd);
  // In the bench's folder, outside the checkout; compare's first run (unpaired) fills it.
  const cache = ['--cache', '--cache-location', join(dirname(cwd), 'twir-lint-cache')];
  const warmCache = await compare(twirLint(...cache, ...json, 'content', 'draft'), markdownlint('content/*.{md,markdown}', 'draft/*.md'), cwd);
  const draft = join('draft', basename(checkout.draft));
  const draftRun = await compare(twirLint(...json, draft), markdownlint(draft), cwd);
  // The same draft where no `content/` is beside it: what the look-back adds is the difference.
  const alone = join(dirname(cwd), 'alone');
  mkdirSync(alone, { recursive: true });
  copyFileSync(checkout.draft, join(alone, basename(checkout.draft)));
  const lookBack = await compare(twirLint(...json, draft), twirLint(...json, join(alone, basename(checkout.draft))), cwd);
  const original = readFileSync(checkout.draft, 'utf8');
  const edited = [];
  for (const position of editPositions(original, 5, 4)) {
    const offset = offsetOf(original, position);
    writeFileSync(checkout.draft, `${original.slice(0, offset)}x${original.slice(offset)}`);
    edited.push(await runOnce(...twirLint(...cache, ...json, draft), cwd));
  }
  writeFileSync(checkout.draft, original);
  // What any run pays before it reads a file: starting Node, and loading the linter.
  const start = [];
  const node = [];
  for (let i = 0; i < 5; i++) {
    start.push(await runOnce(...twirLint('--version'), cwd));
    node.push(await runOnce(process.execPath, ['-e', '0'], cwd));
  }
  const cpu = (runs) => median(runs.map((run) => run.cpuMs));
  return {
    files: checkout.files.length,
    checkout: checkoutRun,
    warmCache,
    draft: draftRun,
    lookBack: { ...lookBack, addedCpuMs: lookBack.cpuMs - lookBack.other.cpuMs },
    editedDraftCached: { cpuMs: cpu(edited), wallMs: median(edited.map((run) => run.wallMs)) },
    versionCpuMs: cpu(start),
    nodeCpuMs: cpu(node),
  };
}
