// breachbot in Microsoft's own Teams client emulator, the Microsoft 365 Agents Playground (npm
// @microsoft/m365agentsplayground, pinned): the real local-mode server (no app id: the Emulator path of
// CONTRACTS.md) and the playground, which plays both the Teams client (a web page rendering cards with Teams'
// renderer) and the Bot Connector (the serviceUrl the bot posts its replies to). Debian's chromium drives the page as
// a person would: a question in personal chat answered with a card, a group chat and a channel answering only when
// the bot is @-mentioned, a card button asking the next question, the compose-box search returning results, and no
// error in the playground's log panel. Screenshots go to test/artifacts/teams-emulator-*.png.
//
// Loopback only: the playground runs with telemetry off (`--dt` and APPLICATION_INSIGHTS_NO_STATSBEAT) and with
// teams-emulator-guard.cjs preloaded, which binds its server to 127.0.0.1 and refuses (and reports) any connection
// off this machine; the browser aborts every request that is not for this machine (the playground's page asks a CDN
// for Segoe UI fonts; the system font is used instead).
// Skips, loudly, only where no Chromium is installed.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumFor, collectProblems, launchChromium } from './browser-support.js';
import { bareEnv, REPO_ROOT, type ServeProcess, startServe, stopGroup, tempDir } from './web-support.js';

