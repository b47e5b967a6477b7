/**
 * Several replicas sharing one PostgreSQL: `breachbot digest run-due` processes racing at the same instant, one of
 * them killed with SIGKILL in the middle of its pass, and `breachbot serve` processes whose scheduler loops poll
 * together. The Slack Web API is a loopback fake that counts what it accepted, per replica.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/store/postgres.js';
import type { Subscription } from '../../src/store/store.js';
import { writeFixture } from '../unit/digest-fixture.js';
import {
  type Cli,
  freshSchema,
  type ReplicaSlackFake,
  runCli,
  startReplicaSlackFake,
  until,
} from './digest-support.js';

const baseUrl = process.env.TEST_DATABASE_URL;
if (!baseUrl)
  console.warn('digest-replicas: TEST_DATABASE_URL is not set, so the multi-replica digest tests are skipped');

const DUE = '2026-11-30T08:00:00.000Z'; // Monday 09:00 Europe/Berlin
const N = 50;
const channel = (i: number) => `C${String(i).padStart(4, '0')}`;

function subscription(i: number, overrides: Partial<Subscription> = {}): Subscription {
  return {
    id: `sub-${String(i).padStart(3, '0')}`,
    platform: 'slack',
    workspace: 'T0TEST',
    conversation: channel(i),
    incident: 'demo-breach',
    cron: '0 9 * * *',
    timeZone: 'Europe/Berlin',
    label: 'daily 09:00 Europe/Berlin',
    kind: 'daily',
    createdAt: '2026-11-01T00:00:00.000Z',
    consecutiveFailures: 0,
    paused: false,
    ...overrides,
  };
}

/** Every channel in `posts` exactly once, and all N of them. */
function expectEachChannelOnce(posts: Array<{ channel: string }>) {
  const counts = new Map<string, number>();
  for (const p of posts) counts.set(p.channel, (counts.get(p.channel) ?? 0) + 1);
  expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
  expect(counts.size).toBe(N);
}

