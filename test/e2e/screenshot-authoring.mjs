/**
 * `node test/e2e/screenshot-authoring.mjs [scenario…]`: what an editor of the seed draft sees in a real
 * VS Code (code-server in headless chromium, 1400×900), one PNG per scenario in test-results/:
 *
 * - problems:   the draft at its first events, squiggled, with the Outline view and the Problems panel open
 * - hover:      the hover on an event date outside the window (the diagnostic, the rule's docs, the date)
 * - rule-doc:   a click on the rule's code in that hover: the rule's documentation in a Markdown preview
 * - hover-link: the hover on a meetup event link (URL, group, event id)
 * - completion: the completion list on an empty line of Upcoming Events › Virtual, details open
 * - completion-group: the same after typing `Berl`: the event of the Rust Berlin group
 * - merge:      TWiR: Merge Events… with the week's events (those the issue was published with) in the
 *               clipboard: the question, with what changes in each region
 * - merge-review: its "Preview…": the draft and the merged draft side by side, with Apply and
 *               Discard in the editor's title bar and the notification
 * - readiness:  the publish readiness view, opened from its status bar item, after a click on an item
 * - plain:      a plain Markdown file with TWiR-shaped lines: nothing of ours (no colours, no status bar item)
 *
 * All scenarios by default, in this order (each starts where the one before left the workbench). Expects
 * a built dist/ (`npm run build`). The seed's GBK mojibake (`眉`) needs a CJK font to be seen (Debian:
 * fonts-wqy-microhei); without one chromium draws boxes.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { REPO_ROOT, SEED_DRAFT, assertBuilt, createWorkspace, openWorkbench, startCodeServer, widenSideBar, workbenchUrl } from '../../scripts/e2e/code-server.mjs';

const OUTPUT = join(REPO_ROOT, 'test-results');
/** Line 207 of the seed draft: the first event under Upcoming Events › Virtual (2026-01-07, outside the window). */
const FIRST_EVENT = 207;

/** Moves the cursor with Go to Line (Ctrl+G), `line:column` 1-based, and keeps the focus in the editor. */
async function goTo(page, line, column) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+G');
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.monaco-editor.focused').waitFor();
}

/** Shows the hover at the cursor (Ctrl+K Ctrl+I) and waits until it says `text`. */
async function showHover(page, line, column, text) {
  await goTo(page, line, column);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await page.locator('.monaco-hover', { hasText: text }).waitFor({ state: 'visible' });
}

/** Runs a command from the palette (F1) by its title. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.keyboard.type(title);
  await page.locator('.quick-input-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Closes the bottom panel (Problems), so that the editor has the height. */
async function closePanel(page) {
  if (await page.locator('.part.panel').isVisible()) await page.keyboard.press('Control+J');
}

/** Opens the completion list (Ctrl+Space) with the focused item's details beside it (a second Ctrl+Space). */
async function showSuggestions(page, item, details) {
  await page.keyboard.press('Control+Space');
  await page.locator('.suggest-widget', { hasText: item }).waitFor({ state: 'visible' });
  // VS Code remembers whether the details are open.
  if (!(await page.locator('.suggest-details').isVisible())) await page.keyboard.press('Control+Space');
  await page.locator('.suggest-details', { hasText: details }).waitFor({ state: 'visible' });
}

/** The events of the issue as published (recent/), as an editor would copy them: the batch of the merge scenario. */
function publishedEvents() {
  const text = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'recent', SEED_DRAFT), 'utf8');
  return text.slice(text.indexOf('\n', text.indexOf('Rusty Events between')) + 1, text.indexOf('If you are running a Rust event')).trim();
}

