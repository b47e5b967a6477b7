/**
 * Keeps chat answers flowing while the database is down. The calls on the path of an answer fall back instead of
 * failing: Slack event ids are also remembered in memory (a bounded, expiring set) and de-duplicated there while
 * the store cannot be asked; question-log writes are dropped; conversation references are not saved. After a
 * failure the store is left alone for `retryAfterMs` (so each answer does not wait for a timeout), then tried
 * again. Each outage and each recovery is logged once. Everything else (digests, subscriptions, `/readyz`'s
 * ping) goes straight to the store, whose errors stay errors.
 *
 * @example
 * const store = withFallbacks(await createStore(config, log), { log });
 */
import { LRUCache } from 'lru-cache';
import type { Logger } from '../logger.js';
import type { Store } from './store.js';

export interface FallbackOptions {
  log: Logger;
  /** how long the store is left alone after a failure (default 5 s) */
  retryAfterMs?: number;
  /** most Slack event ids remembered in memory (default 10,000) */
  seenCapacity?: number;
  /** how long an event id is remembered in memory (default 1 h; Slack retries within minutes) */
  seenTtlMs?: number;
  /** the clock in milliseconds (default `Date.now`) */
  now?: () => number;
}

/** The store is being left alone after a failure; the call was not attempted. */
export class StoreUnavailableError extends Error {
  constructor() {
    super('the database is unreachable; this was not saved. Check DATABASE_URL and the database, then try again');
    this.name = 'StoreUnavailableError';
  }
}

export function withFallbacks(store: Store, options: FallbackOptions): Store {
  const { log } = options;
  const now = options.now ?? Date.now;
  const retryAfterMs = options.retryAfterMs ?? 5000;
  const seen = new LRUCache<string, true>({
    max: options.seenCapacity ?? 10_000,
    ttl: options.seenTtlMs ?? 3_600_000,
    perf: { now },
  });
  let downUntil = 0;
  let down = false;

  const available = () => now() >= downUntil;
  const failed = (operation: string, error: unknown) => {
    downUntil = now() + retryAfterMs;
    if (down) return;
    down = true;
    log.warn('store unreachable: answering anyway, Slack retries de-duplicated in memory, nothing saved', {
      operation,
      error: error instanceof Error ? error.message : String(error),
    });
  };
  const succeeded = () => {
    if (!down) return;
    down = false;
    log.info('store answers again');
  };
  /** Runs `call` against the store unless it is being left alone; `fallback` on failure. */
  async function guarded<T>(operation: string, call: () => Promise<T>, fallback: () => T): Promise<T> {
    if (!available()) return fallback();
    try {
      const result = await call();
      succeeded();
      return result;
    } catch (error) {
      failed(operation, error);
      return fallback();
    }
  }

  return {
    ...store,
    async markEventSeen(eventId, at) {
      if (seen.has(eventId)) return false;
      const first = await guarded(
        'markEventSeen',
        () => store.markEventSeen(eventId, at),
        () => {
          log.info('slack event de-duplicated in memory (store unreachable)', { eventId });
          return true;
        },
      );
      seen.set(eventId, true);
      return first;
    },
    async logQuestion(entry) {
      await guarded(
        'logQuestion',
        () => store.logQuestion(entry),
        () => log.debug('question not logged (store unreachable)'),
      );
    },
    async saveConversationReference(record) {
      const saved = await guarded(
        'saveConversationReference',
        async () => {
          await store.saveConversationReference(record);
          return true;
        },
        () => false,
      );
      if (!saved) throw new StoreUnavailableError();
    },
  };
}
