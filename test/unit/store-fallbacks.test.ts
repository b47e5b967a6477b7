// The store wrapper that keeps answers flowing while the database is down: it passes the store contract, and with
// a failing store it de-duplicates Slack event ids in memory, drops question-log writes, refuses to pretend a
// conversation reference was saved, leaves the store alone for a while after a failure and notices recovery.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { StoreUnavailableError, withFallbacks } from '../../src/store/fallbacks.js';
import { createMemoryStore } from '../../src/store/memory.js';
import type { Store } from '../../src/store/store.js';
import { defineStoreContract } from '../store-contract.js';

defineStoreContract('memory with fallbacks', async () => ({
  store: withFallbacks(createMemoryStore(), { log: createLogger({ level: 'silent' }) }),
}));

/** A memory store whose every call fails while `broken.on` is true, counting the calls that reached it. */
function breakable(): { store: Store; broken: { on: boolean }; calls: { n: number } } {
  const inner = createMemoryStore();
  const broken = { on: false };
  const calls = { n: 0 };
  const store = Object.fromEntries(
    Object.entries(inner).map(([name, fn]) => [
      name,
      async (...args: unknown[]) => {
        calls.n++;
        if (broken.on) throw new Error('connect ETIMEDOUT 127.0.0.1:5432');
        return (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      },
    ]),
  ) as unknown as Store;
  return { store, broken, calls };
}

function capture() {
  const lines: Array<{ level: string; msg: string }> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, log: createLogger({ level: 'debug', stream }) };
}

describe('withFallbacks while the store fails', () => {
  const at = '2026-11-30T08:00:00.000Z';

  it('de-duplicates Slack event ids in memory and logs the outage once', async () => {
    const { store, broken } = breakable();
    const { lines, log } = capture();
    let clock = 0;
    const wrapped = withFallbacks(store, { log, now: () => clock, retryAfterMs: 5000 });
    broken.on = true;
    expect(await wrapped.markEventSeen('Ev1', at)).toBe(true);
    expect(await wrapped.markEventSeen('Ev1', at)).toBe(false);
    clock += 6000;
    expect(await wrapped.markEventSeen('Ev2', at)).toBe(true);
    expect(await wrapped.markEventSeen('Ev2', at)).toBe(false);
    expect(lines.filter((l) => l.msg.startsWith('store unreachable'))).toHaveLength(1);
    expect(lines.filter((l) => l.msg.startsWith('slack event de-duplicated in memory'))).toHaveLength(2);
  });

  it('leaves the store alone for retryAfterMs after a failure, then tries again and logs recovery', async () => {
    const { store, broken, calls } = breakable();
    const { lines, log } = capture();
    let clock = 0;
    const wrapped = withFallbacks(store, { log, now: () => clock, retryAfterMs: 5000 });
    broken.on = true;
    await wrapped.logQuestion({ text: 'q1', platform: 'slack', at, kind: 'none' });
    const afterFailure = calls.n;
    await wrapped.logQuestion({ text: 'q2', platform: 'slack', at, kind: 'none' });
    await wrapped.markEventSeen('Ev3', at);
    expect(calls.n).toBe(afterFailure);
    broken.on = false;
    clock += 5000;
    await wrapped.logQuestion({ text: 'q3', platform: 'slack', at, kind: 'none' });
    expect(calls.n).toBe(afterFailure + 1);
    expect((await store.listQuestions()).map((q) => q.text)).toEqual(['q3']);
    expect(lines.some((l) => l.msg === 'store answers again')).toBe(true);
    // an id first seen during the outage is still a duplicate once the store is back
    expect(await wrapped.markEventSeen('Ev3', at)).toBe(false);
  });

  it('refuses to pretend a conversation reference was saved', async () => {
    const { store, broken } = breakable();
    const wrapped = withFallbacks(store, { log: createLogger({ level: 'silent' }) });
    broken.on = true;
    const record = { conversationId: 'c', tenantId: 't', reference: '{}', removed: false, updatedAt: at };
    await expect(wrapped.saveConversationReference(record)).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('passes other failures through (a digest command must not think it saved)', async () => {
    const { store, broken } = breakable();
    const wrapped = withFallbacks(store, { log: createLogger({ level: 'silent' }) });
    broken.on = true;
    await expect(wrapped.listSubscriptions()).rejects.toThrow(/ETIMEDOUT/);
    await expect(wrapped.ping()).rejects.toThrow(/ETIMEDOUT/);
  });
});
