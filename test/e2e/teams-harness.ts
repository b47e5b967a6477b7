/**
 * Starts the real breachbot server in-process for the Teams end-to-end tests (port 0 on 127.0.0.1, DATA_DIR in a
 * temp dir, logs captured), posts activities to `/api/messages` over real HTTP, and asks the built CLI for the
 * same questions so answers can be compared. `useTeamsBot()` registers one fake Bot Connector and one bot for a
 * whole test file.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { TeamsAuthOverrides } from '../../adapters/teams/auth.js';
import type { TeamsAdapterHandle } from '../../adapters/teams/index.js';
import { type AdaptiveCard, cardFactIds } from '../../adapters/teams/render.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createServer, type RunningServer } from '../../src/server.js';
import type { Store, Subscription } from '../../src/store/store.js';
import { type FakeConnector, type RecordedActivity, startFakeConnector } from '../fakes/bot-connector.js';
import { TENANT } from '../fixtures/teams.js';

export interface TeamsBot {
  running: RunningServer;
  teams: TeamsAdapterHandle;
  /** log lines written so far (JSON) */
  lines: string[];
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

export async function startTeamsBot(
  options: {
    env?: Record<string, string>;
    teamsAuth?: TeamsAuthOverrides;
    config?: (c: ReturnType<typeof loadConfig>) => ReturnType<typeof loadConfig>;
    /** an already-open store (default: SQLite in the temp DATA_DIR) */
    store?: Store;
  } = {},
): Promise<TeamsBot> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'breachbot-teams-'));
  const base = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'debug',
    WEB_UI: 'false',
    ...options.env,
  });
  const config = options.config ? options.config(base) : base;
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const log = createLogger({ level: 'debug', stream });
  const running = await createServer({
    config,
    log,
    scheduler: false,
    teamsAuth: options.teamsAuth,
    store: options.store,
  });
  const teams = running.adapters.find((a) => a.name === 'teams') as TeamsAdapterHandle | undefined;
  return {
    running,
    get teams(): TeamsAdapterHandle {
      if (!teams) throw new Error('the Teams adapter is not mounted');
      return teams;
    },
    lines,
    async post(body, headers = {}) {
      const response = await fetch(`${running.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    },
    async close() {
      await running.close(1000);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TeamsBotSuite {
  readonly connector: FakeConnector;
  readonly bot: TeamsBot;
  /** the service URL activities carry, so replies go to the fake connector */
  serviceUrl(): string;
}

/**
 * Registers the hooks of a test file that talks to one bot: a fake Bot Connector, then the bot from `start`
 * (default: unauthenticated loopback mode), start before all tests and stop after all; the connector forgets its
 * activities before each test.
 *
 * @example
 * const teams = useTeamsBot();
 * it('…', async () => { await teams.bot.post(teamsActivity({ text: 'victims', serviceUrl: teams.serviceUrl() })); });
 */
export function useTeamsBot(start: () => Promise<TeamsBot> = () => startTeamsBot()): TeamsBotSuite {
  const suite: { connector?: FakeConnector; bot?: TeamsBot } = {};
  beforeAll(async () => {
    suite.connector = await startFakeConnector();
    suite.bot = await start();
  });
  afterAll(async () => {
    await suite.bot?.close();
    await suite.connector?.close();
  });
  beforeEach(() => {
    if (suite.connector) suite.connector.activities.length = 0;
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useTeamsBot: the ${what} is not started (use it inside a test)`);
    return value;
  };
  return {
    get connector() {
      return started(suite.connector, 'fake Bot Connector');
    },
    get bot() {
      return started(suite.bot, 'bot');
    },
    serviceUrl: () => `${started(suite.connector, 'fake Bot Connector').url}/teams/`,
  };
}

/** A daily 09:00 UTC digest subscription of the test tenant for `conversation`. */
export const teamsSubscription = (conversation: string, overrides: Partial<Subscription> = {}): Subscription => ({
  id: `sub-${conversation}`,
  platform: 'teams',
  workspace: TENANT,
  conversation,
  incident: 'storm-0558',
  cron: '0 9 * * *',
  timeZone: 'UTC',
  label: 'daily 09:00 UTC',
  kind: 'daily',
  createdAt: '2026-11-30T00:00:00.000Z',
  consecutiveFailures: 0,
  paused: false,
  ...overrides,
});

export interface CliAnswer {
  kind: string;
  title: string;
  facts: Array<{ id: string; text: string; date?: string }>;
  suggestions: string[];
}

/** Answers from `breachbot ask --json` (the built CLI), one per question, in order. */
export function askCli(questions: string[]): Promise<CliAnswer[]> {
  const bin = path.resolve('bin', 'breachbot.js');
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [bin, 'ask', '--json'], { timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`breachbot ask failed: ${stderr || error.message}`));
        return;
      }
      resolve(
        stdout
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l) as CliAnswer),
      );
    });
    child.stdin?.end(`${questions.join('\n')}\n`);
  });
}

/** The Adaptive Card attachments of a recorded activity. */
export function cardsOf(recorded: RecordedActivity): AdaptiveCard[] {
  const attachments = (recorded.activity.attachments ?? []) as Array<{ contentType?: string; content?: unknown }>;
  return attachments
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a.content as AdaptiveCard);
}

/** Fact ids a recorded reply shows, sorted. */
export const factIdsOf = (recorded: RecordedActivity) => cardsOf(recorded).flatMap(cardFactIds).sort();
