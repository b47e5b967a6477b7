/**
 * Feedback votes and shared secrets on PostgreSQL: a vote is inserted once per vote key (`ON CONFLICT DO
 * NOTHING`), so replicas racing on one click count it once; a secret is inserted by whichever replica comes first
 * and read back by all. Part of `createPostgresStore`.
 */
import type pg from 'pg';
import { DEFAULT_LIST_LIMIT, retentionCutoff } from './question-log.js';
import type { QuestionLogLimits, Store, Vote } from './store.js';

interface FeedbackRow {
  question: string;
  incident: string | null;
  fact_ids: string[];
  surface: string;
  vote: Vote;
  at: Date;
}

type Query = <R extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values?: unknown[],
) => Promise<pg.QueryResult<R>>;

/** The store's feedback and secret methods over a pooled `query`. */
export function createPostgresFeedback(
  query: Query,
  limits: QuestionLogLimits,
): Pick<Store, 'recordFeedback' | 'listFeedback' | 'purgeFeedback' | 'sharedSecret'> {
  return {
    async recordFeedback(entry) {
      const { rowCount } = await query(
        `INSERT INTO feedback (vote_key, surface, question, incident, fact_ids, vote, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (vote_key) DO NOTHING RETURNING id`,
        [entry.voteKey, entry.surface, entry.question, entry.incident, entry.factIds, entry.vote, entry.at],
      );
      const counted = rowCount === 1;
      if (counted) {
        await query('DELETE FROM feedback WHERE at < $1', [retentionCutoff(entry.at, limits.retentionDays)]);
      }
      return counted;
    },
    async listFeedback(options = {}) {
      const { rows } = await query<FeedbackRow>(
        `SELECT question, incident, fact_ids, surface, vote, at FROM feedback
         WHERE ($1::timestamptz IS NULL OR at >= $1) ORDER BY at DESC, id DESC LIMIT $2`,
        [options.since ?? null, Math.max(0, options.limit ?? DEFAULT_LIST_LIMIT)],
      );
      return rows.map((r) => ({
        question: r.question,
        incident: r.incident,
        factIds: r.fact_ids,
        surface: r.surface,
        vote: r.vote,
        at: r.at.toISOString(),
      }));
    },
    async purgeFeedback(options = {}) {
      const result =
        options.before === undefined
          ? await query('DELETE FROM feedback')
          : await query('DELETE FROM feedback WHERE at < $1', [options.before]);
      return result.rowCount ?? 0;
    },
    async sharedSecret(name, make) {
      await query('INSERT INTO shared_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
        name,
        make(),
      ]);
      const { rows } = await query<{ value: string }>('SELECT value FROM shared_secret WHERE name = $1', [name]);
      const value = rows[0]?.value;
      if (value === undefined) throw new Error(`shared secret "${name}" could not be stored`);
      return value;
    },
  };
}
