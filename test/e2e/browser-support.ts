/**
 * What the browser tests share: Debian's chromium (skipped, loudly, where it is missing), launched headless with
 * no background traffic, a page's console errors and uncaught exceptions collected as problems, and the two steps
 * every page test takes: open the page until its script is ready, and ask a question the way a person does.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';

/** True when chromium is installed; otherwise says which test file is skipped and how to install it. */
export function chromiumFor(testFile: string): boolean {
  const found = existsSync(CHROMIUM);
  if (!found) console.warn(`\n*** ${testFile} SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium) ***\n`);
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Adds the page's uncaught exceptions (and, unless told otherwise, console errors) to `problems`. */
export function collectProblems(page: Page, problems: string[], options: { console?: boolean } = {}): void {
  if (options.console !== false) {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
  }
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
}

/** Opens the page and waits until its script says it is ready. */
export async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.ready)).toBe('true');
}

/** Types a question into the page, presses Enter and waits until the status line reports an answer. */
export async function askOnPage(page: Page, question: string): Promise<void> {
  await page.locator('#question').fill(question);
  await page.locator('#question').press('Enter');
  await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Answer: /);
}
