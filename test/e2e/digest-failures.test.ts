/**
 * Delivery failures through the real Slack deliverer and `digest run-due`, against the shared Slack Web API fake:
 * a 429 is retried after its Retry-After and posts once; `not_in_channel` is recorded, and after three failures in
 * a row the subscription pauses, stops calling Slack, and `digest status` says so.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDigestCommandHandler } from '../../src/digest/commands.js';
import { createSqliteStore } from '../../src/store/sqlite.js';
import type { Subscription } from '../../src/store/store.js';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-api.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../fixtures/slack.js';
import { fixtureKb, writeFixture } from '../unit/digest-fixture.js';
import { runCli } from './digest-support.js';

const day = (n: number) => new Date(Date.parse('2026-11-30T08:00:00.000Z') + n * 86_400_000).toISOString();

function subscription(id: string, conversation: string): Subscription {
  return {
    id,
    platform: 'slack',
    workspace: 'T000TEST',
    conversation,
    incident: 'demo-breach',
    cron: '0 9 * * *',
    timeZone: 'Europe/Berlin',
    label: 'daily 09:00 Europe/Berlin',
    // weekly-style briefs post every time, so every day has something to deliver
    kind: 'weekly',
    createdAt: '2026-11-01T00:00:00.000Z',
    consecutiveFailures: 0,
    paused: false,
  };
}

describe('digest delivery failures', { timeout: 120_000 }, () => {
  let slack: FakeSlackApi;
  let dataDir: string;
  let env: Record<string, string>;
  const dbFile = () => path.join(dataDir, 'breachbot.db');
  const runDue = async (now: string) => {
    const cli = runCli(['digest', 'run-due', '--now', now], env);
    expect(await cli.exited, cli.output()).toBe(0);
    return cli.output();
  };
  const seed = async (sub: Subscription) => {
    const store = createSqliteStore(dbFile());
    await store.saveSubscription(sub);
    await store.close();
  };
  const read = async (id: string) => {
    const store = createSqliteStore(dbFile());
    try {
      return await store.getSubscription(id);
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    slack = await startFakeSlackApi();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bb-digest-fail-'));
    await writeFixture(path.join(dataDir, 'incidents'));
    env = {
      DATA_DIR: dataDir,
      INCIDENTS_DIR: path.join(dataDir, 'incidents'),
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      LOG_LEVEL: 'warn',
    };
  });

  afterAll(async () => {
    await slack?.close();
  });

  it('a rate-limited post is retried after Retry-After and posted once', async () => {
    await seed(subscription('sub-429', 'C0RATE'));
    slack.ratelimit('chat.postMessage', 1, 1);
    expect(await runDue(day(0))).toMatch(/1 posted, 0 silent, 0 failed/);
    const posts = slack.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C0RATE');
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    expect((await read('sub-429'))?.lastPostedPeriod).toBe(day(0));
    slack.reset();
    const store = createSqliteStore(dbFile());
    await store.deleteSubscription('sub-429');
    await store.close();
  });

  it('not_in_channel is recorded; three in a row pause the subscription and status says so', async () => {
    await seed(subscription('sub-gone', 'C0GONE'));
    for (let n = 1; n <= 3; n++) {
      slack.setNextResponse('chat.postMessage', { ok: false, error: 'not_in_channel' });
      expect(await runDue(day(n))).toMatch(/0 posted, 0 silent, 1 failed/);
      expect(await read('sub-gone')).toMatchObject({
        lastError: 'not_in_channel',
        consecutiveFailures: n,
        paused: n === 3,
      });
    }
    const calls = slack.callsTo('chat.postMessage').length;
    expect(await runDue(day(4))).toMatch(/0 posted, 0 silent, 0 failed/);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(calls);

    const store = createSqliteStore(dbFile());
    try {
      const handle = createDigestCommandHandler({ store, kb: fixtureKb() });
      const status = await handle(
        { type: 'digest', action: 'status', raw: 'digest status' },
        {
          platform: 'slack',
          text: 'digest status',
          conversation: { platform: 'slack', workspace: 'T000TEST', conversation: 'C0GONE' },
        },
        new Date(day(4)),
      );
      const text = status.sections.map((s) => s.text).join('\n');
      expect(text).toContain('Paused after 3 failed posts in a row');
      expect(text).toContain('Last error: not_in_channel');
    } finally {
      await store.close();
    }
  });
});
