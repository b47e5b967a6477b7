/**
 * The question log on PostgreSQL: one row per question and reason (upserted with a count), capped and pruned
 * when a new question arrives. Part of `createPostgresStore`.
 */
import type pg from 'pg';
import { DEFAULT_LIST_LIMIT, questionLogKey, retentionCutoff } from './question-log.js';
import type { QuestionLogLimits, QuestionReason, Store } from './store.js';

interface QuestionRow {
  text: string;
  reason: QuestionReason;
  kind: 'none' | 'clarify' | null;
  platform: string;
  platforms: string[];
  count: number;
  first_seen: Date;
  last_seen: Date;
}

type Query = <R extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values?: unknown[],
) => Promise<pg.QueryResult<R>>;

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

/** The store's question-log methods over a pooled `query`. */
export function createPostgresQuestionLog(
  query: Query,
  limits: QuestionLogLimits,
): Pick<Store, 'logQuestion' | 'listQuestions' | 'purgeQuestions'> {
  return {
    async logQuestion(entry) {
      const { rows } = await query<{ count: number }>(
        `INSERT INTO question_log (reason, key, text, kind, platform, platforms, count, first_seen, last_seen)
         VALUES ($1, $2, $3, $4, $5, ARRAY[$5], 1, $6, $6)
         ON CONFLICT (reason, key) DO UPDATE SET text = excluded.text, kind = excluded.kind,
           platform = excluded.platform, count = question_log.count + 1,
           platforms = CASE WHEN excluded.platform = ANY (question_log.platforms) THEN question_log.platforms
             ELSE question_log.platforms || excluded.platform END,
           first_seen = LEAST(question_log.first_seen, excluded.first_seen),
           last_seen = GREATEST(question_log.last_seen, excluded.last_seen)
         RETURNING count`,
        [entry.reason, questionLogKey(entry.text), entry.text, entry.kind ?? null, entry.platform, entry.at],
      );
      // a new question: the log may now be over its cap, or hold questions past their retention
      if (rows[0]?.count === 1) {
        await query('DELETE FROM question_log WHERE last_seen < $1', [retentionCutoff(entry.at, limits.retentionDays)]);
        await query(
          'DELETE FROM question_log WHERE id IN (SELECT id FROM question_log ORDER BY last_seen DESC, id DESC OFFSET $1)',
          [limits.maxEntries],
        );
      }
    },
    async listQuestions(options = {}) {
      const { rows } = await query<QuestionRow>(
        `SELECT text, reason, kind, platform, platforms, count, first_seen, last_seen FROM question_log
         WHERE ($1::timestamptz IS NULL OR last_seen >= $1) ORDER BY last_seen DESC, id DESC LIMIT $2`,
        [options.since ?? null, Math.max(0, options.limit ?? DEFAULT_LIST_LIMIT)],
      );
      return rows.map((r) => ({
        text: r.text,
        reason: r.reason,
        ...(r.kind ? { kind: r.kind } : {}),
        platform: r.platform,
        platforms: r.platforms,
        count: r.count,
        firstSeen: iso(r.first_seen),
        lastSeen: iso(r.last_seen),
      }));
    },
    async purgeQuestions(options = {}) {
      const result =
        options.before === undefined
          ? await query('DELETE FROM question_log')
          : await query('DELETE FROM question_log WHERE last_seen < $1', [options.before]);
      return result.rowCount ?? 0;
    },
  };
}
