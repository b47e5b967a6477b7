import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.js';
import { SQLITE_MIGRATIONS } from '../../src/store/migrations-sqlite.js';
import { createSqliteStore } from '../../src/store/sqlite.js';
import { defineStoreContract } from '../store-contract.js';

defineStoreContract('sqlite', async (setup) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'breachbot-store-'));
  const file = path.join(dir, 'breachbot.db');
  return {
    store: createSqliteStore(file, setup),
    reopen: async () => createSqliteStore(file, setup),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

describe('SQLite store set-up', () => {
  it('creates DATA_DIR and the database file with its migrations on first start', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'breachbot-store-'));
    try {
      const dataDir = path.join(dir, 'nested', 'var');
      const store = await createStore({ dataDir });
      await store.ping();
      await store.close();
      const db = new Database(path.join(dataDir, 'breachbot.db'), { readonly: true });
      const versions = db.prepare('SELECT version FROM schema_migrations').all();
      const mode = db.pragma('journal_mode', { simple: true });
      db.close();
      expect(versions).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
      expect(mode).toBe('wal');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps the questions of a version-1 question log, counted per question', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'breachbot-store-'));
    try {
      const file = path.join(dir, 'breachbot.db');
      const old = new Database(file);
      old.exec(SQLITE_MIGRATIONS[0]?.sql ?? '');
      old.exec(
        'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      );
      old.prepare("INSERT INTO schema_migrations VALUES (1, 'initial tables', '2026-01-01T00:00:00.000Z')").run();
      const insert = old.prepare('INSERT INTO question_log (text, platform, at, kind) VALUES (?, ?, ?, ?)');
      insert.run('who did it', 'slack', '2026-11-30T08:00:00.000Z', 'none');
      insert.run('who did it', 'teams', '2026-11-30T09:00:00.000Z', 'none');
      insert.run('what next', 'web', '2026-11-30T10:00:00.000Z', 'clarify');
      old.close();
      const store = createSqliteStore(file);
      const listed = await store.listQuestions();
      await store.close();
      expect(listed.map((q) => [q.text, q.count, q.platforms.sort(), q.firstSeen, q.lastSeen])).toEqual([
        ['what next', 1, ['web'], '2026-11-30T10:00:00.000Z', '2026-11-30T10:00:00.000Z'],
        ['who did it', 2, ['slack', 'teams'], '2026-11-30T08:00:00.000Z', '2026-11-30T09:00:00.000Z'],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