const SCENARIOS = {
  async problems(page, workspace) {
    // The side bar for the Outline: fold the folders view, open the outline.
    await page.locator('.pane-header', { hasText: basename(workspace.folder) }).click();
    await page.locator('.pane-header', { hasText: 'Outline' }).click();
    await page.locator('.editor-instance').click({ position: { x: 400, y: 200 } });
    await goTo(page, FIRST_EVENT, 5);
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-tl-row', { hasText: 'events/out-of-window' }).first().waitFor({ state: 'visible' });
    await page.locator('.outline-pane').getByRole('treeitem', { name: /2026-01-07 · Rust Girona/ }).first().waitFor({ state: 'visible' });
    // Back to the editor, with the panel left open; the cursor on the region heading, off the squiggles.
    await goTo(page, FIRST_EVENT - 1, 1);
  },
  async hover(page) {
    await closePanel(page);
    await showHover(page, FIRST_EVENT, 5, 'events/out-of-window');
  },
  async 'rule-doc'(page) {
    // The code link of the diagnostic in the hover, clicked as a user does: the workbench runs its command: URI.
    if (!(await page.locator('.monaco-hover', { hasText: 'events/out-of-window' }).isVisible())) await SCENARIOS.hover(page);
    await page.locator('.monaco-hover a.code-link', { hasText: 'events/out-of-window' }).first().click();
    await page.locator('.tab', { hasText: 'Preview out-of-window.md' }).waitFor({ state: 'visible' });
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await preview.locator('h1', { hasText: 'events/out-of-window' }).waitFor({ state: 'visible' });
  },
  async 'hover-link'(page) {
    // The draft again, if the rule's documentation took the editor.
    await page.locator('.tab', { hasText: SEED_DRAFT }).click();
    await closePanel(page);
    // Line 210: `    * [**Indy.rs - with Social Distancing**](https://www.meetup.com/indyrs/events/312102790/)`
    await showHover(page, 210, 70, 'Meetup group');
  },
  async completion(page) {
    await closePanel(page);
    // Line 245: the empty line that ends the Virtual region, before `### Asia`.
    await goTo(page, 245, 1);
    await showSuggestions(page, 'twir-event', 'Upcoming event in person');
  },
  async 'completion-group'(page) {
    // The same line with the start of a group's name typed: its whole event, from the issue's own lines.
    await closePanel(page);
    await goTo(page, 245, 1);
    await page.keyboard.type('Berl');
    await showSuggestions(page, 'Rust Berlin', 'rust-berlin');
  },
  async merge(page) {
    await page.keyboard.press('Escape');
    await closePanel(page);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate((text) => navigator.clipboard.writeText(text), publishedEvents());
    await runCommand(page, 'TWiR: Merge Events');
    await page.locator('.quick-input-list-row', { hasText: 'From the clipboard' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-dialog-box', { hasText: 'Merge the events of the clipboard?' }).waitFor({ timeout: 30_000 });
  },
  async 'merge-review'(page) {
    if (!(await page.locator('.monaco-dialog-box').isVisible())) await SCENARIOS.merge(page);
    await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Preview…' }).click();
    await page.locator('.monaco-diff-editor').first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.notification-toast', { hasText: 'Apply it as the preview shows?' }).waitFor();
  },
  async readiness(page) {
    // The status bar item opens the readiness view; the Outline folds to give it the side bar.
    await page.keyboard.press('Escape');
    await closePanel(page);
    await page.locator('.pane-header', { hasText: 'Outline' }).click();
    await widenSideBar(page, 200);
    await page.locator('.statusbar-item', { hasText: 'TWiR 634' }).click();
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'TWiR Readiness' }) });
    await view.locator('.monaco-list-row', { hasText: 'Events outside the window' }).waitFor({ state: 'visible' });
    // A click on an item goes to its line: the Jobs placeholder.
    await view.locator('.monaco-list-row', { hasText: 'Jobs · line 327' }).click();
    await page.locator('.monaco-editor .current-line').first().waitFor();
  },
  async plain(page) {
    // A plain Markdown file of the same workspace with TWiR-shaped lines: VS Code's Markdown alone.
    await page.locator('.editor-instance').click({ position: { x: 400, y: 200 } });
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
    await page.keyboard.type('notes/README.md');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'README.md' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'README.md' }).waitFor();
    await page.locator('.monaco-editor.focused').waitFor();
  },
};

async function main() {
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !(name in SCENARIOS));
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}; there are: ${Object.keys(SCENARIOS).join(', ')}`);
  assertBuilt();
  const workspace = createWorkspace();
  const server = await startCodeServer({ settings: { 'editor.minimap.enabled': false, 'editor.stickyScroll.enabled': false, 'files.autoSave': 'off' } });
  const { page, close } = await openWorkbench(workbenchUrl(server, { folder: workspace.folder, openFile: workspace.files.draft, line: FIRST_EVENT }));
  mkdirSync(OUTPUT, { recursive: true });
  const failures = [];
  try {
    await page.locator('.tab', { hasText: SEED_DRAFT }).waitFor({ timeout: 30_000 });
    // Our diagnostics have arrived once the editor shows error squiggles.
    await page.locator('.squiggly-error').first().waitFor({ state: 'attached', timeout: 30_000 });
    for (const name of names.length > 0 ? names : Object.keys(SCENARIOS)) {
      const path = join(OUTPUT, `${name}.png`);
      try {
        await SCENARIOS[name](page, workspace);
        await page.waitForTimeout(300); // let the last frame paint
        console.log(`screenshot: ${path}`);
      } catch (error) {
        failures.push(`${name}: ${error.message.split('\n')[0]} (see ${path})`);
      }
      await page.screenshot({ path });
    }
  } finally {
    await close();
    await server.stop();
  }
  if (failures.length > 0) {
    console.error(`screenshot: not shown as expected:\n${failures.join('\n')}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(`screenshot: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
