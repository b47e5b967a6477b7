#!/usr/bin/env node
// `npm run screenshots`: the README's pictures, taken from the real page. Starts `breachbot serve` in local mode
// (no credentials, a temporary DATA_DIR, a free port on 127.0.0.1), opens the page in Chromium (Debian's
// /usr/bin/chromium, or CHROMIUM=path) through playwright-core, asks the questions below and saves each view as a
// PNG under docs/. With --teams it also starts Microsoft's Agents Playground (the Teams client emulator, a dev
// dependency) against the same server and saves a Teams chat.
//
//   npm run screenshots                 # docs/screenshot-victims.png, -timeline.png, -phone.png
//   npm run screenshots -- --teams      # and docs/screenshot-teams.png
//
// Everything stays on this machine: the server and the playground listen on 127.0.0.1 and the browser refuses
// every request that is not for 127.0.0.1.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { root } from './sources.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const OUT = path.join(root, 'docs');
const withTeams = process.argv.includes('--teams');
const say = (text) => process.stderr.write(`screenshots: ${text}\n`);

/** The pictures of the page: file, window size, question, and what to scroll to the top (if anything). */
const SHOTS = [
  { file: 'screenshot-victims.png', width: 1280, height: 820, question: 'who were the victims?' },
  { file: 'screenshot-timeline.png', width: 1280, height: 820, question: 'timeline', scrollTo: '#result' },
  {
    file: 'screenshot-phone.png',
    width: 400,
    height: 860,
    question: 'when was the key revoked?',
    scrollTo: '#result',
    tab: 'Slack',
  },
];

const tempDir = (prefix) => mkdtempSync(path.join(os.tmpdir(), prefix));

/** A minimal environment: no platform credentials reach the child, so the server starts in local mode. */
const bareEnv = (extra) => ({ PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.tmpdir(), ...extra });

async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * Starts a child in its own process group and waits until its output matches `ready`.
 * @returns {Promise<{ match: RegExpExecArray, stop: () => Promise<void> }>}
 */
async function startChild(name, args, options, ready) {
  const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let text = '';
  const exited = once(child, 'exit');
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const match = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s:\n${text}`)), 60_000);
      const onData = (chunk) => {
        text += chunk.toString('utf8');
        const found = ready.exec(text);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${text}`));
      });
    });
    return { match, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A page in its own browser context that refuses every request not for this machine. */
async function newPage(browser, viewport) {
  const context = await browser.newContext({ viewport });
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort('blockedbyclient'),
  );
  return context.newPage();
}

async function pageShots(browser, pageUrl) {
  for (const shot of SHOTS) {
    const page = await newPage(browser, { width: shot.width, height: shot.height });
    await page.goto(`${pageUrl}#q=${encodeURIComponent(shot.question)}`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Answer: '), null, {
      timeout: 30_000,
    });
    if (shot.tab) await page.getByRole('tab', { name: shot.tab }).click();
    if (shot.scrollTo) {
      await page.evaluate((selector) => {
        const top = document.querySelector(selector)?.getBoundingClientRect().top ?? 0;
        window.scrollTo(0, window.scrollY + top - 8);
      }, shot.scrollTo);
    }
    await page.evaluate(() => /** @type {HTMLElement | null} */ (document.activeElement)?.blur());
    await page.screenshot({ path: path.join(OUT, shot.file) });
    await page.context().close();
    say(`docs/${shot.file}`);
  }
}

async function teamsShot(browser, botUrl) {
  const cli = path.join(root, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
  if (!existsSync(cli)) throw new Error('the Agents Playground is not installed (npm install)');
  const port = await freePort();
  const playground = await startChild(
    'the Agents Playground',
    [
      cli,
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
      cwd: tempDir('breachbot-playground-'),
      env: bareEnv({
        NODE_OPTIONS: `--require ${path.join(root, 'test', 'e2e', 'teams-emulator-guard.cjs')}`,
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        BROWSER: 'none',
      }),
    },
    /Listening on (\d+)/,
  );
  try {
    const page = await newPage(browser, { width: 1280, height: 900 });
    await page.goto(`http://127.0.0.1:${port}/`);
    const cards = page.locator('.ac-adaptiveCard');
    await cards.first().waitFor({ timeout: 30_000 });
    await page.locator('[contenteditable="true"]').first().click();
    await page.keyboard.type('timeline');
    await page.keyboard.press('Enter');
    await cards.nth(1).waitFor({ timeout: 30_000 });
    await cards.nth(1).evaluate((card) => card.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(OUT, 'screenshot-teams.png') });
    await page.context().close();
    say('docs/screenshot-teams.png');
  } finally {
    await playground.stop();
  }
}

async function main() {
  if (!existsSync(CHROMIUM)) {
    say(`no Chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM=path`);
    process.exit(1);
  }
  mkdirSync(OUT, { recursive: true });
  const server = await startChild(
    'breachbot serve',
    [path.join(root, 'bin', 'breachbot.js'), 'serve'],
    {
      cwd: root,
      env: bareEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: tempDir('breachbot-shots-'), LOG_LEVEL: 'warn' }),
    },
    /Listening on:?\s+(http:\/\/\S+)/,
  );
  const botUrl = server.match[1].replace(/\/$/, '');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    await pageShots(browser, `${botUrl}/`);
    if (withTeams) await teamsShot(browser, botUrl);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => {
  say(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
