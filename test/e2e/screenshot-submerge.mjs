/**
 * `node test/e2e/screenshot-submerge.mjs [out.png]`: a draft as `submerge fetch` leaves it — the
 * community links of issue 2026-08-19, five of them with submerge's marker — open in a real VS Code
 * (code-server in headless chromium): the Outline counting the links from PRs, and the hover on a
 * marked link showing its PR. Saved as test-results/submerge.png. Expects a built dist/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT, assertBuilt, createWorkspace, openOutline, openWorkbench, screenshotAfter, startCodeServer, workbenchUrl } from '../../scripts/e2e/code-server.mjs';

const output = resolve(process.argv[2] ?? join(REPO_ROOT, 'test-results', 'submerge.png'));
const ISSUE = '2026-08-19-this-week-in-rust.md';
const MARKED = 5;

/** The issue with submerge's marker at the end of the first line of its first community items. */
function markedDraft() {
  const lines = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'recent', ISSUE), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.startsWith('### Official'));
  const marked = [];
  for (let index = start; index < lines.length && marked.length < MARKED; index++) {
    if (lines[index].startsWith('## ')) break;
    if (!lines[index].startsWith('* [')) continue;
    const pr = 7301 + marked.length;
    const sha = (pr.toString(16).repeat(10) + '0'.repeat(40)).slice(0, 40);
    lines[index] += ` <!-- url=https://github.com/rust-lang/this-week-in-rust/pull/${pr} submerge-pr=${pr} sha=${sha} author=contributor${marked.length + 1} title=Add a community link -->`;
    marked.push(index + 1);
  }
  return { text: lines.join('\n'), first: marked[0] };
}

async function main() {
  assertBuilt();
  const workspace = createWorkspace();
  const draft = join(workspace.folder, 'draft', ISSUE);
  const { text, first } = markedDraft();
  writeFileSync(draft, text);
  const server = await startCodeServer({ settings: { 'editor.minimap.enabled': false, 'editor.stickyScroll.enabled': false, 'outline.collapseItems': 'alwaysCollapse' } });
  const { page, close } = await openWorkbench(workbenchUrl(server, { folder: workspace.folder, openFile: draft, line: first }), { viewport: { width: 1500, height: 950 } });
  await screenshotAfter({ page, close, server, output, what: 'the marked draft' }, async () => {
    await page.locator('.tab', { hasText: ISSUE }).waitFor({ timeout: 30_000 });
    const outline = await openOutline(page, workspace.folder, ['TWiR', 'This Week in Rust 665', 'Updates from Rust Community']);
    await outline.getByText(/from PRs?$/).first().waitFor({ timeout: 30_000 });
    // The hover on the first marked link.
    await page.locator('.editor-instance').click({ position: { x: 400, y: 200 } });
    await page.keyboard.press('Control+G');
    await page.keyboard.type(`${first}:6`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page.locator('.monaco-hover', { hasText: 'submerge' }).waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForTimeout(300);
  });
}

main().catch((error) => {
  console.error(`screenshot: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
