/**
 * Digest benchmark: one scheduler pass posting N digests through the real Slack deliverer to a loopback fake of
 * `chat.postMessage` (no rate limit), on SQLite and on PostgreSQL (when TEST_DATABASE_URL is set), for N = 100, 500
 * and 1,000 to show how a pass grows. Then an idle pass at the same instant (everything already posted).
 *
 * Run alone: `npm run bench -- digest`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { webApi } from '@slack/bolt';
import pg from 'pg';
import { createSlackDeliver } from '../adapters/slack/deliver.js';
import { createKnowledgeBase } from '../src/core/knowledge-base.js';
import { incidentSchema } from '../src/core/model.js';
import { EMPTY_LANGUAGE } from '../src/core/reading/language.js';
import type { Deliver } from '../src/digest/deliver.js';
import { createScheduler } from '../src/digest/scheduler.js';
import { createPostgresStore } from '../src/store/postgres.js';
import { createSqliteStore } from '../src/store/sqlite.js';
import type { Store, Subscription } from '../src/store/store.js';
import type { BenchSection } from './report.js';

const SIZES = [100, 500, 1000];
const DUE = new Date('2026-11-30T08:00:00.000Z');

const kb = createKnowledgeBase({
  incidents: [
    incidentSchema.parse({
      id: 'bench-incident',
      title: 'Benchmark incident',
      summary: 'Made-up incident for the digest benchmark.',
      status: { text: 'Closed.', asOf: '2026-01-01', sources: ['s1'] },
      timeline: Array.from({ length: 40 }, (_, i) => ({
        id: `tl-${i}`,
        date: `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        title: `Event number ${i} in the made-up timeline`,
        sources: ['s1'],
      })),
      recommendations: [{ id: 'r1', title: 'Keep logs', why: 'They help.', action: 'Turn them on.', sources: ['s1'] }],
      sources: [{ id: 's1', publisher: 'Example', title: 'Notice', url: 'https://example.com/', kind: 'vendor' }],
    }),
  ],
  synonyms: [],
  language: EMPTY_LANGUAGE,
  version: 'bench',
  defaultIncident: 'bench-incident',
});

async function startFakeSlack() {
  let posts = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url?.endsWith('/chat.postMessage')) posts += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"ok":true,"channel":"C1","ts":"1764489600.${String(posts).padStart(6, '0')}"}`);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    posts: () => posts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function subscription(i: number): Subscription {
  return {
    id: `bench-${String(i).padStart(5, '0')}`,
    platform: 'slack',
    workspace: 'T0BENCH',
    conversation: `C${String(i).padStart(6, '0')}`,
    incident: 'bench-incident',
    cron: '0 9 * * *',
    timeZone: 'Europe/Berlin',
    label: 'daily 09:00 Europe/Berlin',
    kind: 'daily',
    createdAt: '2026-11-01T00:00:00.000Z',
    consecutiveFailures: 0,
    paused: false,
  };
}

interface StoreKind {
  name: string;
  open(): Promise<{ store: Store; cleanup: () => Promise<void> }>;
}

function kinds(databaseUrl: string | undefined): StoreKind[] {
  const list: StoreKind[] = [
    {
      name: 'SQLite',
      async open() {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'bb-bench-digest-'));
        const store = createSqliteStore(path.join(dir, 'bench.db'));
        return { store, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
      },
    },
  ];
  if (databaseUrl) {
    list.push({
      name: 'PostgreSQL',
      async open() {
        const schema = `bb_bench_${randomBytes(5).toString('hex')}`;
        const store = createPostgresStore(databaseUrl, { schema });
        const cleanup = async () => {
          const client = new pg.Client({ connectionString: databaseUrl });
          await client.connect();
          await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          await client.end();
        };
        return { store, cleanup };
      },
    });
  }
  return list;
}

/** Runs the digest benchmark section. */
export async function run(databaseUrl = process.env.TEST_DATABASE_URL): Promise<BenchSection> {
  const slack = await startFakeSlack();
  const client = new webApi.WebClient('xoxb-bench', {
    slackApiUrl: slack.url,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  const deliver = createSlackDeliver(client);
  const noop: Deliver = async () => ({ ok: true });
  const rows: BenchSection['rows'] = [];
  try {
    for (const kind of kinds(databaseUrl)) {
      const cases = [
        ...SIZES.map((size) => ({ size, via: 'Slack fake (HTTP)', deliver })),
        { size: 1000, via: 'in-process no-op', deliver: noop },
      ];
      for (const { size, via, deliver: port } of cases) {
        const { store, cleanup } = await kind.open();
        try {
          await store.migrate();
          for (let i = 0; i < size; i++) await store.saveSubscription(subscription(i));
          const scheduler = createScheduler({ store, kb, deliver: { slack: port }, replicaId: 'bench' });
          const before = slack.posts();
          const started = performance.now();
          const summary = await scheduler.runDuePass(DUE);
          const passMs = performance.now() - started;
          const idleStarted = performance.now();
          await scheduler.runDuePass(DUE);
          const idleMs = performance.now() - idleStarted;
          const seen = port === noop ? size : slack.posts() - before;
          if (summary.posted !== size || seen !== size) {
            throw new Error(`expected ${size} posts, got ${summary.posted} (fake saw ${seen})`);
          }
          rows.push({
            store: kind.name,
            deliver: via,
            subscriptions: size,
            'pass ms': Math.round(passMs),
            'passes/s': Number((1000 / passMs).toFixed(2)),
            'posts/s': Math.round((size * 1000) / passMs),
            'ms per subscription': Number((passMs / size).toFixed(3)),
            'idle pass ms': Math.round(idleMs),
          });
        } finally {
          await store.close();
          await cleanup();
        }
      }
    }
  } finally {
    await slack.close();
  }
  const notes = [
    'One pass = list subscriptions, compute the due period (croner), claim it in the ledger, build the digest, post with the real Slack deliverer to a loopback chat.postMessage fake, mark posted. 8 subscriptions in flight at once.',
    'Idle pass = the same instant again: every period already posted, nothing is claimed or sent.',
    'The in-process no-op row leaves out HTTP and Block Kit rendering: the scheduler and store cost alone. Most of a real pass is the Slack WebClient call.',
  ];
  if (!databaseUrl) notes.push('PostgreSQL rows skipped: TEST_DATABASE_URL is not set.');
  return { title: 'Digests: one scheduler pass', rows, notes };
}
