// When an answer is not ready within the ack budget, the slash command is acked empty (Slack needs a reply within
// 3 s) and the answer follows privately through response_url. Runs the real Slack adapter with a slow handler.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../adapters/slack/index.js';
import { ACK_BUDGET_MS } from '../../adapters/slack/limits.js';
import type { Answer } from '../../src/core/answer.js';
import { createKnowledgeBase } from '../../src/core/knowledge-base.js';
import { silentLogger } from '../../src/logger.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-api.js';
import { BOT_TOKEN, postToSlackEndpoint, SIGNING_SECRET, slashCommand } from '../fixtures/slack.js';

let fake: FakeSlackApi;
let server: Server;
let url: string;

const slowAnswer = (text: string): Answer => ({
  kind: 'answer',
  intent: 'question',
  incident: null,
  title: `Slow answer to ${text}`,
  sections: [{ items: [{ text: 'It took a while', date: '2023-07-11' }] }],
  facts: [],
  sources: [],
  suggestions: [],
  confidence: 1,
  kbVersion: 'slow',
});

beforeAll(async () => {
  fake = await startFakeSlackApi();
  const adapter = await createSlackAdapter({
    config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.url, command: '/breach' },
    handle: (inbound) =>
      new Promise((resolve) => {
        setTimeout(() => resolve(slowAnswer(inbound.text)), ACK_BUDGET_MS + 300);
      }),
    store: createMemoryStore(),
    kb: createKnowledgeBase({ incidents: [], synonyms: [], version: 'empty' }),
    log: silentLogger,
  });
  const route = adapter.routes[0];
  server = createServer((req, res) => void route?.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await fake?.close();
});

describe('a slow answer', () => {
  it('is acked empty and then answered privately through response_url', async () => {
    const res = await postToSlackEndpoint(
      url,
      slashCommand({ text: 'timeline', response_url: fake.responseUrl('slow') }),
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const [reply] = await fake.waitForResponse('slow');
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply?.body.blocks)).toContain('Slow answer to timeline');
  });
});
