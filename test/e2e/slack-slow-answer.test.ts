// When an answer is not ready within the ack budget, the slash command is acked empty (Slack needs a reply within
// 3 s) and the answer follows privately through response_url. Runs the real Slack adapter with a slow handler.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACK_BUDGET_MS } from '../../adapters/slack/limits.js';
import type { Answer } from '../../src/core/answer.js';
import { silentLogger } from '../../src/logger.js';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-api.js';
import { postToSlackEndpoint, slashCommand } from '../fixtures/slack.js';
import { type SlackAdapterServer, startSlackAdapter } from './slack-harness.js';

let fake: FakeSlackApi;
let served: SlackAdapterServer;

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
  served = await startSlackAdapter(
    fake,
    (inbound) =>
      new Promise((resolve) => {
        setTimeout(() => resolve(slowAnswer(inbound.text)), ACK_BUDGET_MS + 300);
      }),
    silentLogger,
  );
});
afterAll(async () => {
  await served?.close();
  await fake?.close();
});

describe('a slow answer', () => {
  it('is acked empty and then answered privately through response_url', async () => {
    const res = await postToSlackEndpoint(
      served.url,
      slashCommand({ text: 'timeline', response_url: fake.responseUrl('slow') }),
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const [reply] = await fake.waitForResponse('slow');
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply?.body.blocks)).toContain('Slow answer to timeline');
  });
});
