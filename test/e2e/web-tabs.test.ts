// The local page on a phone-sized screen (400 px, Debian's chromium): one rendering at a time behind accessible
// tabs (role=tablist, aria-selected, arrow keys), a page no longer than one rendering plus the form and sources,
// and on a wide screen the three renderings side by side as before. Screenshots in test/artifacts/web-narrow-*.png.
// Skips, loudly, only where no Chromium is installed.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumFor, collectProblems, launchChromium } from './browser-support.js';
import { bareEnv, REPO_ROOT, type ServeProcess, startServe, tempDir } from './web-support.js';

const hasChromium = chromiumFor('web-tabs.test.ts');
const ARTIFACTS = path.join(REPO_ROOT, 'test', 'artifacts');
const PANES = ['#pane-slack', '#pane-teams', '#pane-text'];
/** Everything on the page besides the shown rendering (header, form, examples, suggestions, sources) fits in this. */
const OVERHEAD_PX = 3000;

describe.skipIf(!hasChromium)('the local page below 900 px: one rendering at a time, with tabs', () => {
  let server: ServeProcess;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startServe({
      env: bareEnv({ PORT: '0', DATA_DIR: tempDir('breachbot-web-tabs-'), LOG_LEVEL: 'warn' }),
    });
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(width: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    collectProblems(page, problems);
    await page.goto(`${server.pageUrl as string}#q=${encodeURIComponent('who were the victims?')}`);
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 20_000 }).toMatch(/^Answer: /);
    return page;
  }

  const visiblePanes = async (page: Page) => {
    const shown: string[] = [];
    for (const pane of PANES) if (await page.locator(pane).isVisible()) shown.push(pane);
    return shown;
  };
  const selectedTab = (page: Page) => page.locator('[role="tab"][aria-selected="true"]').textContent();

  it('at 400 px shows only the Slack rendering under three tabs, and the page is one rendering long', async () => {
    const page = await open(400);
    const tablist = page.getByRole('tablist', { name: 'Rendering' });
    expect(await tablist.isVisible()).toBe(true);
    expect(await tablist.getByRole('tab').allTextContents()).toEqual(['Slack', 'Teams', 'Plain text']);
    expect(await selectedTab(page)).toBe('Slack');
    expect(await visiblePanes(page)).toEqual(['#pane-slack']);
    expect(await page.locator('#pane-slack').getAttribute('role')).toBe('tabpanel');
    expect(await page.locator('#pane-slack').getAttribute('aria-labelledby')).toBe('tab-slack');
    const { page: height, pane } = await page.evaluate(() => ({
      page: document.documentElement.scrollHeight,
      pane: document.getElementById('pane-slack')?.getBoundingClientRect().height ?? 0,
    }));
    expect(pane).toBeGreaterThan(0);
    expect(height).toBeLessThan(pane + OVERHEAD_PX);
    // the tabs are on the first screen, not after the first rendering
    const tabsTop = (await tablist.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
    expect(tabsTop).toBeLessThan(800);
    // no sideways scrolling
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    await page.screenshot({ path: path.join(ARTIFACTS, 'web-narrow-slack.png') });
    await page.close();
    expect(problems).toEqual([]);
  });

  it('a click on a tab shows that rendering alone; the Teams card is drawn when its tab is opened', async () => {
    const page = await open(400);
    await page.getByRole('tab', { name: 'Teams' }).click();
    expect(await selectedTab(page)).toBe('Teams');
    expect(await visiblePanes(page)).toEqual(['#pane-teams']);
    expect(await page.locator('#teams .ac-adaptiveCard').isVisible()).toBe(true);
    expect(await page.getByRole('tab', { name: 'Slack' }).getAttribute('aria-selected')).toBe('false');
    await page.locator('#pane-tabs').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'web-narrow-teams.png') });
    await page.getByRole('tab', { name: 'Plain text' }).click();
    expect(await visiblePanes(page)).toEqual(['#pane-text']);
    expect((await page.locator('#text').textContent()) ?? '').toMatch(/State/);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('works from the keyboard: one tab stop, arrows, Home and End move between tabs and show each', async () => {
    const page = await open(400);
    const tabIndexes = await page
      .locator('[role="tab"]')
      .evaluateAll((tabs) => tabs.map((t) => (t as HTMLElement).tabIndex));
    expect(tabIndexes).toEqual([0, -1, -1]);
    await page.getByRole('tab', { name: 'Slack' }).focus();
    const steps: Array<[string, string]> = [
      ['ArrowRight', 'Teams'],
      ['ArrowRight', 'Plain text'],
      ['ArrowRight', 'Slack'],
      ['ArrowLeft', 'Plain text'],
      ['Home', 'Slack'],
      ['End', 'Plain text'],
    ];
    for (const [key, name] of steps) {
      await page.keyboard.press(key);
      expect(await selectedTab(page), key).toBe(name);
      expect(await page.evaluate(() => document.activeElement?.textContent), key).toBe(name);
      expect(await visiblePanes(page), key).toHaveLength(1);
    }
    expect(await visiblePanes(page)).toEqual(['#pane-text']);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('on a wide screen the tabs are hidden and the three renderings stand side by side', async () => {
    const page = await open(1480);
    expect(await page.getByRole('tablist').count()).toBe(0);
    expect(await visiblePanes(page)).toEqual(PANES);
    const tops = await Promise.all(PANES.map(async (p) => Math.round((await page.locator(p).boundingBox())?.y ?? -1)));
    expect(new Set(tops).size).toBe(1);
    expect(await page.locator('#pane-slack').getAttribute('role')).toBeNull();
    // narrowing the window switches to tabs without a reload, widening it back restores the columns
    // the page follows a media-query change event, which the browser delivers after the resize: wait (bounded)
    await page.setViewportSize({ width: 600, height: 800 });
    await expect.poll(() => visiblePanes(page), { timeout: 5000 }).toEqual(['#pane-slack']);
    await page.setViewportSize({ width: 1480, height: 800 });
    await expect.poll(() => visiblePanes(page), { timeout: 5000 }).toEqual(PANES);
    await page.close();
    expect(problems).toEqual([]);
  });
});
