// Issue 12.1: unauthenticated Bot Framework traffic only in local mode or with BOT_EMULATOR=true, and then only
// from this machine (application/json, no cross-site Origin or Sec-Fetch-Site, no forwarding headers, a loopback
// Host naming the server's port, a loopback serviceUrl). The real server runs on 127.0.0.1; replies would go to a
// fake Bot Connector on 127.0.0.1, which counts every request that reaches it. One more server runs on ::1 (when this
// machine has it) to show the Emulator path from there, with `Host: [::1]:PORT`, is answered.
import { request } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type FakeConnector, startFakeConnector } from '../fakes/bot-connector.js';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-api.js';
import { teamsActivity } from '../fixtures/teams.js';
import { newDataDir, slackEnv } from './slack-harness.js';
import { startTeamsBot, type TeamsBot, teamsSubscription } from './teams-harness.js';

let connector: FakeConnector;
let slackApi: FakeSlackApi;
beforeAll(async () => {
  connector = await startFakeConnector();
  slackApi = await startFakeSlackApi();
});
afterAll(async () => {
  await connector?.close();
  await slackApi?.close();
});

const serviceUrl = () => `${connector.url}/teams/`;

/** An activity asking "status", with its replies going to the fake connector, as JSON text. */
const activity = (overrides: Partial<Parameters<typeof teamsActivity>[0]> = {}) =>
  JSON.stringify(teamsActivity({ text: 'status', serviceUrl: serviceUrl(), ...overrides }));

/** True when a server can listen on `address` here (e.g. ::1 is missing where IPv6 is off). */
function canListenOn(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.once('error', () => resolve(false));
    probe.listen(0, address, () => probe.close(() => resolve(true)));
  });
}

