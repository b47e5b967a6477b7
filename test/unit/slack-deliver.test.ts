// Digest delivery maps Slack's answers: a post returns its ts; a removed bot or a gone channel is permanent; a rate
// limit carries its wait. Runs against the loopback fake Web API.
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackDeliver } from '../../adapters/slack/deliver.js';
import type { Answer } from '../../src/core/answer.js';
import type { Subscription } from '../../src/store/store.js';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-api.js';

let fake: FakeSlackApi;
beforeAll(async () => {
  fake = await startFakeSlackApi();
});
afterAll(async () => fake?.close());
beforeEach(() => fake.reset());

const sub = { conversation: 'C000DIGEST', platform: 'slack', workspace: 'T000TEST' } as Subscription;
const answer: Answer = {
  kind: 'answer',
  intent: 'digest',
  incident: 'storm-0558',
  title: 'Weekly digest',
  sections: [{ items: [{ text: 'Something new', date: '2023-07-11' }] }],
  facts: [],
  sources: [],
  suggestions: [],
  confidence: 1,
  kbVersion: 'v',
};
const deliver = () =>
  createSlackDeliver(
    new webApi.WebClient('xoxb-fake', {
      slackApiUrl: fake.url,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
    }),
  );

describe('Slack deliver', () => {
  it('posts the digest and returns the message ts', async () => {
    const result = await deliver()(sub, answer);
    expect(result).toMatchObject({ ok: true, messageId: expect.stringMatching(/^\d+\.\d+$/) });
    const [call] = fake.callsTo('chat.postMessage');
    expect(call?.params.channel).toBe('C000DIGEST');
    expect(JSON.stringify(call?.params.blocks)).toContain('Something new');
  });

  it.each(['not_in_channel', 'channel_not_found', 'is_archived', 'account_inactive'])(
    '%s is permanent',
    async (error) => {
      fake.setNextResponse('chat.postMessage', { ok: false, error });
      expect(await deliver()(sub, answer)).toEqual({ ok: false, error, permanent: true });
    },
  );

  it('a passing error is not permanent', async () => {
    fake.setNextResponse('chat.postMessage', { ok: false, error: 'internal_error' });
    expect(await deliver()(sub, answer)).toMatchObject({ ok: false, permanent: false });
  });

  it('a 429 carries Retry-After in milliseconds', async () => {
    fake.ratelimit('chat.postMessage', 1, 7);
    expect(await deliver()(sub, answer)).toEqual({ ok: false, error: '429', permanent: false, retryAfterMs: 7000 });
  });
});
