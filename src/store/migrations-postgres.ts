/**
 * PostgreSQL schema migrations, applied in order at start by `createPostgresStore().migrate()` under an advisory lock
 * (several replicas starting at once apply each version once). Append new versions; never edit an applied one.
 */
import type { Migration } from './migrations-sqlite.js';

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial tables',
    sql: `
      CREATE TABLE subscription (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        workspace TEXT NOT NULL,
        conversation TEXT NOT NULL,
        incident TEXT NOT NULL,
        data JSONB NOT NULL,
        UNIQUE (platform, workspace, conversation, incident)
      );
      CREATE TABLE digest_run (
        subscription_id TEXT NOT NULL,
        period_start TIMESTAMPTZ NOT NULL,
        claimed_by TEXT NOT NULL,
        claimed_at TIMESTAMPTZ NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed', 'skipped')),
        posted_at TIMESTAMPTZ,
        error TEXT,
        PRIMARY KEY (subscription_id, period_start)
      );
      CREATE TABLE conversation_reference (
        conversation_id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        reference TEXT NOT NULL,
        removed BOOLEAN NOT NULL DEFAULT FALSE,
        updated_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE slack_event_seen (
        event_id TEXT PRIMARY KEY,
        seen_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX slack_event_seen_at ON slack_event_seen (seen_at);
      CREATE TABLE question_log (
        seq BIGSERIAL PRIMARY KEY,
        text TEXT NOT NULL,
        platform TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL,
        kind TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'question log: one row per question and reason, with counts',
    sql: `
      CREATE TABLE question_log_v2 (
        id BIGSERIAL PRIMARY KEY,
        reason TEXT NOT NULL CHECK (reason IN ('unanswered', 'downvoted')),
        key TEXT NOT NULL,
        text TEXT NOT NULL,
        kind TEXT,
        platform TEXT NOT NULL,
        platforms TEXT[] NOT NULL,
        count INTEGER NOT NULL,
        first_seen TIMESTAMPTZ NOT NULL,
        last_seen TIMESTAMPTZ NOT NULL,
        UNIQUE (reason, key)
      );
      INSERT INTO question_log_v2 (reason, key, text, kind, platform, platforms, count, first_seen, last_seen)
        SELECT 'unanswered', lower(trim(text)), max(text), max(kind), max(platform), array_agg(DISTINCT platform),
          count(*), min(at), max(at)
        FROM question_log GROUP BY lower(trim(text));
      DROP TABLE question_log;
      ALTER TABLE question_log_v2 RENAME TO question_log;
      CREATE INDEX question_log_last_seen ON question_log (last_seen);
    `,
  },
  {
    version: 3,
    name: 'feedback votes and shared secrets',
    sql: `
      CREATE TABLE feedback (
        id BIGSERIAL PRIMARY KEY,
        vote_key TEXT NOT NULL UNIQUE,
        surface TEXT NOT NULL,
        question TEXT NOT NULL,
        incident TEXT,
        fact_ids TEXT[] NOT NULL,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX feedback_at ON feedback (at);
      CREATE TABLE shared_secret (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
    `,
  },
];
