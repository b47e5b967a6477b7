import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.js';
import { createSqliteStore } from '../../src/store/sqlite.js';
import { defineStoreContract } from '../store-contract.js';

defineStoreContract('sqlite', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'breachbot-store-'));
  const file = path.join(dir, 'breachbot.db');
  return {
    store: createSqliteStore(file),
    reopen: async () => createSqliteStore(file),
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
      expect(versions).toEqual([{ version: 1 }]);
      expect(mode).toBe('wal');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
