// Driving the VS Code workbench in Chromium as a person does: keys, clicks, and what is on the
// screen. Every wait is on UI state (a locator appearing, text changing), never a fixed sleep.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startDemo } from '../../scripts/demo-workbench.mjs';
import { ensureInstalled, launchBrowser, repo } from '../../scripts/vscode-server/server.mjs';

export const TIMEOUT_MS = 30_000;

/** The workbench is loaded: its explorer lists the workspace. */
export async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
}

/**
 * Runs a command by its title through the command palette (F1), as typed by a user; again when
 * the palette closed under the typing (an editor still opening took the focus, in CI runs).
 */
export async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(`>${title}`, { timeout: 5_000 });
      await page
        .locator('.quick-input-widget .monaco-list-row', { hasText: title })
        .first()
        .waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

/** Picks the item of an open quick pick whose label starts with `label`. */
export async function pickQuickItem(page, label) {
  const row = page
    .locator('.quick-input-widget .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
  await row.first().click();
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits for its tab. */
export async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await activeTab(page, name);
  await editorFocused(page);
}

/** Waits until the active tab is `name`; on a timeout, the error names the tabs that are open. */
export async function activeTab(page, name, timeout = TIMEOUT_MS) {
  try {
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout });
  } catch (e) {
    const tabs = await page.locator('.tabs-container .tab').allInnerTexts();
    throw new Error(`no active tab "${name}" after ${timeout} ms; open tabs: ${JSON.stringify(tabs)}\n${e.message}`);
  }
}

/**
 * Presses Ctrl+. until the quick-fix menu holds `title`, as a person does when it comes up
 * without the fix (the diagnostics had not reached the editor's markers yet, in CI runs): Escape,
 * and Ctrl+. again. Returns the menu row; on failure, the error says what the menu held.
 */
export async function quickFixMenu(page, title) {
  const row = page.locator('.action-widget .monaco-list-row', { hasText: title });
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    try {
      await row.waitFor({ timeout: 5_000 });
      return row;
    } catch (e) {
      if (attempt === 5) {
        const held = await page.locator('.action-widget .monaco-list-row').allInnerTexts();
        throw new Error(
          `no "${title}" in the quick-fix menu after ${attempt} tries; it held ${JSON.stringify(held)}\n${e.message}`,
        );
      }
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Clicks into the text of the editor group whose active tab is `name`, as a person puts the focus
 * back: in the middle of the visible editor. (The centre of `.view-lines` can lie outside the
 * view when the editor is scrolled, and such a click focuses nothing.)
 */
export async function clickIntoEditor(page, name) {
  const group = page.locator('.editor-group-container', { has: page.locator('.tab.active', { hasText: name }) });
  const editor = group.locator('.monaco-editor').first();
  const box = await editor.boundingBox();
  await editor.click({ position: { x: Math.round((box?.width ?? 200) / 2), y: Math.round((box?.height ?? 200) / 2) } });
  await group.locator('.monaco-editor.focused').waitFor();
}

async function editorFocused(page) {
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor();
}

/** Moves the cursor with Go to Line (Ctrl+G): `line` or `line:column`, 1-based as the status bar shows them. */
export async function goTo(page, where) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${where}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  const [line, column] = String(where).split(':');
  await page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${line}, Col ${column ?? '\\d+'}\\b`) }).waitFor();
}

/** The visible lines of the active editor, as text (Monaco renders spaces as no-break spaces). */
export async function editorText(page) {
  const text = await page.locator('.editor-group-container.active .monaco-editor .view-lines').innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** Waits until `read()` returns a value for which `accept` holds, and returns it; a throw (a file half written) counts as not yet. */
export async function eventually(read, accept, what, timeoutMs = TIMEOUT_MS) {
  const started = Date.now();
  let last;
  for (;;) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch (e) {
      last = `(threw: ${e.message})`;
    }
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The Problems panel's rows for the open files: [{ message, source, code, where }] (read at once: the list re-renders as it changes). */
export async function problems(page) {
  const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
  return rows
    .map((row) => row.split('\n'))
    .filter((lines) => lines.length >= 4) // not a file's row
    .map(([message, source, code, where]) => ({ message, source, code, where }));
}

export async function showProblems(page) {
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'visible' });
}

/** A notification toast holding `text` (string or RegExp), once it has faded in (so a screenshot shows it whole). */
export function toast(page, text) {
  return page.locator('.notifications-toasts .notification-toast.notification-fade-in-done', { hasText: text });
}

/** Writes a screenshot of the page: always to the artifacts folder, and (for the README) as a JPEG when asked. */
export function screenshots(artifactsDir, readmeDir) {
  fs.rmSync(artifactsDir, { recursive: true, force: true });
  fs.mkdirSync(artifactsDir, { recursive: true });
  let n = 0;
  return async (page, name, { readme } = {}) => {
    n += 1;
    await page.screenshot({ path: path.join(artifactsDir, `${String(n).padStart(2, '0')}-${name}.png`) });
    if (readme && readmeDir) {
      // The editor and the panel below it, without the side bars: the images ship in the .vsix (budget 400 KB).
      const editor = await page.locator('.part.editor').boundingBox();
      const panel = await page.locator('.part.panel').boundingBox();
      const bottom = panel ? panel.y + panel.height : editor.y + editor.height;
      const clip = { x: editor.x, y: editor.y, width: editor.width, height: bottom - editor.y };
      fs.mkdirSync(readmeDir, { recursive: true });
      await page.screenshot({ path: path.join(readmeDir, `${readme}.jpg`), type: 'jpeg', quality: 65, clip });
    }
  };
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Mocha hooks for a suite that drives what `npm start` serves: before all, the demo (emulator and
 * VS Code with the packaged .vsix; `demoOptions` as startDemo takes them) and a page on its
 * workbench; a screenshot of each failing test; everything stopped after all. The returned
 * object's `demo` and `page` are set once `before` has run.
 */
export function workbenchSession(demoOptions, shot) {
  const session = { demo: undefined, page: undefined, browser: undefined };
  before(async function () {
    this.timeout(180_000);
    const { version } = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
    const vsix = path.join(repo, `putusers-${version}.vsix`);
    if (!fs.existsSync(vsix)) throw new Error(`${path.basename(vsix)} is missing: run \`npm run package\` first`);
    ensureInstalled(); // at once when cached (npm test's earlier suites installed it)
    session.demo = await startDemo({ vsix, ...demoOptions() });
    const { browser, context } = await launchBrowser(session.demo.server.url);
    session.browser = browser;
    session.page = await context.newPage();
    session.page.setDefaultTimeout(TIMEOUT_MS);
    await session.page.goto(session.demo.url);
    await waitForWorkbench(session.page);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session.page) {
      await shot(session.page, `failed-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 40)}`);
    }
  });
  after(async () => {
    await session.browser?.close();
    await session.demo?.stop();
  });
  return session;
}
