/**
 * Votes with several replicas on one PostgreSQL (TEST_DATABASE_URL): a token one replica signed is accepted by
 * another (the signing key is the store's shared secret), a vote counted on one replica is a duplicate on the
 * other, and both read the same summary. Skips cleanly without a database URL.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { createServer, type RunningServer } from '../../src/server.js';
import { createPostgresStore } from '../../src/store/postgres.js';

const url = process.env.TEST_DATABASE_URL;
if (!url) console.warn('feedback-replicas: TEST_DATABASE_URL is not set, so this test is skipped');

describe.skipIf(!url)('feedback across replicas on one PostgreSQL', () => {
  const schema = `bb_test_${randomBytes(6).toString('hex')}`;
  const replicas: RunningServer[] = [];
  let dataDir = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'breachbot-feedback-replicas-'));
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, WEB_UI: 'true' });
    for (let i = 0; i < 2; i++) {
      const store = createPostgresStore(url as string, { schema, max: 2 });
      await store.migrate();
      replicas.push(await createServer({ config, store, log: silentLogger, scheduler: false, watchKnowledge: false }));
    }
  });

  afterAll(async () => {
    for (const r of replicas) await r.close(500);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
    await rm(dataDir, { recursive: true, force: true });
  });

  const post = (r: RunningServer, route: string, body: unknown) =>
    fetch(`${r.url}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('accepts on one replica a token signed by another, and counts the vote once across both', async () => {
    const [a, b] = replicas as [RunningServer, RunningServer];
    const asked = (await (await post(a, '/api/ask', { question: 'timeline' })).json()) as { feedback: string };
    const onB = await post(b, '/api/feedback', { token: asked.feedback, vote: 'down' });
    expect(onB.status).toBe(200);
    expect(await onB.json()).toMatchObject({ status: 'counted' });
    const onA = await post(a, '/api/feedback', { token: asked.feedback, vote: 'down' });
    expect(await onA.json()).toMatchObject({ status: 'duplicate' });
    const fromA = (await a.store.listFeedback()).map((v) => [v.question, v.vote, v.surface]);
    expect(fromA).toEqual([['timeline', 'down', 'web']]);
    expect(await b.store.listFeedback()).toEqual(await a.store.listFeedback());
  });
});
