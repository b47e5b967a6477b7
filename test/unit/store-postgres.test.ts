/**
 * The store contract on a real PostgreSQL (TEST_DATABASE_URL; `.ci/run` starts one and sets it). Every store gets its
 * own schema, dropped afterwards, so runs never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { POSTGRES_MIGRATIONS } from '../../src/store/migrations-postgres.js';
import { createPostgresStore } from '../../src/store/postgres.js';
import { defineStoreContract, makeSubscription } from '../store-contract.js';

const url = process.env.TEST_DATABASE_URL;
if (!url) console.warn('store-postgres: TEST_DATABASE_URL is not set, so the PostgreSQL store tests are skipped');

const schemas: string[] = [];
const newSchema = () => {
  const name = `bb_test_${randomBytes(6).toString('hex')}`;
  schemas.push(name);
  return name;
};
async function dropSchema(name: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  } finally {
    await client.end();
  }
}

describe.skipIf(!url)('PostgreSQL store', () => {
  afterAll(async () => {
    for (const name of schemas) await dropSchema(name).catch(() => undefined);
  });

  defineStoreContract('postgresql', async (setup) => {
    const schema = newSchema();
    return {
      store: createPostgresStore(url as string, { schema, ...setup }),
      reopen: async () => createPostgresStore(url as string, { schema, ...setup }),
      cleanup: () => dropSchema(schema),
    };
  });

  it('three stores migrating the same schema at once apply each migration once', async () => {
    const schema = newSchema();
    const stores = [1, 2, 3].map(() => createPostgresStore(url as string, { schema, max: 2 }));
    try {
      await Promise.all(stores.map((s) => s.migrate()));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
      await client.end();
      expect(rows.map((r: { version: number }) => r.version)).toEqual([1, 2, 3]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('separate pools racing for one period: exactly one wins, also for a stale takeover', async () => {
    const schema = newSchema();
    const stores = [1, 2, 3, 4, 5, 6].map(() => createPostgresStore(url as string, { schema, max: 2 }));
    try {
      await stores[0]?.migrate();
      const period = '2026-11-30T08:00:00.000Z';
      const wins = await Promise.all(stores.map((s, i) => s.claimPeriod('sub-x', period, `r${i}`, period)));
      expect(wins.filter(Boolean)).toHaveLength(1);
      const takeovers = await Promise.all(
        stores.map((s, i) =>
          s.takeOverStaleClaim('sub-x', period, `t${i}`, '2026-11-30T08:05:00.000Z', '2026-11-30T08:06:00.000Z'),
        ),
      );
      expect(takeovers.filter(Boolean)).toHaveLength(1);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('a patch that clears a field removes it, and concurrent patches of different fields both land', async () => {
    const schema = newSchema();
    const store = createPostgresStore(url as string, { schema });
    try {
      await store.migrate();
      const sub = makeSubscription({ lastError: 'not_in_channel' });
      await store.saveSubscription(sub);
      await Promise.all([
        store.updateSubscription(sub.id, { lastError: undefined }),
        store.updateSubscription(sub.id, { lastPostedAt: '2026-11-30T08:00:01.000Z' }),
      ]);
      const after = await store.getSubscription(sub.id);
      expect(after && 'lastError' in after).toBe(false);
      expect(after?.lastPostedAt).toBe('2026-11-30T08:00:01.000Z');
    } finally {
      await store.close();
    }
  });

  it('keeps the questions of a version-1 question log, counted per question', async () => {
    const schema = newSchema();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA "${schema}"; SET search_path = "${schema}"`);
      await client.query(POSTGRES_MIGRATIONS[0]?.sql ?? '');
      await client.query(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now()); INSERT INTO schema_migrations (version, name) VALUES (1, 'initial tables')",
      );
      await client.query(
        `INSERT INTO question_log (text, platform, at, kind) VALUES
          ('who did it', 'slack', '2026-11-30T08:00:00Z', 'none'), ('who did it', 'teams', '2026-11-30T09:00:00Z', 'none')`,
      );
    } finally {
      await client.end();
    }
    const store = createPostgresStore(url as string, { schema });
    try {
      await store.migrate();
      const listed = await store.listQuestions();
      expect(listed.map((q) => [q.text, q.count, q.platforms.sort(), q.firstSeen, q.lastSeen])).toEqual([
        ['who did it', 2, ['slack', 'teams'], '2026-11-30T08:00:00.000Z', '2026-11-30T09:00:00.000Z'],
      ]);
    } finally {
      await store.close();
    }
  });
});
