/**
 * The default `Store`: one SQLite file (better-sqlite3, WAL), created and migrated on first open. Single instance;
 * use PostgreSQL for several replicas.
 *
 * @example
 * const store = createSqliteStore(path.join(config.dataDir, 'breachbot.db'));
 * await store.migrate();
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from './migrations-sqlite.js';
import { DEFAULT_LIST_LIMIT, DEFAULT_QUESTION_LOG_LIMITS, questionLogKey, retentionCutoff } from './question-log.js';
import type {
  ConversationReferenceRecord,
  DigestRun,
  DigestRunStatus,
  FeedbackRecord,
  LoggedQuestion,
  QuestionLogLimits,
  QuestionReason,
  Store,
  Subscription,
} from './store.js';

interface RunRow {
  subscription_id: string;
  period_start: string;
  claimed_by: string;
  claimed_at: string;
  status: DigestRunStatus;
  posted_at: string | null;
  error: string | null;
}

interface ReferenceRow {
  conversation_id: string;
  tenant_id: string;
  reference: string;
  removed: number;
  updated_at: string;
}

const toRun = (r: RunRow): DigestRun => ({
  subscriptionId: r.subscription_id,
  periodStart: r.period_start,
  claimedBy: r.claimed_by,
  claimedAt: r.claimed_at,
  status: r.status,
  ...(r.posted_at ? { postedAt: r.posted_at } : {}),
  ...(r.error ? { error: r.error } : {}),
});

interface QuestionRow {
  text: string;
  reason: QuestionReason;
  kind: 'none' | 'clarify' | null;
  platform: string;
  platforms: string;
  count: number;
  first_seen: string;
  last_seen: string;
}

const toLoggedQuestion = (r: QuestionRow): LoggedQuestion => ({
  text: r.text,
  reason: r.reason,
  ...(r.kind ? { kind: r.kind } : {}),
  platform: r.platform,
  platforms: r.platforms.split(','),
  count: r.count,
  firstSeen: r.first_seen,
  lastSeen: r.last_seen,
});

interface FeedbackRow {
  question: string;
  incident: string | null;
  fact_ids: string;
  surface: string;
  vote: 'up' | 'down';
  at: string;
}

const toFeedback = (r: FeedbackRow): FeedbackRecord => ({
  question: r.question,
  incident: r.incident,
  factIds: JSON.parse(r.fact_ids) as string[],
  surface: r.surface,
  vote: r.vote,
  at: r.at,
});

export interface SqliteStoreOptions {
  questionLog?: QuestionLogLimits;
}

/** Opens (creating the folder and file when needed) the SQLite store at `file`; `:memory:` works too. */
export function createSqliteStore(file: string, options: SqliteStoreOptions = {}): Store {
  const limits = options.questionLog ?? DEFAULT_QUESTION_LOG_LIMITS;
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  let migrated = false;

  const migrate = () => {
    if (migrated) return;
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const applied = new Set(
      (db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version),
    );
    for (const m of SQLITE_MIGRATIONS) {
      if (applied.has(m.version)) continue;
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          m.version,
          m.name,
          new Date().toISOString(),
        );
      })();
    }
    migrated = true;
  };
  migrate();

  const q = {
    upsertSub: db.prepare(
      `INSERT INTO subscription (id, platform, workspace, conversation, incident, data) VALUES (@id, @platform, @workspace, @conversation, @incident, @data)
       ON CONFLICT (id) DO UPDATE SET platform = excluded.platform, workspace = excluded.workspace,
         conversation = excluded.conversation, incident = excluded.incident, data = excluded.data`,
    ),
    deleteSameTarget: db.prepare(
      'DELETE FROM subscription WHERE platform = ? AND workspace = ? AND conversation = ? AND incident = ? AND id <> ?',
    ),
    getSub: db.prepare('SELECT data FROM subscription WHERE id = ?'),
    findSubs: db.prepare(
      'SELECT data FROM subscription WHERE platform = ? AND workspace = ? AND conversation = ? ORDER BY incident',
    ),
    listSubs: db.prepare('SELECT data FROM subscription ORDER BY id'),
    deleteSub: db.prepare('DELETE FROM subscription WHERE id = ?'),
    claim: db.prepare(
      `INSERT INTO digest_run (subscription_id, period_start, claimed_by, claimed_at, status) VALUES (?, ?, ?, ?, 'claimed')
       ON CONFLICT (subscription_id, period_start) DO NOTHING`,
    ),
    takeOver: db.prepare(
      `UPDATE digest_run SET claimed_by = ?, claimed_at = ? WHERE subscription_id = ? AND period_start = ?
       AND status = 'claimed' AND claimed_at < ?`,
    ),
    finish: db.prepare(
      `UPDATE digest_run SET status = @status, posted_at = CASE WHEN @status = 'posted' THEN @at ELSE posted_at END,
       error = COALESCE(@error, error) WHERE subscription_id = @sub AND period_start = @period`,
    ),
    getRun: db.prepare('SELECT * FROM digest_run WHERE subscription_id = ? AND period_start = ?'),
    listRuns: db.prepare('SELECT * FROM digest_run WHERE subscription_id = ? ORDER BY period_start'),
    saveRef: db.prepare(
      `INSERT INTO conversation_reference (conversation_id, tenant_id, reference, removed, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (conversation_id) DO UPDATE SET tenant_id = excluded.tenant_id, reference = excluded.reference,
         removed = excluded.removed, updated_at = excluded.updated_at`,
    ),
    getRef: db.prepare('SELECT * FROM conversation_reference WHERE conversation_id = ?'),
    removeRef: db.prepare('UPDATE conversation_reference SET removed = 1, updated_at = ? WHERE conversation_id = ?'),
    seen: db.prepare(
      'INSERT INTO slack_event_seen (event_id, seen_at) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING',
    ),
    pruneSeen: db.prepare('DELETE FROM slack_event_seen WHERE seen_at < ?'),
    logQuestion: db.prepare(
      `INSERT INTO question_log (reason, key, text, kind, platform, platforms, count, first_seen, last_seen)
       VALUES (@reason, @key, @text, @kind, @platform, @platform, 1, @at, @at)
       ON CONFLICT (reason, key) DO UPDATE SET text = excluded.text, kind = excluded.kind,
         platform = excluded.platform, count = count + 1,
         platforms = CASE WHEN instr(',' || platforms || ',', ',' || excluded.platform || ',') > 0 THEN platforms
           ELSE platforms || ',' || excluded.platform END,
         first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen)
       RETURNING count`,
    ),
    pruneQuestionsBefore: db.prepare('DELETE FROM question_log WHERE last_seen < ?'),
    capQuestions: db.prepare(
      'DELETE FROM question_log WHERE id IN (SELECT id FROM question_log ORDER BY last_seen DESC, id DESC LIMIT -1 OFFSET ?)',
    ),
    listQuestions: db.prepare(
      `SELECT text, reason, kind, platform, platforms, count, first_seen, last_seen FROM question_log
       WHERE last_seen >= ? ORDER BY last_seen DESC, id DESC LIMIT ?`,
    ),
    purgeQuestions: db.prepare('DELETE FROM question_log'),
    vote: db.prepare(
      `INSERT INTO feedback (vote_key, surface, question, incident, fact_ids, vote, at)
       VALUES (@voteKey, @surface, @question, @incident, @factIds, @vote, @at) ON CONFLICT (vote_key) DO NOTHING`,
    ),
    pruneVotes: db.prepare('DELETE FROM feedback WHERE at < ?'),
    purgeVotes: db.prepare('DELETE FROM feedback'),
    listVotes: db.prepare(
      `SELECT question, incident, fact_ids, surface, vote, at FROM feedback WHERE at >= ?
       ORDER BY at DESC, id DESC LIMIT ?`,
    ),
    putSecret: db.prepare(
      'INSERT INTO shared_secret (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING',
    ),
    getSecret: db.prepare('SELECT value FROM shared_secret WHERE name = ?'),
    ping: db.prepare('SELECT 1'),
  };

  const parseSub = (row: unknown): Subscription | undefined =>
    row ? (JSON.parse((row as { data: string }).data) as Subscription) : undefined;
  const writeSub = db.transaction((sub: Subscription) => {
    q.deleteSameTarget.run(sub.platform, sub.workspace, sub.conversation, sub.incident, sub.id);
    q.upsertSub.run({
      id: sub.id,
      platform: sub.platform,
      workspace: sub.workspace,
      conversation: sub.conversation,
      incident: sub.incident,
      data: JSON.stringify(sub),
    });
  });
  let seenInserts = 0;

  return {
    async migrate() {
      migrate();
    },
    async ping() {
      q.ping.get();
    },
    async close() {
      if (db.open) db.close();
    },

    async saveSubscription(sub) {
      writeSub(sub);
    },
    async getSubscription(id) {
      return parseSub(q.getSub.get(id));
    },
    async findSubscriptions(key) {
      return q.findSubs.all(key.platform, key.workspace, key.conversation).map((r) => parseSub(r) as Subscription);
    },
    async listSubscriptions() {
      return q.listSubs.all().map((r) => parseSub(r) as Subscription);
    },
    async deleteSubscription(id) {
      return q.deleteSub.run(id).changes > 0;
    },
    async updateSubscription(id, patch) {
      const current = parseSub(q.getSub.get(id));
      if (current) writeSub({ ...current, ...patch, id });
    },

    async claimPeriod(subscriptionId, periodStart, claimedBy, now) {
      return q.claim.run(subscriptionId, periodStart, claimedBy, now).changes === 1;
    },
    async takeOverStaleClaim(subscriptionId, periodStart, claimedBy, staleBefore, now) {
      return q.takeOver.run(claimedBy, now, subscriptionId, periodStart, staleBefore).changes === 1;
    },
    async finishPeriod(subscriptionId, periodStart, status, at, error) {
      q.finish.run({ status, at, error: error ?? null, sub: subscriptionId, period: periodStart });
    },
    async getRun(subscriptionId, periodStart) {
      const row = q.getRun.get(subscriptionId, periodStart) as RunRow | undefined;
      return row ? toRun(row) : undefined;
    },
    async listRuns(subscriptionId) {
      return (q.listRuns.all(subscriptionId) as RunRow[]).map(toRun);
    },

    async saveConversationReference(record) {
      q.saveRef.run(record.conversationId, record.tenantId, record.reference, record.removed ? 1 : 0, record.updatedAt);
    },
    async getConversationReference(conversationId): Promise<ConversationReferenceRecord | undefined> {
      const row = q.getRef.get(conversationId) as ReferenceRow | undefined;
      return row
        ? {
            conversationId: row.conversation_id,
            tenantId: row.tenant_id,
            reference: row.reference,
            removed: row.removed === 1,
            updatedAt: row.updated_at,
          }
        : undefined;
    },
    async markConversationRemoved(conversationId, at) {
      q.removeRef.run(at, conversationId);
    },

    async markEventSeen(eventId, at) {
      const first = q.seen.run(eventId, at).changes === 1;
      if (first && ++seenInserts % 1000 === 0) {
        q.pruneSeen.run(new Date(Date.parse(at) - 7 * 86_400_000).toISOString());
      }
      return first;
    },

    async logQuestion(entry) {
      const row = q.logQuestion.get({
        reason: entry.reason,
        key: questionLogKey(entry.text),
        text: entry.text,
        kind: entry.kind ?? null,
        platform: entry.platform,
        at: entry.at,
      }) as { count: number };
      // a new question: the log may now be over its cap, or hold questions past their retention
      if (row.count === 1) {
        q.pruneQuestionsBefore.run(retentionCutoff(entry.at, limits.retentionDays));
        q.capQuestions.run(limits.maxEntries);
      }
    },
    async listQuestions(options = {}) {
      const rows = q.listQuestions.all(
        options.since ?? '',
        Math.max(0, options.limit ?? DEFAULT_LIST_LIMIT),
      ) as QuestionRow[];
      return rows.map(toLoggedQuestion);
    },
    async purgeQuestions(options = {}) {
      return (options.before === undefined ? q.purgeQuestions.run() : q.pruneQuestionsBefore.run(options.before))
        .changes;
    },

    async recordFeedback(entry) {
      const counted =
        q.vote.run({
          voteKey: entry.voteKey,
          surface: entry.surface,
          question: entry.question,
          incident: entry.incident,
          factIds: JSON.stringify(entry.factIds),
          vote: entry.vote,
          at: entry.at,
        }).changes === 1;
      if (counted) q.pruneVotes.run(retentionCutoff(entry.at, limits.retentionDays));
      return counted;
    },
    async listFeedback(options = {}) {
      const rows = q.listVotes.all(options.since ?? '', Math.max(0, options.limit ?? DEFAULT_LIST_LIMIT));
      return (rows as FeedbackRow[]).map(toFeedback);
    },
    async purgeFeedback(options = {}) {
      return (options.before === undefined ? q.purgeVotes.run() : q.pruneVotes.run(options.before)).changes;
    },
    async sharedSecret(name, make) {
      const existing = q.getSecret.get(name) as { value: string } | undefined;
      if (existing) return existing.value;
      q.putSecret.run(name, make(), new Date().toISOString());
      return (q.getSecret.get(name) as { value: string }).value;
    },
  };
}
