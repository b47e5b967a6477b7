/**
 * SQLite schema migrations, applied in order by `createSqliteStore`. Append new versions; never edit an applied one.
 */

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
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
        data TEXT NOT NULL,
        UNIQUE (platform, workspace, conversation, incident)
      );
      CREATE TABLE digest_run (
        subscription_id TEXT NOT NULL,
        period_start TEXT NOT NULL,
        claimed_by TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        status TEXT NOT NULL,
        posted_at TEXT,
        error TEXT,
        PRIMARY KEY (subscription_id, period_start)
      );
      CREATE TABLE conversation_reference (
        conversation_id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        reference TEXT NOT NULL,
        removed INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE slack_event_seen (
        event_id TEXT PRIMARY KEY,
        seen_at TEXT NOT NULL
      );
      CREATE INDEX slack_event_seen_at ON slack_event_seen (seen_at);
      CREATE TABLE question_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        text TEXT NOT NULL,
        platform TEXT NOT NULL,
        at TEXT NOT NULL,
        kind TEXT NOT NULL
      );
    `,
  },
];
