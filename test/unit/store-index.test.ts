// createStore picks the backend from the configuration: SQLite under DATA_DIR by default, PostgreSQL with
// DATABASE_URL; an unreachable (or silent) database stops start-up with a message that never shows the password.
import { mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.js';

const pgUrl = process.env.TEST_DATABASE_URL;

describe('createStore', () => {
  it('opens SQLite at DATA_DIR/breachbot.db by default', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'breachbot-store-'));
    try {
      const store = await createStore({ dataDir: dir });
      expect(await store.markEventSeen('EvIndex', new Date().toISOString())).toBe(true);
      await store.close();
      const again = await createStore({ dataDir: dir });
      expect(await again.markEventSeen('EvIndex', new Date().toISOString())).toBe(false);
      await again.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports an unreachable PostgreSQL without its password', async () => {
    const error = await createStore({
      dataDir: '/nonexistent',
      databaseUrl: 'postgres://u:hunter2@127.0.0.1:1/db',
    }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toContain('127.0.0.1:1/db');
    expect(error?.message).not.toContain('hunter2');
  });

  it('gives up on a PostgreSQL that accepts connections and never answers, with a message', async () => {
    const silent = createNetServer((socket) => socket.on('data', () => undefined));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const error = await createStore({
        dataDir: '/nonexistent',
        databaseUrl: `postgres://u:pw@127.0.0.1:${port}/db`,
      }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toContain(`127.0.0.1:${port}/db`);
      expect(error?.message).toMatch(/timeout/i);
    } finally {
      silent.close();
    }
  });

  it.skipIf(!pgUrl)('uses PostgreSQL when DATABASE_URL is set', async () => {
    const store = await createStore({ dataDir: '/nonexistent', databaseUrl: pgUrl });
    try {
      await expect(store.ping()).resolves.toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