describe.skipIf(!baseUrl)('digests across replicas sharing PostgreSQL', { timeout: 180_000 }, () => {
  let slack: ReplicaSlackFake;
  let db: Awaited<ReturnType<typeof freshSchema>>;
  let dataDir: string;
  let incidentsDir: string;
  const children: Cli[] = [];

  const env = (replica: string, extra: Record<string, string> = {}) => ({
    DATABASE_URL: db.url,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: 'test-signing-secret',
    SLACK_API_URL: slack.apiUrl(replica),
    INCIDENTS_DIR: incidentsDir,
    DEFAULT_INCIDENT: 'demo-breach',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...extra,
  });
  const runDue = (replica: string, now: string) => {
    const cli = runCli(['digest', 'run-due', '--now', now], env(replica));
    children.push(cli);
    return cli;
  };
  const statuses = async () =>
    Object.fromEntries(
      (
        await db.pool.query<{ status: string; n: number }>(
          'SELECT status, count(*)::int AS n FROM digest_run GROUP BY status ORDER BY status',
        )
      ).rows.map((r) => [r.status, r.n]),
    );

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bb-digest-'));
    incidentsDir = path.join(dataDir, 'incidents');
    await writeFixture(incidentsDir);
  });

  afterEach(async () => {
    for (const c of children.splice(0)) {
      if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
      await c.exited;
    }
    await slack?.close();
    await db?.drop();
  });

  async function seed(subs: Subscription[]) {
    slack = await startReplicaSlackFake();
    db = await freshSchema(baseUrl as string);
    const store = createPostgresStore(baseUrl as string, { schema: db.schema });
    await store.migrate();
    for (const s of subs) await store.saveSubscription(s);
    await store.close();
  }

  it('three run-due processes at the same instant post each of 50 periods exactly once; again: nothing', async () => {
    await seed(Array.from({ length: N }, (_, i) => subscription(i)));
    const first = ['r1', 'r2', 'r3'].map((r) => runDue(r, DUE));
    const codes = await Promise.all(first.map((c) => c.exited));
    expect(codes, first.map((c) => c.output()).join('\n')).toEqual([0, 0, 0]);
    expectEachChannelOnce(slack.accepted);
    expect(slack.received).toHaveLength(N);
    expect(await statuses()).toEqual({ posted: N });
    const posted = first.map((c) => Number(/(\d+) posted/.exec(c.output())?.[1] ?? Number.NaN));
    expect(posted.reduce((a, b) => a + b)).toBe(N);

    const again = ['r1', 'r2', 'r3'].map((r) => runDue(r, DUE));
    expect(await Promise.all(again.map((c) => c.exited))).toEqual([0, 0, 0]);
    expect(slack.received).toHaveLength(N);
  });

  it('a replica killed with SIGKILL mid-pass: no period twice, none lost after the claim timeout', async () => {
    await seed(Array.from({ length: N }, (_, i) => subscription(i)));
    // r1 and r3 wait at their first posts until r2 is in the middle of its pass; r2's posts are never answered
    slack.hold(() => true);
    const r2 = runDue('r2', DUE);
    const others = ['r1', 'r3'].map((r) => runDue(r, DUE));
    await slack.nextPost((p) => p.replica === 'r2');
    r2.child.kill('SIGKILL');
    expect(await r2.exited).toBe('SIGKILL');
    slack.release((p) => p.replica === 'r2');
    expect(await Promise.all(others.map((c) => c.exited))).toEqual([0, 0]);

    const stranded = (await statuses()).claimed ?? 0;
    expect(stranded).toBeGreaterThan(0);
    expect(slack.accepted).toHaveLength(N - stranded);
    expect(slack.accepted.some((p) => p.replica === 'r2')).toBe(false);

    const early = runDue('r4', '2026-11-30T08:04:00.000Z');
    expect(await early.exited).toBe(0);
    expect(slack.accepted).toHaveLength(N - stranded);

    const late = ['r4', 'r5'].map((r) => runDue(r, '2026-11-30T08:05:30.000Z'));
    expect(await Promise.all(late.map((c) => c.exited))).toEqual([0, 0]);
    expect(late.map((c) => Number(/(\d+) taken over/.exec(c.output())?.[1])).reduce((a, b) => a + b)).toBe(stranded);
    expectEachChannelOnce(slack.accepted);
    expect(await statuses()).toEqual({ posted: N });
  });

  it('three serve processes polling together post each period once; a restart after a crash posts it once', async () => {
    // due a minute ago in UTC, so the real clock of the servers finds it
    const now = new Date();
    const due = new Date(now.getTime() - 60_000);
    const cron = `${due.getUTCMinutes()} ${due.getUTCHours()} * * *`;
    const created = new Date(now.getTime() - 86_400_000).toISOString();
    await seed(
      Array.from({ length: N }, (_, i) =>
        subscription(i, { cron, timeZone: 'UTC', label: `daily ${cron}`, createdAt: created }),
      ),
    );
    const serveEnv = (r: string) =>
      env(r, { PORT: '0', DIGEST_POLL_SECONDS: '0.2', DIGEST_CLAIM_TIMEOUT_SECONDS: '2' });
    const crashing = runCli(['serve'], serveEnv('crash'));
    children.push(crashing);
    slack.hold((p) => p.replica === 'crash');
    await slack.nextPost((p) => p.replica === 'crash');
    crashing.child.kill('SIGKILL');
    await crashing.exited;
    slack.release((p) => p.replica === 'crash');
    const stranded = (await statuses()).claimed ?? 0;
    expect(stranded).toBeGreaterThan(0);

    const servers = ['s1', 's2', 's3'].map((r) => {
      const cli = runCli(['serve'], serveEnv(r));
      children.push(cli);
      return cli;
    });
    await until(
      async () => slack.accepted.length >= N && ((await statuses()).claimed ?? 0) === 0,
      () => `${slack.accepted.length} of ${N} posts accepted\n${servers.map((s) => s.output()).join('\n')}`,
      45_000,
    );
    // a few more passes of all three loops: still nothing new
    const polls = slack.received.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(slack.received).toHaveLength(polls);
    expectEachChannelOnce(slack.accepted);
    expect(slack.accepted.some((p) => p.replica === 'crash')).toBe(false);
    expect(await statuses()).toEqual({ posted: N });
    for (const s of servers) {
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
      expect(s.output()).not.toMatch(/"level":"(error|fatal)"/);
    }
  });
});
