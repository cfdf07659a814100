/**
 * `node test/e2e/screenshot-conflicts.mjs [out.png]`: the draft of 2026-08-26 as git leaves it after
 * two pull requests of links to one category (diff3 markers, made by `git merge-file`), open in a
 * real VS Code (code-server in headless chromium), with the quick fix menu of the conflict open:
 * "Resolve by the section's rules". Saved as test-results/conflicts.png. Expects a built dist/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT, assertBuilt, createWorkspace, openWorkbench, screenshotAfter, startCodeServer, workbenchUrl } from '../../scripts/e2e/code-server.mjs';

const output = resolve(process.argv[2] ?? join(REPO_ROOT, 'test-results', 'conflicts.png'));
const ISSUE = '2026-08-26-this-week-in-rust.md';

/** The previous week's Observations/Thoughts links, three to each side, merged by git. */
function conflictedDraft() {
  const draft = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'draft', ISSUE), 'utf8');
  const previous = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'published', '2026-08-19-this-week-in-rust.md'), 'utf8').split('\n');
  const start = previous.indexOf('### Observations/Thoughts');
  const links = previous.slice(start + 1, start + 7);
  const withLinks = (added) => draft.replace('### Observations/Thoughts\n', `### Observations/Thoughts\n${added.join('\n')}\n`);
  const folder = mkdtempSync(join(tmpdir(), 'twir-conflict-shot-'));
  try {
    const [base, ours, theirs] = ['base', 'ours', 'theirs'].map((name) => join(folder, name));
    writeFileSync(base, draft);
    writeFileSync(ours, withLinks(links.slice(0, 3)));
    writeFileSync(theirs, withLinks(links.slice(3)));
    try {
      return execFileSync('git', ['merge-file', '-p', '--diff3', '-L', 'HEAD', '-L', 'base', '-L', 'contributor/links', ours, base, theirs], { encoding: 'utf8' });
    } catch (error) {
      return error.stdout; // git exits with the number of conflicts
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main() {
  assertBuilt();
  // A loaded machine (the screenshots are taken beside other work) must not pause the analysis of the draft.
  process.env.TWIR_ANALYSIS_TIME_BUDGET_MS ??= '30000';
  const workspace = createWorkspace();
  const draft = join(workspace.folder, 'draft', ISSUE);
  const text = conflictedDraft();
  writeFileSync(draft, text);
  const line = text.split('\n').findIndex((candidate) => candidate.startsWith('<<<<<<<')) + 1;
  const server = await startCodeServer({ settings: { 'editor.minimap.enabled': false, 'editor.stickyScroll.enabled': false, 'editor.codeLens': false } });
  const { page, close } = await openWorkbench(workbenchUrl(server, { folder: workspace.folder, openFile: draft, line }), { viewport: { width: 1500, height: 950 } });
  await screenshotAfter({ page, close, server, output, what: 'the conflicted draft' }, async () => {
    await page.locator('.tab', { hasText: ISSUE }).waitFor({ timeout: 30_000 });
    await page.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
    await page.locator('.editor-instance').click({ position: { x: 400, y: 200 } });
    await page.keyboard.press('Control+G');
    await page.keyboard.type(`${line}:1`);
    await page.keyboard.press('Enter');
    // The quick fix menu, asked again while the server is still busy with the draft's first analyses.
    const action = page.getByText("Resolve by the section's rules").first();
    for (let attempt = 0; attempt < 6 && !(await action.isVisible()); attempt++) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+.');
      await action.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
    }
    await action.waitFor({ state: 'visible', timeout: 1_000 });
    await page.waitForTimeout(300);
  });
}

main().catch((error) => {
  console.error(`screenshot: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
