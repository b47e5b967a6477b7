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
];
