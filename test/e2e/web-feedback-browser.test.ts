// The page's 👍 / 👎 in a real browser (Debian's chromium through playwright-core) against the real local-mode
// server: the two buttons appear under an answer (not under help), a click posts the vote and the page says
// "Thanks — noted", a second click on the same answer is not counted twice. Skips, loudly, where no Chromium is.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askOnPage, chromiumFor, collectProblems, launchChromium, openPage } from './browser-support.js';
import { bareEnv, type ServeProcess, startServe, tempDir } from './web-support.js';

const hasChromium = chromiumFor('web-feedback-browser.test.ts');

describe.skipIf(!hasChromium)('the page’s 👍 / 👎 in Chromium', () => {
  let server: ServeProcess;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startServe({
      env: bareEnv({ PORT: '0', DATA_DIR: tempDir('breachbot-web-feedback-browser-'), LOG_LEVEL: 'warn' }),
    });
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    collectProblems(page, problems);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows no buttons under help, and two under an answer', async () => {
    await openPage(page, server.pageUrl as string);
    await askOnPage(page, 'help');
    expect(await page.locator('#feedback button').count()).toBe(0);
    await askOnPage(page, 'who were the victims?');
    expect(await page.locator('#feedback button').allTextContents()).toEqual(['👍 Helpful', '👎 Not helpful']);
  });

  it('posts a click to /api/feedback and thanks the person; the same answer counts once', async () => {
    const [response] = await Promise.all([
      page.waitForResponse('**/api/feedback'),
      page.locator('#feedback button[data-vote="down"]').click(),
    ]);
    expect(response.status()).toBe(200);
    expect(JSON.parse(response.request().postData() ?? '{}')).toMatchObject({ vote: 'down' });
    await expect.poll(() => page.locator('#feedback [role="status"]').textContent()).toContain('Thanks — noted');
    expect(await page.locator('#feedback button[data-vote="up"]').isDisabled()).toBe(true);

    await askOnPage(page, 'who were the victims?');
    const [again] = await Promise.all([
      page.waitForResponse('**/api/feedback'),
      page.locator('#feedback button[data-vote="up"]').click(),
    ]);
    expect(((await again.json()) as { status: string }).status).toBe('duplicate');
    await expect.poll(() => page.locator('#feedback [role="status"]').textContent()).toContain('already noted');
    expect(problems).toEqual([]);
  });
});