/** POSTs with exactly these headers (a browser's or a proxy's), over node:http so `Host` can be set. */
function postRaw(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-length': Buffer.byteLength(body), ...headers } });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Waits briefly, then says how many requests reached the fake connector in total. */
async function connectorRequestsAfterAWhile(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  return connector.requests;
}

describe('a Slack-only deployment (no MICROSOFT_APP_ID, no BOT_EMULATOR)', () => {
  let bot: TeamsBot;
  beforeAll(async () => {
    bot = await startTeamsBot({ env: slackEnv(slackApi.url, await newDataDir()) });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('refuses anonymous /api/messages and calls no serviceUrl', async () => {
    const before = connector.requests;
    const response = await bot.post(teamsActivity({ text: 'status', serviceUrl: serviceUrl() }));
    expect(response.status).toBe(404);
    expect(await connectorRequestsAfterAWhile()).toBe(before);
  });

  it('says in its log how to turn Teams on', () => {
    const off = bot.lines.map((l) => JSON.parse(l) as { msg: string; turnOn?: string });
    expect(off.find((l) => l.msg === 'adapter teams: off')?.turnOn).toMatch(/MICROSOFT_APP_ID.*BOT_EMULATOR=true/);
  });
});

describe('with BOT_EMULATOR=true next to Slack', () => {
  it('the Emulator path answers a plain loopback JSON request', async () => {
    const bot = await startTeamsBot({ env: { ...slackEnv(slackApi.url, await newDataDir()), BOT_EMULATOR: 'true' } });
    try {
      connector.activities.length = 0;
      expect((await bot.post(teamsActivity({ text: 'status', serviceUrl: serviceUrl() }))).status).toBe(200);
      const [reply] = await connector.waitFor(1);
      expect(reply?.authorization).toBeUndefined();
    } finally {
      await bot.close();
    }
  });
});

describe('local mode (no credentials at all)', () => {
  let bot: TeamsBot;
  let port: string;
  beforeAll(async () => {
    bot = await startTeamsBot();
    port = new URL(bot.running.url).port;
  });
  afterAll(async () => {
    await bot?.close();
  });

  const refused: Array<[string, () => Record<string, string>, string?]> = [
    [
      'a cross-site text/plain POST from a web page',
      () => ({
        host: `127.0.0.1:${port}`,
        'content-type': 'text/plain;charset=UTF-8',
        origin: 'https://attacker.example',
        'sec-fetch-site': 'cross-site',
      }),
    ],
    ['a text/plain body from this machine', () => ({ host: `127.0.0.1:${port}`, 'content-type': 'text/plain' })],
    [
      'JSON with an Origin from elsewhere',
      () => ({ host: `127.0.0.1:${port}`, 'content-type': 'application/json', origin: 'https://attacker.example' }),
    ],
    [
      'JSON with Sec-Fetch-Site: cross-site',
      () => ({ host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }),
    ],
    [
      'a foreign Host (DNS rebinding)',
      () => ({ host: `rebind.attacker.example:${port}`, 'content-type': 'application/json' }),
    ],
    ['a Host naming another port', () => ({ host: '127.0.0.1:1', 'content-type': 'application/json' })],
    [
      'a request relayed by a reverse proxy (X-Forwarded-For)',
      () => ({ host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' }),
    ],
    [
      'a request relayed by a reverse proxy (Forwarded)',
      () => ({ host: `127.0.0.1:${port}`, 'content-type': 'application/json', forwarded: 'for=203.0.113.9' }),
    ],
  ];

  it.each(refused)('refuses %s with 403 and calls no serviceUrl', async (_name, headers) => {
    const before = connector.requests;
    const response = await postRaw(`${bot.running.url}/api/messages`, activity(), headers());
    expect(response.status).toBe(403);
    expect(response.text).toMatch(/^Forbidden: /);
    expect(await connectorRequestsAfterAWhile()).toBe(before);
  });

  it('refuses a non-loopback serviceUrl with 403 and stores no conversation reference', async () => {
    const conversationId = 'a:personal-elsewhere';
    const response = await postRaw(
      `${bot.running.url}/api/messages`,
      activity({ serviceUrl: 'https://smba.example.net/teams/', conversationId }),
      { host: `127.0.0.1:${port}`, 'content-type': 'application/json' },
    );
    expect(response.status).toBe(403);
    expect(response.text).toMatch(/serviceUrl/);
    expect(await bot.running.store.getConversationReference(conversationId)).toBeUndefined();
  });

  it('never posts a digest to a stored non-loopback serviceUrl', async () => {
    const conversation = 'a:personal-planted';
    await bot.running.store.saveConversationReference({
      conversationId: conversation,
      tenantId: '',
      reference: JSON.stringify({
        serviceUrl: 'https://smba.example.net/teams/',
        conversation: { id: conversation },
        channelId: 'msteams',
      }),
      removed: false,
      updatedAt: new Date().toISOString(),
    });
    const answer = { kind: 'none', title: 'x', sections: [], facts: [], sources: [], suggestions: [] };
    const result = await bot.teams.deliver(teamsSubscription(conversation), answer as never);
    expect(result).toMatchObject({ ok: false, permanent: true });
    expect((result as { error: string }).error).toMatch(/MICROSOFT_APP_ID/);
  });

  it('answers a plain loopback JSON request (Emulator, Agents Playground), also for Host localhost', async () => {
    connector.activities.length = 0;
    const headers = { host: `localhost:${port}`, 'content-type': 'application/json; charset=utf-8' };
    expect((await postRaw(`${bot.running.url}/api/messages`, activity(), headers)).status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect(reply?.conversationId).toBeDefined();
    expect(reply?.authorization).toBeUndefined();
  });
});

describe('local mode on ::1 (HOST=::1)', () => {
  let bot: TeamsBot | undefined;
  let ipv6 = false;
  beforeAll(async () => {
    ipv6 = await canListenOn('::1');
    if (ipv6) bot = await startTeamsBot({ env: { HOST: '::1' } });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('answers the Emulator path from ::1 with Host [::1]:PORT', async (ctx) => {
    ctx.skip(!ipv6, 'skipped: ::1 is not available on this machine (no IPv6 loopback), so nothing listens there');
    const port = new URL(bot!.running.url).port;
    expect(bot!.running.url).toBe(`http://[::1]:${port}`);
    connector.activities.length = 0;
    const response = await postRaw(`http://[::1]:${port}/api/messages`, activity(), {
      host: `[::1]:${port}`,
      'content-type': 'application/json',
    });
    expect(response).toMatchObject({ status: 200 });
    const [reply] = await connector.waitFor(1);
    expect(reply?.conversationId).toBeDefined();
    expect(reply?.authorization).toBeUndefined();
  });
});

describe('configuration', () => {
  it('turns unauthenticated Teams on only in local mode or with BOT_EMULATOR=true, never for HOST alone', () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', DATA_DIR: 'unused' };
    expect(loadConfig({ ...slack, HOST: '127.0.0.1' }).teams).toBeUndefined();
    expect(loadConfig({ ...slack, BOT_EMULATOR: 'true' }).teams).toEqual({ appType: 'MultiTenant' });
    expect(loadConfig({ DATA_DIR: 'unused' }).teams).toEqual({ appType: 'MultiTenant' });
    expect(loadConfig({ DATA_DIR: 'unused', HOST: '0.0.0.0', BOT_EMULATOR: 'true' }).teams).toBeUndefined();
  });
});
