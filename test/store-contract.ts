/**
 * The contract every `Store` implementation must pass (memory, SQLite, PostgreSQL). Call it from a test file:
 *
 * @example
 * defineStoreContract('memory', async () => ({ store: createMemoryStore() }));
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedbackEntry, QuestionLogEntry, QuestionLogLimits, Store, Subscription } from '../src/store/store.js';

export interface StoreUnderTest {
  store: Store;
  /** opens a second store on the same data (a restart), when the implementation persists */
  reopen?: () => Promise<Store>;
  cleanup?: () => Promise<void>;
}

let seq = 0;
/** A subscription with obviously fake ids; override any field. */
export function makeSubscription(overrides: Partial<Subscription> = {}): Subscription {
  seq += 1;
  return {
    id: `sub-${seq}-${Math.random().toString(36).slice(2, 8)}`,
    platform: 'slack',
    workspace: 'T000TEST',
    conversation: 'C000TEST',
    incident: 'storm-0558',
    cron: '0 9 * * *',
    timeZone: 'Europe/Berlin',
    label: 'daily 09:00 Europe/Berlin',
    kind: 'daily',
    createdAt: '2026-01-05T08:00:00.000Z',
    consecutiveFailures: 0,
    paused: false,
    ...overrides,
  };
}

/** What a contract test may ask of the store it gets. */
export interface StoreSetup {
  questionLog?: QuestionLogLimits;
}

