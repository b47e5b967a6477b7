/**
 * What the browser tests share: Debian's chromium (skipped, loudly, where it is missing), launched headless with
 * no background traffic, and a page's console errors and uncaught exceptions collected as problems.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

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
