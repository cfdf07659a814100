/**
 * `node test/e2e/review-titles.mjs [folder]` (`npm run test:e2e:paste`): in a real VS Code
 * (code-server in headless chromium), as a person does it, against a local HTTP server on 127.0.0.1:
 *
 * 1. pastes a URL into a community section with Ctrl+V: plain text, and nothing fetched; opens the
 *    paste menu (Ctrl+.) and picks "Paste as a titled link": the page's title is fetched then, and
 *    the line becomes `* [Title](url)` with the tracking parameters off (checked in the saved file);
 *    screenshot `paste-title.png` of the menu;
 * 2. opens TWiR This Week vs Last for the seed draft against last week's issue in content/:
 *    screenshot `review.png`.
 *
 * Exits 1 when what VS Code shows is not what is expected. Expects a built dist/.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, join, resolve } from 'node:path';
import { REPO_ROOT, assertBuilt, createWorkspace, openWorkbench, screenshotAfter, startCodeServer, widenSideBar, workbenchUrl } from '../../scripts/e2e/code-server.mjs';

const outputs = resolve(process.argv[2] ?? join(REPO_ROOT, 'test-results'));
const DRAFT = '2026-01-14-this-week-in-rust.md';
const PREVIOUS = '2026-01-07-this-week-in-rust.md';
const TITLE = 'Rust 2027: what&#8217;s next &amp; why';

function fail(message) {
  throw new Error(message);
}

async function main() {
  assertBuilt();
  const requested = [];
  const web = createServer((request, response) => {
    requested.push(request.url);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html><head><meta property="og:title" content="${TITLE}"><title>Blog</title></head><body>…</body></html>`);
  });
  await new Promise((done) => web.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${web.address().port}/blog/rust-2027`;

  const workspace = createWorkspace();
  mkdirSync(join(workspace.folder, 'content'));
  copyFileSync(join(REPO_ROOT, 'test', 'fixtures', 'recent', PREVIOUS), join(workspace.folder, 'content', PREVIOUS));
  const draft = join(workspace.folder, 'draft', DRAFT);
  const official = readFileSync(draft, 'utf8').split('\n').indexOf('### Official') + 1;

  // On a loaded machine the first analysis of the draft can pass the server's 4 s budget, which
  // leaves that version unanalysed: this run checks what VS Code shows, not how fast.
  process.env.TWIR_ANALYSIS_TIME_BUDGET_MS ??= '60000';
  const server = await startCodeServer({ settings: { 'editor.minimap.enabled': false, 'editor.stickyScroll.enabled': false, 'files.autoSave': 'off' } });
  const { page, close } = await openWorkbench(workbenchUrl(server, { folder: workspace.folder, openFile: draft, line: official }), { viewport: { width: 1500, height: 950 } });
  let pasteShot = false;
  try {
    await screenshotAfter({ page, close, server, output: join(outputs, 'review.png'), what: 'the paste and the review' }, async () => {
      await page.locator('.tab', { hasText: DRAFT }).waitFor({ timeout: 60_000 });
      // The language server is up once the readiness of the draft shows in the status bar.
      await page.locator('.statusbar-item', { hasText: 'TWiR 634' }).waitFor({ timeout: 240_000 });
      const editor = page.locator('.editor-instance');
      await editor.click({ position: { x: 500, y: 300 } });
      await page.keyboard.press('Control+G');
      await page.keyboard.type(`${official}`);
      await page.keyboard.press('Enter');
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('* ');
      await page.evaluate((text) => navigator.clipboard.writeText(text), `${url}?utm_source=twitter`);
      await page.keyboard.press('Control+V');
      await page.locator('.view-line', { hasText: `* ${url}?utm_source=twitter` }).waitFor({ timeout: 30_000 });
      if (requested.length > 0) fail(`the plain paste fetched ${requested.join(', ')}`);
      // The paste menu: plain text stays the default, the titled link is an option.
      await page.keyboard.press('Control+.');
      const option = page.locator('.action-widget').getByText(/^Paste as a titled link/);
      await option.waitFor({ timeout: 30_000 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(outputs, 'paste-title.png') });
      pasteShot = true;
      if (requested.length > 0) fail(`listing the paste options fetched ${requested.join(', ')}`);
      // The menu has the keyboard: the option is the one after plain text.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      const expected = `* [Rust 2027: what’s next & why](${url})`;
      await page.locator('.view-line', { hasText: expected }).waitFor({ timeout: 30_000 });
      await page.keyboard.press('Control+S');
      for (let waited = 0; !readFileSync(draft, 'utf8').includes(expected); waited += 100) {
        if (waited > 20_000) fail(`the saved draft has no line "${expected}"`);
        await new Promise((done) => setTimeout(done, 100));
      }
      if (requested.join() !== '/blog/rust-2027') fail(`expected one fetch of /blog/rust-2027, got: ${requested.join(', ')}`);
      console.log(`paste: "${expected}" written, ${requested.length} request (${requested[0]})`);

      // This week against last week.
      await page.keyboard.press('F1');
      await page.keyboard.type('TWiR: Compare with Last Week');
      await page.keyboard.press('Enter');
      const view = page.locator('.pane', { hasText: 'TWiR This Week vs Last' });
      await view.locator('.monaco-list-row', { hasText: 'Changed' }).waitFor({ timeout: 60_000 });
      // The view gets the side bar: the folders fold away.
      await page.locator('.pane-header', { hasText: basename(workspace.folder) }).click();
      await widenSideBar(page, 450);
      await page.waitForTimeout(500);
    });
  } finally {
    web.close();
  }
  if (pasteShot) console.log(`screenshot: ${join(outputs, 'paste-title.png')}`);
}

main().catch((error) => {
  console.error(`review-titles: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
