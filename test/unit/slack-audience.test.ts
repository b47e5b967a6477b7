// The Slack Connect and guest checker's caches, against the fake Web API over loopback with a real WebClient:
// bounded (least recently used forgotten first), one call for concurrent questions, failures remembered briefly.
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAudienceChecker, PRIVATE_REASONS } from '../../adapters/slack/audience.js';
import { createLogger } from '../../src/logger.js';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-api.js';
import { BOT_TOKEN, TEAM } from '../fixtures/slack.js';

const log = createLogger({ level: 'silent' });
let fake: FakeSlackApi;
let client: webApi.WebClient;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

describe('createAudienceChecker caches', () => {
  it('forgets the least recently used channel once more than `max` are known', async () => {
    const audience = createAudienceChecker(client, log, 60_000, 2);
    for (const channelId of ['C1', 'C2', 'C1', 'C3', 'C1', 'C2']) {
      await audience.check({ channelId, teamId: TEAM, userId: 'U1' });
    }
    // C1 C2 asked; C1 hit; C3 asked (C2 forgotten); C1 hit; C2 asked again
    expect(fake.callsTo('conversations.info').map((c) => c.params.channel)).toEqual(['C1', 'C2', 'C3', 'C2']);
    expect(fake.callsTo('users.info')).toHaveLength(1);
  });

  it('asks users.info once for concurrent questions from one person', async () => {
    fake.setUser('U7', { tz: 'Europe/Berlin' });
    const audience = createAudienceChecker(client, log);
    const zones = await Promise.all([1, 2, 3, 4].map(() => audience.timeZone('U7', TEAM)));
    expect(zones).toEqual(['Europe/Berlin', 'Europe/Berlin', 'Europe/Berlin', 'Europe/Berlin']);
    expect(fake.callsTo('users.info')).toHaveLength(1);
  });

  it('remembers a failed users.info (private answer, no zone) instead of asking on every question', async () => {
    fake.setNextResponse('users.info', { ok: false, error: 'user_not_found' });
    const audience = createAudienceChecker(client, log);
    const first = await audience.check({ channelId: 'C1', teamId: TEAM, userId: 'U9' });
    expect(first).toEqual({ publicOk: false, reason: PRIVATE_REASONS.unknownUser });
    expect(await audience.timeZone('U9', TEAM)).toBeUndefined();
    expect(fake.callsTo('users.info')).toHaveLength(1);
  });

  it('does not keep a failed conversations.info: the next question asks again', async () => {
    fake.setNextResponse('conversations.info', { ok: false, error: 'channel_not_found' });
    const audience = createAudienceChecker(client, log);
    const first = await audience.check({ channelId: 'C5', teamId: TEAM, userId: 'U1' });
    expect(first).toEqual({ publicOk: false, reason: PRIVATE_REASONS.unknownChannel });
    expect(await audience.check({ channelId: 'C5', teamId: TEAM, userId: 'U1' })).toEqual({ publicOk: true });
    expect(fake.callsTo('conversations.info')).toHaveLength(2);
  });
});
