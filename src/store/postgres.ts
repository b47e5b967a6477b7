/**
 * The PostgreSQL `Store` (pg 8), selected by `DATABASE_URL`: the same tables as SQLite, shared by several replicas.
 * Migrations are versioned and applied under a transaction-scoped advisory lock, so replicas starting together
 * apply each version once. Digest claims use `INSERT … ON CONFLICT DO NOTHING RETURNING` at READ COMMITTED, and
 * stale claims are taken over with a conditional `UPDATE … RETURNING`: exactly one caller wins either. Every wait is
 * bounded (connecting, a free pool slot, a statement, an answer from a server that went silent), so a database that
 * is down makes calls fail within seconds instead of hanging them.
 *
 * @example
 * const store = createPostgresStore(config.databaseUrl);
 * await store.migrate();
 */
import pg from 'pg';
import { POSTGRES_MIGRATIONS } from './migrations-postgres.js';
import { createPostgresFeedback } from './postgres-feedback.js';
import { createPostgresQuestionLog } from './postgres-question-log.js';
import { DEFAULT_QUESTION_LOG_LIMITS } from './question-log.js';
import type { DigestRun, DigestRunStatus, QuestionLogLimits, Store, Subscription } from './store.js';

/** How long opening a connection, or waiting for a free one in the pool, may take before the call fails. */
export const CONNECT_TIMEOUT_MS = 3000;
/** How long a statement may run on the server (`statement_timeout`). */
export const STATEMENT_TIMEOUT_MS = 5000;
/**
 * How long the client waits for any answer to a query: covers a server that stopped answering altogether
 * (packets dropped), where `statement_timeout` never fires. The connection is then discarded.
 */
export const QUERY_TIMEOUT_MS = STATEMENT_TIMEOUT_MS + 1000;
/** Closing gives up on connections the server no longer answers after this long. */
export const CLOSE_TIMEOUT_MS = 2000;
/** Migrations may wait for another replica's migration lock this long. */
export const MIGRATE_TIMEOUT_MS = 60_000;

export interface PostgresStoreOptions {
  /** question log cap and retention (default DEFAULT_QUESTION_LOG_LIMITS) */
  questionLog?: QuestionLogLimits;
  /** use (and create when missing) this schema instead of the URL's search_path; tests isolate runs with it */
  schema?: string;
  /** pool size (default 10) */
  max?: number;
  /** idle-client errors (the pool would otherwise crash the process) */
  onError?: (error: Error) => void;
}

interface RunRow {
  subscription_id: string;
  period_start: Date;
  claimed_by: string;
  claimed_at: Date;
  status: DigestRunStatus;
  posted_at: Date | null;
  error: string | null;
}

const TARGET_KEYS = ['platform', 'workspace', 'conversation', 'incident'] as const;
const RUN_COLUMNS = 'subscription_id, period_start, claimed_by, claimed_at, status, posted_at, error';
const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

