// The local page in a real browser (Debian's chromium through playwright-core) against the real local-mode
// server: ask, see the three renderings, follow a suggestion, ask something out of scope, and keep the screenshots
// under test/artifacts/. Skips, loudly, only where no Chromium is installed.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askOnPage, chromiumFor, collectProblems, launchChromium, openPage } from './browser-support.js';
import { bareEnv, REPO_ROOT, type ServeProcess, startServe, tempDir } from './web-support.js';

const hasChromium = chromiumFor('web-browser.test.ts');
const ARTIFACTS = path.join(REPO_ROOT, 'test', 'artifacts');

describe.skipIf(!hasChromium)('the local page in Chromium', () => {
  let server: ServeProcess;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startServe({
      env: bareEnv({ PORT: '0', DATA_DIR: tempDir('breachbot-web-browser-'), LOG_LEVEL: 'warn' }),
    });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1480, height: 1000 } });
    page = await context.newPage();
    collectProblems(page, problems);
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('answers "who were the victims?" in all three renderings, without console errors', async () => {
    expect(server.pageUrl).toBeDefined();
    await openPage(page, server.pageUrl as string);
    await expect.poll(() => page.locator('#examples button').count()).toBeGreaterThan(3);
    await askOnPage(page, 'who were the victims?');
    for (const pane of ['#slack', '#teams', '#text']) {
      const text = await page.locator(pane).textContent();
      expect(text ?? '', pane).toMatch(/State/);
      expect(text ?? '', pane).toMatch(/Commerce/);
    }
    expect(await page.locator('#teams .ac-adaptiveCard').count()).toBe(1);
    expect(await page.locator('#sources a[href^="https://"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'web-victims.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('clicking a suggestion asks it and shows its answer', async () => {
    const suggestion = page.locator('#suggestions button').first();
    const label = (await suggestion.textContent())?.trim() ?? '';
    expect(label).not.toBe('');
    const before = await page.locator('#answer-title').textContent();
    await suggestion.click();
    await expect.poll(() => page.locator('#question').inputValue()).toBe(label);
    await expect.poll(() => page.locator('#answer-title').textContent()).not.toBe(before);
    expect(await page.locator('#status').textContent()).toMatch(/^Answer: /);
    expect(problems).toEqual([]);
  });

  it('a Teams card button asks its question too', async () => {
    const button = page.locator('#teams .ac-pushButton').first();
    expect(await button.count()).toBe(1);
    const [response] = await Promise.all([page.waitForResponse('**/api/ask'), button.click()]);
    expect(response.status()).toBe(200);
    const asked = JSON.parse(response.request().postData() ?? '{}') as { question?: string };
    expect(asked.question ?? '').not.toBe('');
    await expect.poll(() => page.locator('#question').inputValue()).toBe(asked.question);
    expect(problems).toEqual([]);
  });

  it('a timeline lines its dates up in one column', async () => {
    await askOnPage(page, 'timeline');
    const rows = page.locator('#text .pt-date');
    expect(await rows.count()).toBeGreaterThan(3);
    const lefts = await rows.evaluateAll((nodes) => nodes.map((n) => Math.round(n.getBoundingClientRect().left)));
    expect(new Set(lefts).size).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'web-timeline.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('says the knowledge base does not cover an out-of-scope question', async () => {
    await askOnPage(page, 'what is the best pizza topping in Naples?');
    expect(await page.locator('#result').getAttribute('data-kind')).toBe('none');
    expect((await page.locator('#text').textContent()) ?? '').toMatch(
      /(?:not|couldn.t find (?:that|it)) in the knowledge base/i,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'web-none.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('works from the keyboard alone: Tab reaches the examples and Enter asks one', async () => {
    await page.locator('#question').focus();
    let reached = '';
    for (let i = 0; i < 6 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() =>
        document.activeElement?.closest('#examples') ? (document.activeElement.textContent ?? '') : '',
      );
    }
    expect(reached).not.toBe('');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#question').inputValue()).toBe(reached);
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Answer: /);
    expect(problems).toEqual([]);
  });
});
