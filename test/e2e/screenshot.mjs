/**
 * `node test/e2e/screenshot.mjs [out.png]`: what a person sees — the seed draft open in a real VS Code
 * (code-server in headless chromium) at its first event, with our outline open down to that event's
 * region — saved as test-results/outline.png. Expects a built dist/ (`npm run build`).
 */
import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { REPO_ROOT, SEED_DRAFT, assertBuilt, createWorkspace, openWorkbench, startCodeServer, widenSideBar, workbenchUrl } from '../../scripts/e2e/code-server.mjs';

const output = resolve(process.argv[2] ?? join(REPO_ROOT, 'test-results', 'outline.png'));
/** Line 207 of the seed draft: the first event under Upcoming Events › Virtual. */
const CURSOR_LINE = 207;

async function main() {
  assertBuilt();
  const workspace = createWorkspace();
  // Everything folded at first, so that the clicks below open exactly the path to the events.
  const server = await startCodeServer({ settings: { 'outline.collapseItems': 'alwaysCollapse', 'editor.stickyScroll.enabled': false, 'editor.minimap.enabled': false } });
  const { page, close } = await openWorkbench(workbenchUrl(server, { folder: workspace.folder, openFile: workspace.files.draft, line: CURSOR_LINE }), {
    viewport: { width: 1500, height: 1050 },
  });
  let failure;
  try {
    await page.locator('.tab', { hasText: SEED_DRAFT }).waitFor({ timeout: 30_000 });
    // The Outline view gets the whole side bar: fold the folders view, open the outline, widen the bar.
    await page.locator('.pane-header', { hasText: basename(workspace.folder) }).click();
    await page.locator('.pane-header', { hasText: 'Outline' }).click();
    await widenSideBar(page, 160);
    // Open our tree down to the first region's events (the Markdown extension's own outline stays folded).
    const outline = page.locator('.outline-pane');
    for (const name of ['TWiR', 'This Week in Rust 634', 'Upcoming Events', 'Virtual']) {
      // A symbol's accessible name is "<name> (<kind>)"; a provider group's is its extension's name.
      await outline.getByRole('treeitem', { name: new RegExp(`^${name}( \\(\\w+\\))?$`) }).locator('.monaco-tl-twistie').click();
    }
    await outline.getByRole('treeitem', { name: '2026-01-07 · Rust Girona' }).first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500); // let the tree finish painting
  } catch (error) {
    failure = error;
  }
  mkdirSync(dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  await close();
  await server.stop();
  if (failure) {
    console.error(`screenshot: the outline did not show our tree (${failure.message.split('\n')[0]}); see ${output}`);
    process.exit(1);
  }
  console.log(`screenshot: ${output}`);
}

main().catch((error) => {
  console.error(`screenshot: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