const toRun = (r: RunRow): DigestRun => ({
  subscriptionId: r.subscription_id,
  periodStart: iso(r.period_start),
  claimedBy: r.claimed_by,
  claimedAt: iso(r.claimed_at),
  status: r.status,
  ...(r.posted_at ? { postedAt: iso(r.posted_at) } : {}),
  ...(r.error ? { error: r.error } : {}),
});

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Creates a pooled PostgreSQL store. Call `migrate()` before use (`createStore` does). */
export function createPostgresStore(url: string, options: PostgresStoreOptions = {}): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    keepAlive: true,
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
  });
  pool.on('error', (error) => options.onError?.(error));
  const limits = options.questionLog ?? DEFAULT_QUESTION_LOG_LIMITS;
  let closed = false;
  let seenInserts = 0;

  const query = <R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    pool.query<R>(text, values);

  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>, timeoutMs?: number): Promise<T> {
    const client = await pool.connect();
    let failure: unknown;
    try {
      await client.query('BEGIN');
      if (timeoutMs !== undefined) await client.query(`SET LOCAL statement_timeout = ${Math.trunc(timeoutMs)}`);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      failure = error;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      // a connection that failed (a timeout, a dropped network) is not given to the next caller
      client.release(failure instanceof Error && !(failure instanceof pg.DatabaseError) ? failure : undefined);
    }
  }

  async function writeSubscription(sub: Subscription): Promise<void> {
    // two conversations replacing the same subscription at once can collide on the unique key: retry
    for (let attempt = 1; ; attempt++) {
      try {
        await transaction(async (client) => {
          await client.query(
            'DELETE FROM subscription WHERE platform = $1 AND workspace = $2 AND conversation = $3 AND incident = $4 AND id <> $5',
            [sub.platform, sub.workspace, sub.conversation, sub.incident, sub.id],
          );
          await client.query(
            `INSERT INTO subscription (id, platform, workspace, conversation, incident, data) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (id) DO UPDATE SET platform = excluded.platform, workspace = excluded.workspace,
               conversation = excluded.conversation, incident = excluded.incident, data = excluded.data`,
            [sub.id, sub.platform, sub.workspace, sub.conversation, sub.incident, JSON.stringify(sub)],
          );
        });
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '23505' || attempt >= 3) throw error;
      }
    }
  }

  async function getSubscription(id: string): Promise<Subscription | undefined> {
    const { rows } = await query<{ data: Subscription }>('SELECT data FROM subscription WHERE id = $1', [id]);
    return rows[0]?.data;
  }

  return {
    async migrate() {
      await transaction(async (client) => {
        // one database-wide lock: CREATE SCHEMA / CREATE TABLE IF NOT EXISTS are not safe to race
        // pg reads a per-query query_timeout (client.js), which its types do not list
        const lock = {
          text: "SELECT pg_advisory_xact_lock(hashtext('breachbot:migrate'))",
          query_timeout: MIGRATE_TIMEOUT_MS,
        };
        await client.query(lock as pg.QueryConfig);
        if (options.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`);
        await client.query(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
        );
        const applied = new Set(
          (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
        );
        for (const m of POSTGRES_MIGRATIONS) {
          if (applied.has(m.version)) continue;
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        }
      }, MIGRATE_TIMEOUT_MS);
    },
    async ping() {
      await query('SELECT 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      // ending a connection waits for the server; one that went silent would hold the shutdown forever
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        pool.end(),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
        }),
      ]);
      clearTimeout(timer);
    },

    async saveSubscription(sub) {
      await writeSubscription(sub);
    },
    getSubscription,
    async findSubscriptions(key) {
      const { rows } = await query<{ data: Subscription }>(
        'SELECT data FROM subscription WHERE platform = $1 AND workspace = $2 AND conversation = $3 ORDER BY incident',
        [key.platform, key.workspace, key.conversation],
      );
      return rows.map((r) => r.data);
    },
    async listSubscriptions() {
      const { rows } = await query<{ data: Subscription }>('SELECT data FROM subscription ORDER BY id');
      return rows.map((r) => r.data);
    },
    async deleteSubscription(id) {
      return ((await query('DELETE FROM subscription WHERE id = $1', [id])).rowCount ?? 0) > 0;
    },
    async updateSubscription(id, patch) {
      if (TARGET_KEYS.some((k) => k in patch)) {
        const current = await getSubscription(id);
        if (current) await writeSubscription({ ...current, ...patch, id });
        return;
      }
      const cleared = Object.entries(patch)
        .filter(([, v]) => v === undefined)
        .map(([k]) => k);
      // one atomic statement: concurrent patches of different fields never undo each other
      await query('UPDATE subscription SET data = (data || $2::jsonb) - $3::text[] WHERE id = $1', [
        id,
        JSON.stringify(patch),
        cleared,
      ]);
    },

    async claimPeriod(subscriptionId, periodStart, claimedBy, now) {
      const { rowCount } = await query(
        `INSERT INTO digest_run (subscription_id, period_start, claimed_by, claimed_at, status) VALUES ($1, $2, $3, $4, 'claimed')
         ON CONFLICT (subscription_id, period_start) DO NOTHING RETURNING claimed_by`,
        [subscriptionId, periodStart, claimedBy, now],
      );
      return rowCount === 1;
    },
    async takeOverStaleClaim(subscriptionId, periodStart, claimedBy, staleBefore, now) {
      const { rowCount } = await query(
        `UPDATE digest_run SET claimed_by = $3, claimed_at = $5
         WHERE subscription_id = $1 AND period_start = $2 AND status = 'claimed' AND claimed_at < $4 RETURNING claimed_by`,
        [subscriptionId, periodStart, claimedBy, staleBefore, now],
      );
      return rowCount === 1;
    },
    async finishPeriod(subscriptionId, periodStart, status, at, error) {
      await query(
        `UPDATE digest_run SET status = $3, posted_at = CASE WHEN $3 = 'posted' THEN $4::timestamptz ELSE posted_at END,
           error = COALESCE($5, error) WHERE subscription_id = $1 AND period_start = $2`,
        [subscriptionId, periodStart, status, at, error ?? null],
      );
    },
    async getRun(subscriptionId, periodStart) {
      const { rows } = await query<RunRow>(
        `SELECT ${RUN_COLUMNS} FROM digest_run WHERE subscription_id = $1 AND period_start = $2`,
        [subscriptionId, periodStart],
      );
      return rows[0] ? toRun(rows[0]) : undefined;
    },
    async listRuns(subscriptionId) {
      const { rows } = await query<RunRow>(
        `SELECT ${RUN_COLUMNS} FROM digest_run WHERE subscription_id = $1 ORDER BY period_start`,
        [subscriptionId],
      );
      return rows.map(toRun);
    },

    async saveConversationReference(record) {
      await query(
        `INSERT INTO conversation_reference (conversation_id, tenant_id, reference, removed, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (conversation_id) DO UPDATE SET tenant_id = excluded.tenant_id, reference = excluded.reference,
           removed = excluded.removed, updated_at = excluded.updated_at`,
        [record.conversationId, record.tenantId, record.reference, record.removed, record.updatedAt],
      );
    },
    async getConversationReference(conversationId) {
      const { rows } = await query<{
        conversation_id: string;
        tenant_id: string;
        reference: string;
        removed: boolean;
        updated_at: Date;
      }>('SELECT * FROM conversation_reference WHERE conversation_id = $1', [conversationId]);
      const row = rows[0];
      return row
        ? {
            conversationId: row.conversation_id,
            tenantId: row.tenant_id,
            reference: row.reference,
            removed: row.removed,
            updatedAt: iso(row.updated_at),
          }
        : undefined;
    },
    async markConversationRemoved(conversationId, at) {
      await query('UPDATE conversation_reference SET removed = TRUE, updated_at = $2 WHERE conversation_id = $1', [
        conversationId,
        at,
      ]);
    },

    async markEventSeen(eventId, at) {
      const { rowCount } = await query(
        'INSERT INTO slack_event_seen (event_id, seen_at) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING RETURNING event_id',
        [eventId, at],
      );
      const first = rowCount === 1;
      if (first && ++seenInserts % 1000 === 0) {
        await query('DELETE FROM slack_event_seen WHERE seen_at < $1', [new Date(Date.parse(at) - 7 * 86_400_000)]);
      }
      return first;
    },

    ...createPostgresQuestionLog(query, limits),
    ...createPostgresFeedback(query, limits),
  };
}
