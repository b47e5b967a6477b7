/**
 * Starts the real breachbot server in-process for the Slack end-to-end tests: port 0 on 127.0.0.1, DATA_DIR in a
 * temp folder (reusable for restart tests), the Web API pointed at the fake in `test/fakes/slack-api.ts`, logs
 * captured. Also answers a question straight from the core, to compare with what reached Slack.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Block } from '../../adapters/slack/render.js';
import { loadConfig } from '../../src/config.js';
import type { Answer } from '../../src/core/answer.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { createLogger } from '../../src/logger.js';
import { createServer, type RunningServer } from '../../src/server.js';
import type { FakeSlackApi } from '../fakes/slack-api.js';
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

export async function startSlackBot(
  fake: FakeSlackApi,
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<SlackBot> {
  const dataDir = options.dataDir ?? (await newDataDir());
  const base = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.url,
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

/** The escaped item and section texts of an answer, each of which must appear in its rendering. */
export function expectedSnippets(answer: Answer): string[] {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const snippets: string[] = [];
  for (const section of answer.sections) {
    for (const item of section.items ?? []) snippets.push(esc(item.text).slice(0, 200));
    if (section.text && section.text.length < 2500) snippets.push(esc(section.text).slice(0, 200));
  }
  return snippets.filter((s) => !/@(channel|here|everyone)/i.test(s));
}

/** Pings Slack would turn into notifications. */
export const PING = /<!(channel|here|everyone)(\|[^>]*)?>|<@[UW][A-Z0-9]+>|<!subteam/;

export type { Block };
