// Issues 12.3 and 12.4: with PostgreSQL unreachable because packets are dropped (not refused), `/readyz` answers
// 503 within 2 s, answers never hang, and Slack mentions and DMs are still answered (their event ids
// de-duplicated in memory meanwhile, which the log says). The real server runs on 127.0.0.1 with Slack (a fake Web
// API), the Emulator path and the page, its store on a real PostgreSQL (TEST_DATABASE_URL) reached through a relay
// on 127.0.0.1 that starts dropping every byte mid-test.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/store/postgres.js';
import { type FakeConnector, startFakeConnector } from '../fakes/bot-connector.js';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-api.js';
import { startTcpBlackhole, type TcpBlackhole } from '../fakes/tcp-blackhole.js';
import { appMention, directMessage, postToSlackEndpoint } from '../fixtures/slack.js';
import { teamsActivity } from '../fixtures/teams.js';
import { newDataDir, slackEnv } from './slack-harness.js';
import { startTeamsBot, type TeamsBot } from './teams-harness.js';

const url = process.env.TEST_DATABASE_URL;
if (!url) console.warn('security-database-down: TEST_DATABASE_URL is not set, so these tests are skipped');

/** Answers that take longer than this count as hung (the client gives up and the test fails). */
const ANSWER_DEADLINE_MS = 15_000;

describe.skipIf(!url)('PostgreSQL unreachable (packets dropped)', () => {
  const schema = `bb_down_${randomBytes(6).toString('hex')}`;
  let hole: TcpBlackhole;
  let connector: FakeConnector;
  let slackApi: FakeSlackApi;
  let bot: TeamsBot;

  beforeAll(async () => {
    const target = new URL(url as string);
    hole = await startTcpBlackhole({ host: target.hostname, port: Number(target.port || 5432) });
    const relayed = new URL(url as string);
    relayed.hostname = '127.0.0.1';
    relayed.port = String(hole.port);
    connector = await startFakeConnector();
    slackApi = await startFakeSlackApi();
    bot = await startTeamsBot({
      env: { ...slackEnv(slackApi.url, await newDataDir()), BOT_EMULATOR: 'true', WEB_UI: 'true' },
      store: await (async () => {
        const store = createPostgresStore(relayed.toString(), { schema });
        await store.migrate();
        return store;
      })(),
    });
  });

  afterAll(async () => {
    await hole?.close();
    await bot?.close();
    await connector?.close();
    await slackApi?.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('is ready while the database answers', async () => {
    expect((await fetch(`${bot.running.url}/readyz`)).status).toBe(200);
  });

  it('/readyz answers 503 within 2 s once packets are dropped', async () => {
    hole.drop();
    const response = await fetch(`${bot.running.url}/readyz`, { signal: AbortSignal.timeout(2000) });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { reason: string }).reason).toMatch(/store/);
  });

  it('a question the knowledge base cannot answer (logged to the store) still gets its answer', async () => {
    const response = await fetch(`${bot.running.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'what is the airspeed of an unladen swallow' }),
      signal: AbortSignal.timeout(ANSWER_DEADLINE_MS),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { kind: string }).kind).toBe('none');
  });

  it('a Teams message (whose conversation reference the store cannot save) still gets its reply', async () => {
    const activity = teamsActivity({ text: 'status', serviceUrl: `${connector.url}/teams/` });
    expect((await bot.post(activity)).status).toBe(200);
    const [reply] = await connector.waitFor(1, ANSWER_DEADLINE_MS);
    expect(reply?.activity.type).toBe('message');
  });

  it('answers a Slack mention once, also when Slack retries it', async () => {
    slackApi.reset();
    const mention = appMention({ text: 'status' });
    expect((await postToSlackEndpoint(bot.running.url, mention)).status).toBe(200);
    await slackApi.waitFor('chat.postMessage', 1, ANSWER_DEADLINE_MS);
    const retry = { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } };
    expect((await postToSlackEndpoint(bot.running.url, mention, retry)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(slackApi.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers a Slack DM', async () => {
    slackApi.reset();
    expect((await postToSlackEndpoint(bot.running.url, directMessage({ text: 'victims' }))).status).toBe(200);
    const [posted] = await slackApi.waitFor('chat.postMessage', 1, ANSWER_DEADLINE_MS);
    expect(posted?.params.channel).toBe('D000TEST');
  });

  it('says in the log that it answers without the store and de-duplicates in memory', () => {
    const lines = bot.lines.map((l) => JSON.parse(l) as { level: string; msg: string });
    expect(lines.filter((l) => l.level === 'warn' && l.msg.startsWith('store unreachable'))).toHaveLength(1);
    expect(lines.some((l) => l.msg.startsWith('slack event de-duplicated in memory'))).toBe(true);
  });

  it('/readyz keeps answering 503 quickly', async () => {
    const response = await fetch(`${bot.running.url}/readyz`, { signal: AbortSignal.timeout(2000) });
    expect(response.status).toBe(503);
  });
});
