/**
 * `node test/e2e/screenshot.mjs [out.png]`: what a person sees — the seed draft open in a real VS Code
 * (code-server in headless chromium) at its first event, with our outline open down to that event's
 * region — saved as test-results/outline.png. Expects a built dist/ (`npm run build`).
 */
import { join, resolve } from 'node:path';
import { REPO_ROOT, SEED_DRAFT, assertBuilt, createWorkspace, openOutline, openWorkbench, screenshotAfter, startCodeServer, widenSideBar, workbenchUrl } from '../../scripts/e2e/code-server.mjs';

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
  await screenshotAfter({ page, close, server, output, what: 'the outline of our tree' }, async () => {
    await page.locator('.tab', { hasText: SEED_DRAFT }).waitFor({ timeout: 30_000 });
    // Our tree open down to the first region's events (the Markdown extension's own outline stays folded), in a wider side bar.
    const outline = await openOutline(page, workspace.folder, ['TWiR', 'This Week in Rust 634', 'Upcoming Events', 'Virtual']);
    await widenSideBar(page, 160);
    await outline.getByRole('treeitem', { name: '2026-01-07 · Rust Girona' }).first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500); // let the tree finish painting
  });
}

main().catch((error) => {
  console.error(`screenshot: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
