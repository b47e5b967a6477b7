/**
 * The digest scheduler every replica runs. A pass looks at every subscription, finds the period due at `now`, claims
 * it in the store's ledger (exactly one replica wins), builds the digest, delivers it through the platform's
 * `Deliver`, and records the outcome right after the platform answers. A claim left by a crashed replica is taken
 * over once it is older than `claimTimeoutMs`.
 *
 * @example
 * const scheduler = createScheduler({ store, kb: () => kb, deliver: { slack }, replicaId: 'web-1' });
 * await scheduler.runDuePass(new Date('2026-11-30T08:00:00Z'));
 */
import type { Answer } from '../core/answer.js';
import { buildDigest } from '../core/digest.js';
import { factHashes } from '../core/fact-hashes.js';
import type { KnowledgeBase } from '../core/knowledge-base.js';
import { type Logger, silentLogger } from '../logger.js';
import type { Platform, Store, Subscription } from '../store/store.js';
import type { Deliver, DeliveryResult } from './deliver.js';
import { knowledgeChanges, withKnowledgeChanges } from './kb-changes.js';
import { duePeriod } from './schedule.js';

/** Consecutive delivery failures after which a subscription pauses. */
export const MAX_CONSECUTIVE_FAILURES = 3;

export interface SchedulerOptions {
  store: Store;
  /** the knowledge base, or a function returning the current one (read once per pass) */
  kb: KnowledgeBase | (() => KnowledgeBase);
  deliver: Partial<Record<Platform, Deliver>>;
  /** names this replica in the ledger */
  replicaId: string;
  log?: Logger;
  /** the clock for `start()`; default the system clock */
  now?: () => Date;
  /** a claim older than this is taken over (default 5 minutes) */
  claimTimeoutMs?: number;
  /** a period missed by up to this many hours is still posted, once (default 6) */
  graceHours?: number;
  /** seconds between passes for `start()` (default 30) */
  pollSeconds?: number;
  /** delivery attempts for rate-limited posts (default 3) */
  maxAttempts?: number;
  /** the longest wait honoured from a Retry-After (default 30 s) */
  maxRetryWaitMs?: number;
  /** how many subscriptions are handled at once in a pass (default 8) */
  concurrency?: number;
  /** waits between retries; injectable for tests */
  sleep?: (ms: number) => Promise<void>;
}

export type SubscriptionOutcome =
  | 'posted'
  | 'silent'
  | 'failed'
  | 'paused'
  | 'not-due'
  | 'already-done'
  | 'claimed-elsewhere'
  | 'no-deliverer';

export interface PassSummary {
  now: string;
  subscriptions: number;
  posted: number;
  silent: number;
  failed: number;
  /** periods this replica took over from a stale claim */
  tookOver: number;
  claimedElsewhere: number;
  /** unexpected errors (store or builder); the pass goes on with the next subscription */
  errors: number;
}

export interface Scheduler {
  /** one pass at `now`; never throws for a single subscription's problem */
  runDuePass(now?: Date): Promise<PassSummary>;
  /** polls every `pollSeconds` (timers are unref'd; passes never overlap) */
  start(): void;
  /** stops polling and waits for a running pass */
  stop(): Promise<void>;
}

/** Parsed `Subscription.state`. */
export interface DigestState {
  hashes?: Record<string, string>;
  rotation?: number;
  /** the ids of the incidents loaded at the last post (for "incidents added / removed") */
  incidents?: string[];
}

/** Reads a subscription's scheduler state, tolerating an empty or damaged value. */
export function readState(sub: Subscription): DigestState {
  if (!sub.state) return {};
  try {
    const parsed = JSON.parse(sub.state) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as DigestState) : {};
  } catch {
    return {};
  }
}