const hasChromium = chromiumFor('teams-emulator.test.ts');
const ARTIFACTS = path.join(REPO_ROOT, 'test', 'artifacts');
const PLAYGROUND_CLI = path.join(REPO_ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
const GUARD = path.join(REPO_ROOT, 'test', 'e2e', 'teams-emulator-guard.cjs');
/** How long the bot and the playground get to show an answer (a bound, never an assertion about speed). */
const SEEN = { timeout: 30_000, intervals: [100, 250, 500] };
/** The one warning the playground gives for breachbot's cards: `msteams.width: Full`, fine in real Teams. */
const KNOWN_WARNING = /Full width control is not supported yet/;

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

interface Playground {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** Starts the playground in a temporary folder (it writes devTools/ there) and waits for `Listening on PORT`. */
async function startPlayground(botUrl: string): Promise<Playground> {
  const port = await freePort();
  const folder = tempDir('breachbot-playground-');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      PLAYGROUND_CLI,
      'start',
      '--app-endpoint',
      `${botUrl}/api/messages`,
      '--channel-id',
      'msteams',
      '--port',
      String(port),
      '--service-url',
      `http://127.0.0.1:${port}/_connector`,
      '--disable-telemetry',
    ],
    {
      cwd: folder,
      // `--dt` stops its telemetry events, but its Application Insights client still starts "statsbeat", which
      // probes Azure's instance metadata address (169.254.169.254) at once: APPLICATION_INSIGHTS_NO_STATSBEAT stops it
      env: bareEnv({
        NODE_OPTIONS: `--require ${GUARD}`,
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        BROWSER: 'none',
        CI: 'true',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  const exited = once(child, 'exit');
  const removeFolder = () => rmSync(folder, { recursive: true, force: true });
  const stop = async () => {
    await stopGroup(child, exited);
    removeFolder();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the playground did not start within 60 s:\n${text}`)), 60_000);
      const check = () => {
        const listening = /Listening on (\d+)/.exec(text);
        if (!listening) return;
        clearTimeout(timer);
        if (Number(listening[1]) !== port) reject(new Error(`the playground took port ${listening[1]}, not ${port}`));
        else resolve();
      };
      child.stdout?.on('data', check);
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the playground exited (${code ?? signal}) before listening:\n${text}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}/`, output: () => text, stop };
}

describe.skipIf(!hasChromium)("breachbot in Microsoft's Agents Playground (Teams client emulator)", () => {
  let server: ServeProcess;
  let playground: Playground;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const offMachine: string[] = [];

  beforeAll(async () => {
    server = await startServe({
      env: bareEnv({ PORT: '0', DATA_DIR: tempDir('breachbot-teams-emulator-'), LOG_LEVEL: 'warn' }),
    });
    playground = await startPlayground(server.url);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1480, height: 1000 } });
    await context.route(
      (url) => !(url.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(url.hostname)),
      (route) => {
        offMachine.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    page = await context.newPage();
    collectProblems(page, problems, { console: false });
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.goto(playground.url);
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await server?.stop();
  });

  const cards = () => page.locator('.ac-adaptiveCard');
  const lastCard = () => cards().last();
  const logPanel = () => page.locator('div[contenteditable="true"][spellcheck="false"]');
  /** One string per log panel entry (each is its own element). */
  const logEntries = () => logPanel().locator(':scope > div').allTextContents();
  const logText = async () => (await logEntries()).join(' ').replace(/\s+/g, ' ');
  const compose = () => page.locator('[contenteditable="true"]').first();

  /** Types into the compose box, with the bot @-mentioned first when asked to (picked from the mention menu). */
  async function type(text: string, options: { mention?: boolean } = {}): Promise<void> {
    await compose().click();
    if (options.mention) {
      await page.keyboard.type('@');
      await page.getByRole('menuitem', { name: 'Test Bot' }).click();
      await page.keyboard.type(' ');
    }
    await page.keyboard.type(text);
  }

  /** Opens a conversation from the left rail and waits for the bot's welcome there (sent when the app is added). */
  async function open(name: string): Promise<void> {
    const welcomes = async () => ((await logText()).match(/message 202 Hello!/g) ?? []).length;
    const before = await welcomes();
    await page.getByText(name, { exact: true }).click();
    await expect.poll(welcomes, SEEN).toBe(before + 1);
    await expect.poll(() => cards().count(), SEEN).toBe(1);
    expect((await lastCard().textContent()) ?? '').toMatch(/What you can ask me/);
  }

  /** Sends a message and waits for the bot's answer card; returns that card. */
  async function askAndSeeCard(send: () => Promise<void>): Promise<Locator> {
    const before = await cards().count();
    await send();
    await expect.poll(() => cards().count(), SEEN).toBe(before + 1);
    return lastCard();
  }

  it('greets in personal chat and answers a question there with a card', async () => {
    await expect.poll(() => logText(), SEEN).toMatch(/message 202 Hello!/);
    await expect.poll(() => cards().count(), SEEN).toBe(1);
    expect((await lastCard().textContent()) ?? '').toMatch(/What you can ask me/);
    const card = await askAndSeeCard(async () => {
      await type('who were the victims?');
      await page.keyboard.press('Enter');
    });
    const text = (await card.textContent()) ?? '';
    expect(text).toMatch(/Who was affected/);
    expect(text).toMatch(/US Department of State/);
    expect(text).toMatch(/\[1\]/);
    expect(await card.getByRole('link').count()).toBeGreaterThan(0);
    expect(await logText()).toMatch(/message 200 who were the victims\?/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'teams-emulator-personal.png') });
    expect(problems).toEqual([]);
  });

  it('card buttons show whole labels; one asks the next question; timeline dates sit in one column, unwrapped', async () => {
    // every button's label is shown whole (Teams' renderer cuts an overflowing one with an ellipsis)
    const labels = await lastCard()
      .getByRole('button')
      .evaluateAll((buttons) =>
        buttons.map((b) => ({
          text: b.textContent ?? '',
          cut: [b, ...Array.from(b.querySelectorAll('*'))].some((n) => n.scrollWidth > n.clientWidth + 1),
        })),
      );
    expect(labels.length).toBeGreaterThan(1);
    expect(labels.filter((l) => l.cut || l.text.trim().length < 2)).toEqual([]);
    const button = lastCard().getByRole('button', { name: 'timeline', exact: true });
    expect(await button.count()).toBe(1);
    const card = await askAndSeeCard(() => button.click());
    expect((await card.textContent()) ?? '').toMatch(/timeline \(page 1 of \d+\)/i);
    const dates = card.getByText(/^\d{4}-\d{2}-\d{2}$/);
    expect(await dates.count()).toBeGreaterThan(3);
    const boxes = await dates.evaluateAll((nodes) =>
      nodes.map((n) => {
        const box = n.getBoundingClientRect();
        return { left: Math.round(box.left), lines: box.height / Number.parseFloat(getComputedStyle(n).lineHeight) };
      }),
    );
    expect(new Set(boxes.map((b) => b.left)).size).toBe(1);
    for (const b of boxes) expect(b.lines).toBeLessThan(1.5);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'teams-emulator-timeline.png') });
    expect(problems).toEqual([]);
  });

  it('in a group chat it stays quiet unless @-mentioned, and answers when it is', async () => {
    await open('Group Chat');
    const before = await cards().count();
    await type('victims');
    await page.keyboard.press('Enter');
    // shown in the chat; like Teams, the playground passes a group message to a bot only when it @-mentions it
    await expect.poll(() => page.getByText('victims', { exact: true }).count(), SEEN).toBeGreaterThan(0);
    const card = await askAndSeeCard(async () => {
      await type('when was it first spotted?', { mention: true });
      await page.keyboard.press('Enter');
    });
    expect((await card.textContent()) ?? '').toMatch(/2023-06-16/);
    // messages are delivered in order: by the time the mention is answered, the plain message got no card
    expect(await cards().count()).toBe(before + 1);
    const log = await logText();
    expect(log).toMatch(/message 200 <at>Test Bot<\/at> when was it first spotted\?/);
    expect(log).not.toMatch(/message 200 victims/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'teams-emulator-group.png') });
    expect(problems).toEqual([]);
  });

  it('in a channel a post that @-mentions it is answered', async () => {
    await open('General');
    const card = await askAndSeeCard(async () => {
      await type('what is MailItemsAccessed?', { mention: true });
      await page.getByRole('button', { name: 'Post', exact: true }).click();
    });
    expect((await card.textContent()) ?? '').toMatch(/MailItemsAccessed/);
    expect(await logText()).toMatch(/message 200 <at>Test Bot<\/at> what is MailItemsAccessed\?/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'teams-emulator-channel.png') });
    expect(problems).toEqual([]);
  });

  it("the message extension's search returns facts from the knowledge base", async () => {
    await page.getByText('Personal Chat', { exact: true }).click();
    await page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
    await page.getByRole('menuitem', { name: 'Search Command' }).click();
    const search = page.getByPlaceholder('Enter a search term');
    await search.fill('MailItemsAccessed');
    await search.press('Enter');
    await expect.poll(() => logText(), SEEN).toMatch(/invoke 200/);
    const results = page.getByText(/^MailItemsAccessed\b/);
    await expect.poll(() => results.count(), SEEN).toBeGreaterThan(0);
    expect(await page.getByText(/Nothing in the knowledge base matches/).count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'teams-emulator-search.png') });
    expect(problems).toEqual([]);
  });

  it('the log panel shows no error, every request succeeded, and nothing left this machine', async () => {
    const entries = await logEntries();
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.filter((line) => /\(×\) Error|\bError\b/.test(line))).toEqual([]);
    expect(entries.filter((line) => /Warning/.test(line) && !KNOWN_WARNING.test(line))).toEqual([]);
    expect(entries.filter((line) => /\b[a-zA-Z]+ [45]\d\d\b/.test(line))).toEqual([]);
    expect(entries.filter((line) => /message 201/.test(line)).length).toBeGreaterThanOrEqual(4);
    expect(playground.output()).not.toMatch(/EGRESS-BLOCKED/);
    expect(server.output()).not.toMatch(/request refused|"level":(50|"error")/);
    // the page's own requests off the machine (fonts) were refused, never answered
    for (const url of offMachine) expect(new URL(url).hostname).not.toMatch(/^(127\.0\.0\.1|localhost)$/);
    expect(problems).toEqual([]);
  });
});
