/**
 * An in-memory `Store` for unit tests and library use. Same semantics as the SQLite and PostgreSQL stores (it
 * passes `test/store-contract.ts`); nothing survives the process.
 *
 * @example
 * const store = createMemoryStore();
 * await store.markEventSeen('Ev1', new Date().toISOString()); // true
 */
import { DEFAULT_LIST_LIMIT, DEFAULT_QUESTION_LOG_LIMITS, questionLogKey, retentionCutoff } from './question-log.js';
import type {
  ConversationReferenceRecord,
  DigestRun,
  FeedbackRecord,
  LoggedQuestion,
  QuestionLogLimits,
  Store,
  Subscription,
} from './store.js';

const runKey = (subscriptionId: string, periodStart: string) => `${subscriptionId}\u0000${periodStart}`;
const sameTarget = (a: Subscription, b: Subscription) =>
  a.platform === b.platform &&
  a.workspace === b.workspace &&
  a.conversation === b.conversation &&
  a.incident === b.incident;

export interface MemoryStoreOptions {
  questionLog?: QuestionLogLimits;
}

/** Creates an empty in-memory store. */
export function createMemoryStore(options: MemoryStoreOptions = {}): Store {
  const limits = options.questionLog ?? DEFAULT_QUESTION_LOG_LIMITS;
  const subscriptions = new Map<string, Subscription>();
  const runs = new Map<string, DigestRun>();
  const references = new Map<string, ConversationReferenceRecord>();
  const events = new Set<string>();
  /** keyed by reason and question key; `created` orders entries last asked at the same instant, as SQL's row id */
  const questions = new Map<string, LoggedQuestion & { created: number }>();
  let created = 0;
  /** votes by vote key, in the order they were cast */
  const votes = new Map<string, FeedbackRecord & { created: number }>();
  const secrets = new Map<string, string>();
  const byRecency = () =>
    [...questions.entries()].sort(([, a], [, b]) => b.lastSeen.localeCompare(a.lastSeen) || b.created - a.created);
  let closed = false;
  const open = () => {
    if (closed) throw new Error('store is closed');
  };

  return {
    async migrate() {},
    async ping() {
      open();
    },
    async close() {
      closed = true;
    },

    async saveSubscription(sub) {
      open();
      for (const [id, existing] of subscriptions) {
        if (id !== sub.id && sameTarget(existing, sub)) subscriptions.delete(id);
      }
      subscriptions.set(sub.id, structuredClone(sub));
    },
    async getSubscription(id) {
      const sub = subscriptions.get(id);
      return sub ? structuredClone(sub) : undefined;
    },
    async findSubscriptions(key) {
      return [...subscriptions.values()]
        .filter(
          (s) => s.platform === key.platform && s.workspace === key.workspace && s.conversation === key.conversation,
        )
        .map((s) => structuredClone(s));
    },
    async listSubscriptions() {
      return [...subscriptions.values()].map((s) => structuredClone(s));
    },
    async deleteSubscription(id) {
      return subscriptions.delete(id);
    },
    async updateSubscription(id, patch) {
      const sub = subscriptions.get(id);
      if (sub) subscriptions.set(id, { ...sub, ...structuredClone(patch), id });
    },

    async claimPeriod(subscriptionId, periodStart, claimedBy, now) {
      open();
      const key = runKey(subscriptionId, periodStart);
      if (runs.has(key)) return false;
      runs.set(key, { subscriptionId, periodStart, claimedBy, claimedAt: now, status: 'claimed' });
      return true;
    },
    async takeOverStaleClaim(subscriptionId, periodStart, claimedBy, staleBefore, now) {
      const run = runs.get(runKey(subscriptionId, periodStart));
      if (run?.status !== 'claimed' || !(run.claimedAt < staleBefore)) return false;
      run.claimedBy = claimedBy;
      run.claimedAt = now;
      return true;
    },
    async finishPeriod(subscriptionId, periodStart, status, at, error) {
      const run = runs.get(runKey(subscriptionId, periodStart));
      if (!run) return;
      run.status = status;
      if (status === 'posted') run.postedAt = at;
      if (error !== undefined) run.error = error;
    },
    async getRun(subscriptionId, periodStart) {
      const run = runs.get(runKey(subscriptionId, periodStart));
      return run ? { ...run } : undefined;
    },
    async listRuns(subscriptionId) {
      return [...runs.values()]
        .filter((r) => r.subscriptionId === subscriptionId)
        .sort((a, b) => a.periodStart.localeCompare(b.periodStart))
        .map((r) => ({ ...r }));
    },

    async saveConversationReference(record) {
      references.set(record.conversationId, { ...record });
    },
    async getConversationReference(conversationId) {
      const record = references.get(conversationId);
      return record ? { ...record } : undefined;
    },
    async markConversationRemoved(conversationId, at) {
      const record = references.get(conversationId);
      if (record) references.set(conversationId, { ...record, removed: true, updatedAt: at });
    },

    async markEventSeen(eventId) {
      open();
      if (events.has(eventId)) return false;
      events.add(eventId);
      return true;
    },

    async logQuestion(entry) {
      open();
      const id = `${entry.reason}\u0000${questionLogKey(entry.text)}`;
      const known = questions.get(id);
      const platforms = known ? [...new Set([...known.platforms, entry.platform])] : [entry.platform];
      questions.set(id, {
        text: entry.text,
        reason: entry.reason,
        ...(entry.kind ? { kind: entry.kind } : {}),
        platform: entry.platform,
        platforms,
        count: (known?.count ?? 0) + 1,
        firstSeen: known && known.firstSeen < entry.at ? known.firstSeen : entry.at,
        lastSeen: known && known.lastSeen > entry.at ? known.lastSeen : entry.at,
        created: known?.created ?? ++created,
      });
      const cutoff = retentionCutoff(entry.at, limits.retentionDays);
      for (const [key, q] of questions) if (q.lastSeen < cutoff) questions.delete(key);
      for (const [key] of byRecency().slice(limits.maxEntries)) questions.delete(key);
    },
    async listQuestions(options = {}) {
      open();
      return byRecency()
        .map(([, q]) => q)
        .filter((q) => options.since === undefined || q.lastSeen >= options.since)
        .slice(0, Math.max(0, options.limit ?? DEFAULT_LIST_LIMIT))
        .map(({ created: _created, ...q }) => ({ ...q, platforms: [...q.platforms] }));
    },
    async purgeQuestions(options = {}) {
      open();
      let removed = 0;
      for (const [key, q] of questions) {
        if (options.before !== undefined && q.lastSeen >= options.before) continue;
        questions.delete(key);
        removed++;
      }
      return removed;
    },

    async recordFeedback(entry) {
      open();
      if (votes.has(entry.voteKey)) return false;
      const { voteKey, ...record } = entry;
      votes.set(voteKey, { ...record, factIds: [...record.factIds], created: ++created });
      const cutoff = retentionCutoff(entry.at, limits.retentionDays);
      for (const [key, v] of votes) if (v.at < cutoff) votes.delete(key);
      return true;
    },
    async listFeedback(options = {}) {
      open();
      return [...votes.values()]
        .filter((v) => options.since === undefined || v.at >= options.since)
        .sort((a, b) => b.at.localeCompare(a.at) || b.created - a.created)
        .slice(0, Math.max(0, options.limit ?? DEFAULT_LIST_LIMIT))
        .map(({ created: _created, ...v }) => ({ ...v, factIds: [...v.factIds] }));
    },
    async purgeFeedback(options = {}) {
      open();
      let removed = 0;
      for (const [key, v] of votes) {
        if (options.before !== undefined && v.at >= options.before) continue;
        votes.delete(key);
        removed++;
      }
      return removed;
    },
    async sharedSecret(name, make) {
      open();
      let value = secrets.get(name);
      if (value === undefined) {
        value = make();
        secrets.set(name, value);
      }
      return value;
    },
  };
}
