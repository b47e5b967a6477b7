import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import type { Deliver, DeliveryResult } from '../../src/digest/deliver.js';
import { createScheduler, readState } from '../../src/digest/scheduler.js';
import { createMemoryStore } from '../../src/store/memory.js';
import type { Store, Subscription } from '../../src/store/store.js';
import { makeSubscription } from '../store-contract.js';
import { fixtureIncident, fixtureKb } from './digest-fixture.js';

const kb = fixtureKb();
const DUE = new Date('2026-11-30T08:00:00.000Z'); // 09:00 Europe/Berlin
const NEXT_DAY = new Date('2026-12-01T08:00:00.000Z');

/** A recording Deliver: answers with `respond` (default ok) and keeps what it was asked to post. */
function recorder(respond: (sub: Subscription, n: number) => DeliveryResult = () => ({ ok: true })) {
  const posts: Array<{ subscription: string; answer: Answer }> = [];
  let calls = 0;
  const deliver: Deliver = async (sub, answer) => {
    calls += 1;
    const result = respond(sub, calls);
    if (result.ok) posts.push({ subscription: sub.id, answer });
    return result;
  };
  return { deliver, posts, calls: () => calls };
}

async function subscribed(store: Store, overrides: Partial<Subscription> = {}): Promise<Subscription> {
  const sub = makeSubscription({ incident: 'demo-breach', createdAt: '2026-11-01T00:00:00.000Z', ...overrides });
  await store.saveSubscription(sub);
  return sub;
}

