/**
 * An in-memory `Store` for unit tests and library use. Same semantics as the SQLite and PostgreSQL stores (it
 * passes `test/store-contract.ts`); nothing survives the process.
 *
 * @example
 * const store = createMemoryStore();
 * await store.markEventSeen('Ev1', new Date().toISOString()); // true
 */
import type { ConversationReferenceRecord, DigestRun, QuestionLogEntry, Store, Subscription } from './store.js';

const runKey = (subscriptionId: string, periodStart: string) => `${subscriptionId}\u0000${periodStart}`;
const sameTarget = (a: Subscription, b: Subscription) =>
  a.platform === b.platform &&
  a.workspace === b.workspace &&
  a.conversation === b.conversation &&
  a.incident === b.incident;

/** Creates an empty in-memory store. */
export function createMemoryStore(): Store {
  const subscriptions = new Map<string, Subscription>();
  const runs = new Map<string, DigestRun>();
  const references = new Map<string, ConversationReferenceRecord>();
  const events = new Set<string>();
  const questions: QuestionLogEntry[] = [];
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
      questions.push({ ...entry });
    },
    async listQuestions(limit = 100) {
      return questions
        .slice(-Math.max(0, limit))
        .reverse()
        .map((q) => ({ ...q }));
    },
  };
}