// not unref'd: a pass waiting out a Retry-After must keep `digest run-due` alive until it finishes
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { store, replicaId } = options;
  const log = options.log ?? silentLogger;
  const clock = options.now ?? (() => new Date());
  const claimTimeoutMs = options.claimTimeoutMs ?? 5 * 60_000;
  const graceHours = options.graceHours ?? 6;
  const maxAttempts = options.maxAttempts ?? 3;
  const maxRetryWaitMs = options.maxRetryWaitMs ?? 30_000;
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const sleep = options.sleep ?? defaultSleep;
  const currentKb = typeof options.kb === 'function' ? options.kb : () => options.kb as KnowledgeBase;

  async function deliverWithRetry(deliver: Deliver, sub: Subscription, answer: Answer): Promise<DeliveryResult> {
    let result: DeliveryResult = { ok: false, error: 'not attempted', permanent: false };
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        result = await deliver(sub, answer);
      } catch (error) {
        result = { ok: false, error: error instanceof Error ? error.message : String(error), permanent: false };
      }
      if (result.ok || result.permanent || result.retryAfterMs === undefined || attempt === maxAttempts) return result;
      log.info('digest rate-limited, retrying', { subscription: sub.id, retryAfterMs: result.retryAfterMs, attempt });
      await sleep(Math.min(Math.max(result.retryAfterMs, 0), maxRetryWaitMs));
    }
    return result;
  }

  async function claim(sub: Subscription, period: string, now: Date): Promise<'claimed' | 'took-over' | undefined> {
    const nowIso = now.toISOString();
    if (await store.claimPeriod(sub.id, period, replicaId, nowIso)) return 'claimed';
    const run = await store.getRun(sub.id, period);
    if (run?.status !== 'claimed' || Date.parse(run.claimedAt) >= now.getTime() - claimTimeoutMs) return undefined;
    const staleBefore = new Date(now.getTime() - claimTimeoutMs).toISOString();
    if (await store.takeOverStaleClaim(sub.id, period, replicaId, staleBefore, nowIso)) {
      log.warn('took over a stale digest claim', { subscription: sub.id, period, from: run.claimedBy });
      return 'took-over';
    }
    return undefined;
  }

  async function handle(
    listed: Subscription,
    now: Date,
    kb: KnowledgeBase,
    summary: PassSummary,
    due: (sub: Subscription) => string | undefined,
  ) {
    if (listed.paused) return 'paused';
    const deliver = options.deliver[listed.platform];
    if (!deliver) return 'no-deliverer';
    const period = due(listed);
    if (!period) return 'not-due';
    if (listed.lastPostedPeriod && listed.lastPostedPeriod >= period) return 'already-done';
    const claimed = await claim(listed, period, now);
    if (!claimed) return 'claimed-elsewhere';
    if (claimed === 'took-over') summary.tookOver += 1;

    const nowIso = now.toISOString();
    const sub = await store.getSubscription(listed.id);
    if (!sub || sub.paused) {
      await store.finishPeriod(listed.id, period, 'skipped', nowIso, sub ? 'paused' : 'unsubscribed');
      return 'paused';
    }
    const state = readState(sub);
    const built = buildDigest(kb, {
      incident: sub.incident,
      since: sub.lastPostedAt,
      now,
      previousHashes: state.hashes,
      kind: sub.kind,
      rotation: state.rotation ?? 0,
      timeZone: sub.timeZone,
    });
    if (!built) {
      await store.finishPeriod(sub.id, period, 'skipped', nowIso);
      return 'silent';
    }
    // a knowledge base reloaded or deployed since the last post: say what changed, first
    const changes = knowledgeChanges(kb, sub.incident, state, sub.lastKbVersion);
    const answer = changes ? withKnowledgeChanges(built, changes, sub.incident) : built;
    const result = await deliverWithRetry(deliver, sub, answer);
    const at = nowIso;
    if (result.ok) {
      await store.finishPeriod(sub.id, period, 'posted', at);
      const incident = kb.incident(sub.incident);
      await store.updateSubscription(sub.id, {
        lastPostedAt: at,
        lastPostedPeriod: period,
        lastKbVersion: answer.kbVersion,
        consecutiveFailures: 0,
        state: JSON.stringify({
          hashes: incident ? factHashes(incident) : state.hashes,
          rotation: (state.rotation ?? 0) + 1,
          incidents: kb.incidents.map((i) => i.id),
        } satisfies DigestState),
      });
      log.debug('digest posted', { subscription: sub.id, period, platform: sub.platform });
      return 'posted';
    }
    await store.finishPeriod(sub.id, period, 'failed', at, result.error);
    const failures = sub.consecutiveFailures + 1;
    const paused = failures >= MAX_CONSECUTIVE_FAILURES;
    await store.updateSubscription(sub.id, {
      lastError: result.error,
      lastErrorAt: at,
      consecutiveFailures: failures,
      paused,
    });
    log.warn(paused ? 'digest failed; subscription paused' : 'digest failed', {
      subscription: sub.id,
      period,
      platform: sub.platform,
      error: result.error,
      permanent: result.permanent,
      consecutiveFailures: failures,
    });
    return 'failed';
  }

  async function runDuePass(now: Date = clock()): Promise<PassSummary> {
    const kb = currentKb();
    const subs = await store.listSubscriptions();
    const summary: PassSummary = {
      now: now.toISOString(),
      subscriptions: subs.length,
      posted: 0,
      silent: 0,
      failed: 0,
      tookOver: 0,
      claimedElsewhere: 0,
      errors: 0,
    };
    // subscriptions sharing a schedule share its due period: evaluate each schedule once per pass
    const periods = new Map<string, string | undefined>();
    const due = (sub: Subscription) => {
      const key = `${sub.cron}\u0000${sub.timeZone}`;
      if (!periods.has(key)) periods.set(key, duePeriod({ cron: sub.cron, timeZone: sub.timeZone }, now, graceHours));
      const period = periods.get(key);
      return period && Date.parse(period) >= Date.parse(sub.createdAt) ? period : undefined;
    };
    let next = 0;
    const worker = async () => {
      while (next < subs.length) {
        const sub = subs[next++] as Subscription;
        try {
          const outcome = await handle(sub, now, kb, summary, due);
          if (outcome === 'posted') summary.posted += 1;
          else if (outcome === 'silent') summary.silent += 1;
          else if (outcome === 'failed') summary.failed += 1;
          else if (outcome === 'claimed-elsewhere') summary.claimedElsewhere += 1;
        } catch (error) {
          summary.errors += 1;
          log.error('digest pass error', { subscription: sub.id, error });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, subs.length) }, worker));
    if (summary.posted + summary.failed + summary.errors + summary.tookOver > 0)
      log.info('digest pass', { ...summary });
    return summary;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;
  const tick = () => {
    timer = undefined;
    running = runDuePass(clock())
      .catch((error: unknown) => log.error('digest pass failed', { error }))
      .finally(() => {
        running = undefined;
        if (!stopped) schedule();
      });
  };
  const schedule = () => {
    timer = setTimeout(tick, (options.pollSeconds ?? 30) * 1000);
    timer.unref();
  };

  return {
    runDuePass,
    start() {
      if (!stopped) return;
      stopped = false;
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
