/**
 * Starts the real breachbot server in-process for the Slack end-to-end tests: port 0 on 127.0.0.1, DATA_DIR in a
 * temp folder (reusable for restart tests), the Web API pointed at the fake in `test/fakes/slack-api.ts`, logs
 * captured. Also answers a question straight from the core, to compare with what reached Slack. `useSlackBot()`
 * registers one fake Slack API and one bot for a whole test file; `startSlackAdapter()` runs the Slack adapter alone
 * with a message handler of the test's choosing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.js';
import type { Block } from '../../adapters/slack/render.js';
import type { MessageHandler } from '../../src/chat/handle-message.js';
import { loadConfig } from '../../src/config.js';
import type { Answer } from '../../src/core/answer.js';
import { createKnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createServer, type RunningServer } from '../../src/server.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-api.js';
import { projectLanguage } from '../fixtures/language.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../fixtures/slack.js';

export interface SlackBot {
  running: RunningServer;
  url: string;
  dataDir: string;
  /** JSON log lines so far */
  lines: string[];
  /** the core's answer to `text` now (what Slack should show) */
  coreAnswer(text: string): Answer;
  /** stops the server; the data folder stays unless `removeData` */
  close(removeData?: boolean): Promise<void>;
}

export async function newDataDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'breachbot-slack-'));
}

/** The variables that turn on Slack over HTTP, on port 0 of loopback, with the Web API at `apiUrl`. */
export function slackEnv(apiUrl: string, dataDir: string): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
  };
}

export async function startSlackBot(
  fake: FakeSlackApi,
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<SlackBot> {
  const dataDir = options.dataDir ?? (await newDataDir());
  const base = loadConfig({
    ...slackEnv(fake.url, dataDir),
    WEB_UI: 'false',
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  const config = Object.freeze({ ...base, teams: undefined, teamsOff: 'not needed by the Slack tests' });
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const running = await createServer({ config, log: createLogger({ level: 'debug', stream }), scheduler: false });
  return {
    running,
    url: running.url,
    dataDir,
    lines,
    coreAnswer: (text) => respond(running.kb, parseCommand(text, running.kb), { now: new Date() }),
    async close(removeData = false) {
      await running.close(1000);
      if (removeData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface SlackBotSuite {
  readonly fake: FakeSlackApi;
  readonly bot: SlackBot;
}

/**
 * Registers the hooks of a test file that talks to one bot: a fake Slack API and the bot start before all tests
 * (stopped and their data removed after all), and the fake forgets its calls before each test.
 *
 * @example
 * const slack = useSlackBot();
 * it('…', async () => { await postToSlackEndpoint(slack.bot.url, appMention({ text: 'victims' })); });
 */
export function useSlackBot(): SlackBotSuite {
  const suite: { fake?: FakeSlackApi; bot?: SlackBot } = {};
  beforeAll(async () => {
    suite.fake = await startFakeSlackApi();
    suite.bot = await startSlackBot(suite.fake);
  });
  afterAll(async () => {
    await suite.bot?.close(true);
    await suite.fake?.close();
  });
  beforeEach(() => suite.fake?.reset());
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useSlackBot: the ${what} is not started (use it inside a test)`);
    return value;
  };
  return {
    get fake() {
      return started(suite.fake, 'fake Slack API');
    },
    get bot() {
      return started(suite.bot, 'bot');
    },
  };
}

export interface SlackAdapterServer {
  adapter: SlackAdapter;
  /** the server's base URL; Slack requests go to `${url}/slack/events` */
  url: string;
  close(): Promise<void>;
}

/**
 * Runs the real Slack adapter alone (empty knowledge base, memory store, Web API at the fake) with `handle` as its
 * message handler, on its own loopback server.
 */
export async function startSlackAdapter(
  fake: FakeSlackApi,
  handle: MessageHandler,
  log: Logger,
): Promise<SlackAdapterServer> {
  const adapter = await createSlackAdapter({
    config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.url, command: '/breach' },
    handle,
    store: createMemoryStore(),
    kb: createKnowledgeBase({ incidents: [], synonyms: [], language: projectLanguage(), version: 'empty' }),
    log,
  });
  const route = adapter.routes[0];
  const server = createHttpServer((req, res) => void route?.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    adapter,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Every text in a list of blocks, joined. */
export function blocksText(blocks: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (typeof n.text === 'string') out.push(n.text);
      for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
    }
  };
  walk(blocks);
  return out.join('\n');
}

/** `blocksText` without code-span backticks, to compare with `expectedSnippets` (indicators are shown as code). */
export function shownText(blocks: unknown): string {
  return blocksText(blocks).replace(/`/g, '');
}

/** The escaped item and section texts of an answer (without backticks), each of which must appear in `shownText`. */
export function expectedSnippets(answer: Answer): string[] {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const snippets: string[] = [];
  for (const section of answer.sections) {
    for (const item of section.items ?? []) snippets.push(esc(item.text).slice(0, 200));
    if (section.text && section.text.length < 2500) snippets.push(esc(section.text).slice(0, 200));
  }
  return snippets.filter((s) => !/@(channel|here|everyone)/i.test(s)).map((s) => s.replace(/`/g, ''));
}

/** Pings Slack would turn into notifications. */
export const PING = /<!(channel|here|everyone)(\|[^>]*)?>|<@[UW][A-Z0-9]+>|<!subteam/;

export type { Block };

/** Resolves with the first log line containing `text` (polls the captured lines; rejects after `timeoutMs`). */
export async function waitForLogLine(lines: string[], text: string, timeoutMs = 5000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = lines.find((l) => l.includes(text));
    if (line) return line;
    if (Date.now() > deadline) throw new Error(`no log line containing "${text}" within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