/** Defines the store contract suite for one implementation. */
export function defineStoreContract(name: string, makeStore: (setup: StoreSetup) => Promise<StoreUnderTest>): void {
  describe(`Store contract: ${name}`, () => {
    const opened: StoreUnderTest[] = [];
    const extra: Store[] = [];
    const setup = async (options: StoreSetup = {}) => {
      const s = await makeStore(options);
      await s.store.migrate();
      opened.push(s);
      return s;
    };
    afterEach(async () => {
      for (const s of extra.splice(0)) await s.close().catch(() => undefined);
      for (const s of opened.splice(0)) {
        await s.store.close().catch(() => undefined);
        await s.cleanup?.();
      }
    });

    it('migrate is safe to call twice and ping answers', async () => {
      const { store } = await setup();
      await store.migrate();
      await expect(store.ping()).resolves.toBeUndefined();
    });

    describe('subscriptions', () => {
      it('saves and reads a subscription back unchanged', async () => {
        const { store } = await setup();
        const sub = makeSubscription({ createdBy: 'U000TEST', state: '{"a":1}' });
        await store.saveSubscription(sub);
        expect(await store.getSubscription(sub.id)).toEqual(sub);
        expect(await store.getSubscription('missing')).toBeUndefined();
      });

      it('replaces the subscription of the same conversation and incident', async () => {
        const { store } = await setup();
        const first = makeSubscription();
        const second = makeSubscription({ cron: '0 10 * * 1', kind: 'weekly', label: 'weekly monday 10:00' });
        await store.saveSubscription(first);
        await store.saveSubscription(second);
        const found = await store.findSubscriptions({
          platform: 'slack',
          workspace: 'T000TEST',
          conversation: 'C000TEST',
        });
        expect(found.map((s) => s.id)).toEqual([second.id]);
        expect(await store.getSubscription(first.id)).toBeUndefined();
      });

      it('keeps subscriptions of other incidents and conversations apart', async () => {
        const { store } = await setup();
        const a = makeSubscription();
        const b = makeSubscription({ incident: 'capital-one' });
        const c = makeSubscription({ conversation: 'C000OTHER' });
        const d = makeSubscription({ platform: 'teams', workspace: '', conversation: '19:abc@thread.tacv2' });
        for (const s of [a, b, c, d]) await store.saveSubscription(s);
        const here = await store.findSubscriptions({
          platform: 'slack',
          workspace: 'T000TEST',
          conversation: 'C000TEST',
        });
        expect(here.map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
        expect((await store.listSubscriptions()).map((s) => s.id).sort()).toEqual([a.id, b.id, c.id, d.id].sort());
      });

      it('updates fields with a patch and deletes once', async () => {
        const { store } = await setup();
        const sub = makeSubscription();
        await store.saveSubscription(sub);
        await store.updateSubscription(sub.id, { consecutiveFailures: 2, lastError: 'not_in_channel', paused: true });
        expect(await store.getSubscription(sub.id)).toEqual({
          ...sub,
          consecutiveFailures: 2,
          lastError: 'not_in_channel',
          paused: true,
        });
        expect(await store.deleteSubscription(sub.id)).toBe(true);
        expect(await store.deleteSubscription(sub.id)).toBe(false);
        expect(await store.getSubscription(sub.id)).toBeUndefined();
      });
    });

    describe('digest ledger', () => {
      const period = '2026-11-30T08:00:00.000Z';

      it('claims a period exactly once', async () => {
        const { store } = await setup();
        expect(await store.claimPeriod('s1', period, 'replica-a', '2026-11-30T08:00:05.000Z')).toBe(true);
        expect(await store.claimPeriod('s1', period, 'replica-b', '2026-11-30T08:00:06.000Z')).toBe(false);
        expect(await store.claimPeriod('s1', '2026-12-01T08:00:00.000Z', 'replica-b', '2026-12-01T08:00:01.000Z')).toBe(
          true,
        );
        const run = await store.getRun('s1', period);
        expect(run).toMatchObject({
          subscriptionId: 's1',
          periodStart: period,
          claimedBy: 'replica-a',
          status: 'claimed',
        });
      });

      it('gives a period to exactly one of 20 racing claims', async () => {
        const { store } = await setup();
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => store.claimPeriod('s-race', period, `replica-${i}`, period)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = results.indexOf(true);
        expect((await store.getRun('s-race', period))?.claimedBy).toBe(`replica-${winner}`);
      });

      it('lets exactly one caller take over a stale claim, and none a fresh or finished one', async () => {
        const { store } = await setup();
        await store.claimPeriod('s2', period, 'crashed', '2026-11-30T08:00:00.000Z');
        const staleBefore = '2026-11-30T08:05:00.000Z';
        const tries = await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            store.takeOverStaleClaim('s2', period, `replica-${i}`, staleBefore, '2026-11-30T08:10:00.000Z'),
          ),
        );
        expect(tries.filter(Boolean)).toHaveLength(1);
        expect(await store.takeOverStaleClaim('s2', period, 'late', staleBefore, '2026-11-30T08:11:00.000Z')).toBe(
          false,
        );
        await store.claimPeriod('s3', period, 'alive', '2026-11-30T08:04:00.000Z');
        expect(await store.takeOverStaleClaim('s3', period, 'other', '2026-11-30T08:03:00.000Z', period)).toBe(false);
        await store.finishPeriod('s3', period, 'posted', '2026-11-30T08:04:30.000Z');
        expect(await store.takeOverStaleClaim('s3', period, 'other', '2026-11-30T09:00:00.000Z', period)).toBe(false);
        expect(await store.takeOverStaleClaim('missing', period, 'other', '2026-11-30T09:00:00.000Z', period)).toBe(
          false,
        );
      });

      it('records how a period finished and lists runs in period order', async () => {
        const { store } = await setup();
        const later = '2026-12-01T08:00:00.000Z';
        await store.claimPeriod('s4', later, 'a', later);
        await store.claimPeriod('s4', period, 'a', period);
        await store.finishPeriod('s4', period, 'posted', '2026-11-30T08:00:02.000Z');
        await store.finishPeriod('s4', later, 'failed', '2026-12-01T08:00:02.000Z', 'not_in_channel');
        expect(await store.getRun('s4', period)).toMatchObject({
          status: 'posted',
          postedAt: '2026-11-30T08:00:02.000Z',
        });
        const failed = await store.getRun('s4', later);
        expect(failed).toMatchObject({ status: 'failed', error: 'not_in_channel' });
        expect(failed?.postedAt).toBeUndefined();
        expect((await store.listRuns('s4')).map((r) => r.periodStart)).toEqual([period, later]);
        expect(await store.listRuns('nobody')).toEqual([]);
      });
    });

    describe('Teams conversation references', () => {
      it('saves, replaces and marks a reference removed', async () => {
        const { store } = await setup();
        const record = {
          conversationId: '19:abc@thread.tacv2',
          tenantId: 'tenant-1',
          reference: JSON.stringify({ serviceUrl: 'http://127.0.0.1:1/teams/' }),
          removed: false,
          updatedAt: '2026-11-30T08:00:00.000Z',
        };
        await store.saveConversationReference(record);
        expect(await store.getConversationReference(record.conversationId)).toEqual(record);
        const newer = { ...record, reference: '{"v":2}', updatedAt: '2026-11-30T09:00:00.000Z' };
        await store.saveConversationReference(newer);
        expect(await store.getConversationReference(record.conversationId)).toEqual(newer);
        await store.markConversationRemoved(record.conversationId, '2026-11-30T10:00:00.000Z');
        expect(await store.getConversationReference(record.conversationId)).toEqual({
          ...newer,
          removed: true,
          updatedAt: '2026-11-30T10:00:00.000Z',
        });
        expect(await store.getConversationReference('missing')).toBeUndefined();
      });
    });

    describe('Slack event ids', () => {
      it('reports an event id as new once, then as seen', async () => {
        const { store } = await setup();
        const at = '2026-11-30T08:00:00.000Z';
        expect(await store.markEventSeen('Ev0001', at)).toBe(true);
        expect(await store.markEventSeen('Ev0001', at)).toBe(false);
        expect(await store.markEventSeen('Ev0002', at)).toBe(true);
        const racing = await Promise.all(Array.from({ length: 10 }, () => store.markEventSeen('Ev0003', at)));
        expect(racing.filter(Boolean)).toHaveLength(1);
      });

      it('remembers seen event ids across a reopen of the same data', async (ctx) => {
        const under = await setup();
        if (!under.reopen) ctx.skip();
        expect(await under.store.markEventSeen('EvRestart', '2026-11-30T08:00:00.000Z')).toBe(true);
        await under.store.close();
        const again = await (under.reopen as () => Promise<Store>)();
        extra.push(again);
        await again.migrate();
        expect(await again.markEventSeen('EvRestart', '2026-11-30T08:01:00.000Z')).toBe(false);
      });
    });

    describe('question log', () => {
      const ask = (store: Store, text: string, at: string, more: Partial<QuestionLogEntry> = {}) =>
        store.logQuestion({ text, platform: 'slack', at, reason: 'unanswered', kind: 'none', ...more });

      it('counts the same question once, however it is cased, spaced or punctuated, with first and last seen', async () => {
        const { store } = await setup();
        await ask(store, 'Who was behind it?', '2026-11-30T08:01:00.000Z');
        await ask(store, '  who   was BEHIND it ', '2026-11-30T08:02:00.000Z', { platform: 'teams', kind: 'clarify' });
        await ask(store, 'who was behind it??', '2026-11-30T08:03:00.000Z', { platform: 'web' });
        await ask(store, 'something else', '2026-11-30T08:04:00.000Z');
        const listed = await store.listQuestions();
        expect(listed).toEqual([
          {
            text: 'something else',
            reason: 'unanswered',
            kind: 'none',
            platform: 'slack',
            platforms: ['slack'],
            count: 1,
            firstSeen: '2026-11-30T08:04:00.000Z',
            lastSeen: '2026-11-30T08:04:00.000Z',
          },
          {
            text: 'who was behind it??',
            reason: 'unanswered',
            kind: 'none',
            platform: 'web',
            platforms: ['slack', 'teams', 'web'],
            count: 3,
            firstSeen: '2026-11-30T08:01:00.000Z',
            lastSeen: '2026-11-30T08:03:00.000Z',
          },
        ]);
      });

      it('keeps unanswered and down-voted askings of one question apart', async () => {
        const { store } = await setup();
        await ask(store, 'how long did it last', '2026-11-30T08:01:00.000Z');
        await ask(store, 'how long did it last', '2026-11-30T08:02:00.000Z', { reason: 'downvoted', kind: undefined });
        const listed = await store.listQuestions();
        expect(listed.map((q) => [q.reason, q.count])).toEqual([
          ['downvoted', 1],
          ['unanswered', 1],
        ]);
        expect(listed[0]?.kind).toBeUndefined();
      });

      it('lists the most recently asked first, since an instant and limited', async () => {
        const { store } = await setup();
        for (let i = 1; i <= 5; i++) await ask(store, `question ${i}`, `2026-11-30T08:0${i}:00.000Z`);
        await ask(store, 'question 2', '2026-11-30T08:06:00.000Z');
        expect((await store.listQuestions({ limit: 3 })).map((q) => q.text)).toEqual([
          'question 2',
          'question 5',
          'question 4',
        ]);
        const since = await store.listQuestions({ since: '2026-11-30T08:04:00.000Z' });
        expect(since.map((q) => q.text)).toEqual(['question 2', 'question 5', 'question 4']);
        expect(await store.listQuestions({ since: '2026-12-01T00:00:00.000Z' })).toEqual([]);
      });

      it('caps the log at maxEntries, dropping the least recently asked', async () => {
        const { store } = await setup({ questionLog: { maxEntries: 3, retentionDays: 90 } });
        for (let i = 1; i <= 5; i++) await ask(store, `question ${i}`, `2026-11-30T08:0${i}:00.000Z`);
        await ask(store, 'question 3', '2026-11-30T08:06:00.000Z');
        await ask(store, 'question 6', '2026-11-30T08:07:00.000Z');
        expect((await store.listQuestions()).map((q) => q.text)).toEqual(['question 6', 'question 3', 'question 5']);
      });

      it('forgets questions not asked within retentionDays of a new one', async () => {
        const { store } = await setup({ questionLog: { maxEntries: 100, retentionDays: 30 } });
        await ask(store, 'old question', '2026-09-01T08:00:00.000Z');
        await ask(store, 'recent question', '2026-11-15T08:00:00.000Z');
        await ask(store, 'new question', '2026-11-30T08:00:00.000Z');
        expect((await store.listQuestions()).map((q) => q.text)).toEqual(['new question', 'recent question']);
      });

      it('purges the questions last asked before an instant, or all of them', async () => {
        const { store } = await setup();
        await ask(store, 'first', '2026-11-30T08:01:00.000Z');
        await ask(store, 'second', '2026-11-30T08:02:00.000Z');
        await ask(store, 'third', '2026-11-30T08:03:00.000Z');
        expect(await store.purgeQuestions({ before: '2026-11-30T08:02:00.000Z' })).toBe(1);
        expect((await store.listQuestions()).map((q) => q.text)).toEqual(['third', 'second']);
        expect(await store.purgeQuestions()).toBe(2);
        expect(await store.listQuestions()).toEqual([]);
      });

      it('keeps questions across a reopen of the same data', async (ctx) => {
        const under = await setup();
        if (!under.reopen) ctx.skip();
        await ask(under.store, 'persisted question', '2026-11-30T08:00:00.000Z');
        await under.store.close();
        const again = await (under.reopen as () => Promise<Store>)();
        extra.push(again);
        await again.migrate();
        await ask(again, 'Persisted question?', '2026-11-30T08:05:00.000Z');
        expect((await again.listQuestions()).map((q) => [q.text, q.count])).toEqual([['Persisted question?', 2]]);
      });
    });

    describe('feedback', () => {
      const vote = (overrides: Partial<FeedbackEntry> = {}): FeedbackEntry => ({
        voteKey: `vk-${Math.random().toString(36).slice(2, 10)}`,
        surface: 'slack',
        question: 'when did it start',
        incident: 'storm-0558',
        factIds: ['tl-2023-05-15', 'kd-start'],
        vote: 'down',
        at: '2026-11-30T08:00:00.000Z',
        ...overrides,
      });

      it('stores a vote with its question, fact ids, incident, surface and time, and never the vote key', async () => {
        const { store } = await setup();
        const entry = vote();
        expect(await store.recordFeedback(entry)).toBe(true);
        const listed = await store.listFeedback();
        expect(listed).toEqual([
          {
            question: 'when did it start',
            incident: 'storm-0558',
            factIds: ['tl-2023-05-15', 'kd-start'],
            surface: 'slack',
            vote: 'down',
            at: '2026-11-30T08:00:00.000Z',
          },
        ]);
        expect(JSON.stringify(listed)).not.toContain(entry.voteKey);
      });

      it('counts one vote per vote key: a second one, even the other way, is refused and changes nothing', async () => {
        const { store } = await setup();
        const first = vote({ voteKey: 'same-key', vote: 'up' });
        expect(await store.recordFeedback(first)).toBe(true);
        expect(await store.recordFeedback({ ...first, vote: 'down', at: '2026-11-30T08:05:00.000Z' })).toBe(false);
        const racing = await Promise.all(
          Array.from({ length: 8 }, () => store.recordFeedback(vote({ voteKey: 'raced-key' }))),
        );
        expect(racing.filter(Boolean)).toHaveLength(1);
        expect((await store.listFeedback()).map((v) => v.vote).sort()).toEqual(['down', 'up']);
      });

      it('keeps an answer without incident or facts', async () => {
        const { store } = await setup();
        await store.recordFeedback(vote({ incident: null, factIds: [], surface: 'web' }));
        expect(await store.listFeedback()).toMatchObject([{ incident: null, factIds: [], surface: 'web' }]);
      });

      it('lists the newest first, since an instant and limited', async () => {
        const { store } = await setup();
        for (let i = 1; i <= 4; i++)
          await store.recordFeedback(vote({ question: `q${i}`, at: `2026-11-30T08:0${i}:00.000Z` }));
        expect((await store.listFeedback({ limit: 2 })).map((v) => v.question)).toEqual(['q4', 'q3']);
        expect((await store.listFeedback({ since: '2026-11-30T08:03:00.000Z' })).map((v) => v.question)).toEqual([
          'q4',
          'q3',
        ]);
      });

      it('forgets votes older than retentionDays before a new one', async () => {
        const { store } = await setup({ questionLog: { maxEntries: 100, retentionDays: 30 } });
        await store.recordFeedback(vote({ question: 'old', at: '2026-09-01T08:00:00.000Z' }));
        await store.recordFeedback(vote({ question: 'new', at: '2026-11-30T08:00:00.000Z' }));
        expect((await store.listFeedback()).map((v) => v.question)).toEqual(['new']);
      });

      it('purges the votes cast before an instant, or all of them', async () => {
        const { store } = await setup();
        for (let i = 1; i <= 3; i++) {
          await store.recordFeedback(
            vote({ voteKey: `purge-${i}`, question: `q${i}`, at: `2026-11-30T08:0${i}:00.000Z` }),
          );
        }
        expect(await store.purgeFeedback({ before: '2026-11-30T08:02:00.000Z' })).toBe(1);
        expect((await store.listFeedback()).map((v) => v.question)).toEqual(['q3', 'q2']);
        expect(await store.purgeFeedback()).toBe(2);
        expect(await store.listFeedback()).toEqual([]);
        expect(await store.recordFeedback(vote({ voteKey: 'purge-1' }))).toBe(true);
      });

      it('keeps votes and refuses their keys again after a reopen of the same data', async (ctx) => {
        const under = await setup();
        if (!under.reopen) ctx.skip();
        await under.store.recordFeedback(vote({ voteKey: 'persisted-key' }));
        await under.store.close();
        const again = await (under.reopen as () => Promise<Store>)();
        extra.push(again);
        await again.migrate();
        expect(await again.recordFeedback(vote({ voteKey: 'persisted-key' }))).toBe(false);
        expect(await again.listFeedback()).toHaveLength(1);
      });
    });

    describe('shared secrets', () => {
      it('stores the first value made and returns it to every later caller', async () => {
        const { store } = await setup();
        const first = await store.sharedSecret('feedback', () => 'first-value');
        expect(first).toBe('first-value');
        expect(await store.sharedSecret('feedback', () => 'second-value')).toBe('first-value');
        expect(await store.sharedSecret('other', () => 'other-value')).toBe('other-value');
      });

      it('gives racing callers one value, kept across a reopen', async () => {
        const under = await setup();
        const values = await Promise.all(
          Array.from({ length: 6 }, (_, i) => under.store.sharedSecret('raced', () => `value-${i}`)),
        );
        expect(new Set(values).size).toBe(1);
        if (!under.reopen) return;
        await under.store.close();
        const again = await (under.reopen as () => Promise<Store>)();
        extra.push(again);
        expect(await again.sharedSecret('raced', () => 'later')).toBe(values[0]);
      });
    });
  });
}