describe('digest scheduler', () => {
  it('posts a due period exactly once, stays quiet on a second pass, and posts the next period', async () => {
    const store = createMemoryStore();
    const sub = await subscribed(store, { kind: 'weekly', cron: '0 9 * * *', label: 'every day as weekly' });
    const slack = recorder();
    const scheduler = createScheduler({ store, kb, deliver: { slack: slack.deliver }, replicaId: 'r1' });

    expect((await scheduler.runDuePass(new Date(DUE.getTime() - 1))).posted).toBe(0);
    expect((await scheduler.runDuePass(DUE)).posted).toBe(1);
    expect((await scheduler.runDuePass(DUE)).posted).toBe(0);
    expect((await scheduler.runDuePass(new Date(DUE.getTime() + 60_000))).posted).toBe(0);
    expect((await scheduler.runDuePass(NEXT_DAY)).posted).toBe(1);
    expect(slack.posts.map((p) => p.subscription)).toEqual([sub.id, sub.id]);

    const after = await store.getSubscription(sub.id);
    expect(after).toMatchObject({
      lastPostedPeriod: NEXT_DAY.toISOString(),
      lastKbVersion: 'kb-1',
      consecutiveFailures: 0,
    });
    expect(after && readState(after).rotation).toBe(2);
    expect((await store.listRuns(sub.id)).map((r) => [r.periodStart, r.status, r.claimedBy])).toEqual([
      [DUE.toISOString(), 'posted', 'r1'],
      [NEXT_DAY.toISOString(), 'posted', 'r1'],
    ]);
  });

  it('a daily digest posts its first brief, then only when the knowledge base changed, and each change once', async () => {
    const store = createMemoryStore();
    const sub = await subscribed(store);
    const slack = recorder();
    let current = kb;
    const scheduler = createScheduler({ store, kb: () => current, deliver: { slack: slack.deliver }, replicaId: 'r1' });

    expect((await scheduler.runDuePass(DUE)).posted).toBe(1);
    expect((await scheduler.runDuePass(NEXT_DAY)).silent).toBe(1);
    const changed = fixtureIncident();
    changed.timeline = [
      ...(changed.timeline ?? []),
      {
        id: 'tl-2024-01-10',
        date: '2024-01-10',
        title: 'Vendor expands logging for all customers',
        sources: ['src-b'],
      },
    ];
    current = fixtureKb(changed, 'kb-2');
    const day3 = new Date('2026-12-02T08:00:00.000Z');
    expect((await scheduler.runDuePass(day3)).posted).toBe(1);
    expect((await scheduler.runDuePass(new Date('2026-12-03T08:00:00.000Z'))).silent).toBe(1);

    expect(slack.posts).toHaveLength(2);
    const mentions = slack.posts.filter((p) => p.answer.facts.some((f) => f.id === 'tl-2024-01-10'));
    expect(mentions).toHaveLength(1);
    expect(mentions[0]?.answer.kbVersion).toBe('kb-2');
    expect((await store.getSubscription(sub.id))?.lastKbVersion).toBe('kb-2');
    expect((await store.getRun(sub.id, NEXT_DAY.toISOString()))?.status).toBe('skipped');
  });

  it('two replicas racing over 50 subscriptions post every period exactly once', async () => {
    const store = createMemoryStore();
    const subs: Subscription[] = [];
    for (let i = 0; i < 50; i++) {
      subs.push(await subscribed(store, { conversation: `C${String(i).padStart(4, '0')}` }));
    }
    const slack = recorder();
    const replicas = ['a', 'b', 'c'].map((id) =>
      createScheduler({ store, kb, deliver: { slack: slack.deliver }, replicaId: id, concurrency: 4 }),
    );
    const summaries = await Promise.all(replicas.map((r) => r.runDuePass(DUE)));
    expect(summaries.reduce((n, s) => n + s.posted, 0)).toBe(50);
    expect(summaries.reduce((n, s) => n + s.errors, 0)).toBe(0);
    expect(new Set(slack.posts.map((p) => p.subscription)).size).toBe(50);
    expect(slack.posts).toHaveLength(50);
  });

  it('takes over a claim left by a crashed replica only after the claim timeout, exactly once', async () => {
    const store = createMemoryStore();
    const sub = await subscribed(store);
    await store.claimPeriod(sub.id, DUE.toISOString(), 'crashed', DUE.toISOString());
    const slack = recorder();
    const make = (id: string) =>
      createScheduler({ store, kb, deliver: { slack: slack.deliver }, replicaId: id, claimTimeoutMs: 300_000 });
    expect((await make('r1').runDuePass(new Date(DUE.getTime() + 60_000))).posted).toBe(0);
    const late = new Date(DUE.getTime() + 301_000);
    const both = await Promise.all([make('r1').runDuePass(late), make('r2').runDuePass(late)]);
    expect(both.map((s) => s.tookOver).reduce((a, b) => a + b)).toBe(1);
    expect(slack.posts).toHaveLength(1);
    expect((await store.getRun(sub.id, DUE.toISOString()))?.status).toBe('posted');
  });

  it('after an outage posts only the latest missed period, once, within the grace window', async () => {
    const store = createMemoryStore();
    const sub = await subscribed(store, { cron: '0 * * * *', timeZone: 'UTC', kind: 'weekly', label: 'hourly' });
    const slack = recorder();
    const scheduler = createScheduler({ store, kb, deliver: { slack: slack.deliver }, replicaId: 'r1', graceHours: 6 });
    const back = new Date('2026-11-30T13:20:00.000Z');
    expect((await scheduler.runDuePass(back)).posted).toBe(1);
    expect((await scheduler.runDuePass(new Date('2026-11-30T13:40:00.000Z'))).posted).toBe(0);
    expect((await store.listRuns(sub.id)).map((r) => r.periodStart)).toEqual(['2026-11-30T13:00:00.000Z']);

    const daily = await subscribed(createMemoryStore());
    const other = createMemoryStore();
    await other.saveSubscription(daily);
    const late = recorder();
    const s2 = createScheduler({ store: other, kb, deliver: { slack: late.deliver }, replicaId: 'r1', graceHours: 6 });
    expect((await s2.runDuePass(new Date(DUE.getTime() + 6 * 3_600_000 + 1000))).posted).toBe(0);
    expect(await other.listRuns(daily.id)).toEqual([]);
  });

  it.each([
    ['spring forward', '2026-03-28T12:00:00Z', ['2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z']],
    ['fall back', '2026-10-24T12:00:00Z', ['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']],
  ])(
    'polling every 5 minutes across the %s day posts 02:30 Europe/Berlin once a day',
    async (_name, from, expected) => {
      const store = createMemoryStore();
      const sub = await subscribed(store, {
        cron: '30 2 * * *',
        kind: 'weekly',
        label: 'daily 02:30 as a brief',
        createdAt: '2026-01-01T00:00:00.000Z',
      });
      const slack = recorder();
      const scheduler = createScheduler({ store, kb, deliver: { slack: slack.deliver }, replicaId: 'r1' });
      for (let t = Date.parse(from); t <= Date.parse(from) + 2 * 86_400_000; t += 5 * 60_000) {
        await scheduler.runDuePass(new Date(t));
      }
      expect((await store.listRuns(sub.id)).map((r) => [r.periodStart, r.status])).toEqual(
        expected.map((p) => [p, 'posted']),
      );
      expect(slack.posts).toHaveLength(2);
    },
  );

  it('records removal errors, pauses after three in a row, and says so', async () => {
    const store = createMemoryStore();
    const sub = await subscribed(store);
    const slack = recorder(() => ({ ok: false, error: 'not_in_channel', permanent: true }));
    const scheduler = createScheduler({ store, kb, deliver: { slack: slack.deliver }, replicaId: 'r1' });
    for (let day = 0; day < 5; day++) await scheduler.runDuePass(new Date(DUE.getTime() + day * 86_400_000));
    expect(slack.calls()).toBe(3);
    const after = await store.getSubscription(sub.id);
    expect(after).toMatchObject({ lastError: 'not_in_channel', consecutiveFailures: 3, paused: true });
    expect(after?.lastErrorAt).toBe(new Date(DUE.getTime() + 2 * 86_400_000).toISOString());
    expect(await store.getRun(sub.id, DUE.toISOString())).toMatchObject({ status: 'failed', error: 'not_in_channel' });
  });

  it('retries a rate-limited post after Retry-After and posts once', async () => {
    const store = createMemoryStore();
    await subscribed(store);
    const waits: number[] = [];
    const slack = recorder((_sub, n) =>
      n === 1 ? { ok: false, error: 'ratelimited', permanent: false, retryAfterMs: 1500 } : { ok: true },
    );
    const scheduler = createScheduler({
      store,
      kb,
      deliver: { slack: slack.deliver },
      replicaId: 'r1',
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect((await scheduler.runDuePass(DUE)).posted).toBe(1);
    expect(waits).toEqual([1500]);
    expect(slack.calls()).toBe(2);
  });

  it('keeps going when one platform has no deliverer or a deliverer throws', async () => {
    const store = createMemoryStore();
    await subscribed(store, { platform: 'teams', workspace: '', conversation: '19:x@thread.tacv2' });
    const ok = await subscribed(store, { conversation: 'C0OK' });
    const slack = recorder();
    const scheduler = createScheduler({ store, kb, deliver: { slack: slack.deliver }, replicaId: 'r1' });
    expect(await scheduler.runDuePass(DUE)).toMatchObject({ posted: 1, errors: 0 });
    expect(slack.posts.map((p) => p.subscription)).toEqual([ok.id]);
    const throwing = createScheduler({
      store,
      kb,
      deliver: {
        teams: async () => {
          throw new Error('connection reset');
        },
      },
      replicaId: 'r2',
      maxAttempts: 1,
    });
    expect(await throwing.runDuePass(DUE)).toMatchObject({ failed: 1, errors: 0 });
  });

  it('start() polls with the injected clock and stop() waits for the pass', async () => {
    const store = createMemoryStore();
    await subscribed(store);
    const slack = recorder();
    let ticks = 0;
    const scheduler = createScheduler({
      store,
      kb,
      deliver: { slack: slack.deliver },
      replicaId: 'r1',
      pollSeconds: 0.01,
      now: () => {
        ticks += 1;
        return DUE;
      },
    });
    scheduler.start();
    while (ticks < 4) await new Promise((r) => setTimeout(r, 5));
    await scheduler.stop();
    const after = ticks;
    await new Promise((r) => setTimeout(r, 50));
    expect(ticks).toBe(after);
    expect(slack.posts).toHaveLength(1);
  });
});
