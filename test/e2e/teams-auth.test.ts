/**
 * Bot Framework authentication, fully offline: a local OpenID metadata + JWKS server, tokens signed with jose,
 * outbound credentials from a test factory (MSAL refuses http:// authorities). With MICROSOFT_APP_ID set, only a
 * valid token gets through; without it, the endpoint exists only in local mode on a loopback host (the local checks
 * are in security-bot-framework.test.ts).
 */
import { ServiceClientCredentialsFactory } from 'botframework-connector';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamsAuthOverrides } from '../../adapters/teams/auth.js';
import { loadConfig } from '../../src/config.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { FAKE_ISSUER, type OpenIdServer, startOpenIdServer } from '../fakes/openid.js';
import { teamsActivity } from '../fixtures/teams.js';
import { startTeamsBot, teamsSubscription, useTeamsBot } from './teams-harness.js';

const APP_ID = '00000000-0000-4000-8000-0000000a5500';

type Credentials = Awaited<ReturnType<ServiceClientCredentialsFactory['createCredentials']>>;

/** Signs outbound calls with a fixed token instead of asking Entra ID. */
class FakeCredentialsFactory extends ServiceClientCredentialsFactory {
  async isValidAppId(appId: string): Promise<boolean> {
    return appId === APP_ID;
  }
  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }
  async createCredentials(): Promise<Credentials> {
    return {
      async signRequest(request) {
        request.headers.set('authorization', 'Bearer fake-outbound-token');
        return request;
      },
    };
  }
}

let idp: OpenIdServer;
beforeAll(async () => {
  idp = await startOpenIdServer();
});
afterAll(async () => {
  await idp?.close();
});

// registered after the identity provider's hooks: started after it, stopped before it
const teams = useTeamsBot(() => {
  const teamsAuth: TeamsAuthOverrides = {
    settings: {
      ToBotFromChannelOpenIdMetadataUrl: idp.metadataUrl,
      ToBotFromChannelTokenIssuer: FAKE_ISSUER,
      ToBotFromEmulatorOpenIdMetadataUrl: idp.metadataUrl,
      ToChannelFromBotLoginUrl: `${idp.url}/login`,
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      OAuthUrl: `${idp.url}/oauth`,
      CallerId: 'urn:botframework:test',
      ValidateAuthority: false,
    },
    credentialsFactory: new FakeCredentialsFactory(),
  };
  return startTeamsBot({
    env: { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'not-a-real-secret' },
    teamsAuth,
  });
});

const send = (token: string | undefined) =>
  teams.bot.post(
    teamsActivity({ text: 'status', serviceUrl: teams.serviceUrl() }),
    token === undefined ? {} : { authorization: `Bearer ${token}` },
  );

describe('with MICROSOFT_APP_ID set', () => {
  it('accepts a valid Bot Framework token and signs its reply', async () => {
    const response = await send(await idp.sign({ aud: APP_ID, serviceurl: teams.serviceUrl() }));
    expect(response.status).toBe(200);
    const [reply] = await teams.connector.waitFor(1);
    expect(reply?.authorization).toBe('Bearer fake-outbound-token');
  });

  it('posts proactively with the app’s outbound credentials', async () => {
    await send(await idp.sign({ aud: APP_ID, serviceurl: teams.serviceUrl() }));
    await teams.connector.waitFor(1);
    teams.connector.activities.length = 0;
    const conversation = (teamsActivity({ serviceUrl: teams.serviceUrl() }).conversation as { id: string }).id;
    const answer = respond(teams.bot.running.kb, parseCommand('status', teams.bot.running.kb), { now: new Date() });
    const subscription = teamsSubscription(conversation, { id: 'sub-auth' });
    expect(await teams.bot.teams.deliver(subscription, answer)).toMatchObject({ ok: true });
    const [posted] = await teams.connector.waitFor(1);
    expect(posted?.conversationId).toBe(conversation);
    expect(posted?.authorization).toBe('Bearer fake-outbound-token');
  });

  const rejected: Array<[string, () => Promise<string | undefined>]> = [
    ['no token', async () => undefined],
    [
      'a wrong audience',
      () => idp.sign({ aud: '00000000-0000-4000-8000-00000000beef', serviceurl: teams.serviceUrl() }),
    ],
    [
      'a wrong issuer',
      () => idp.sign({ aud: APP_ID, serviceurl: teams.serviceUrl() }, { issuer: 'https://evil.test' }),
    ],
    ['an expired token', () => idp.sign({ aud: APP_ID, serviceurl: teams.serviceUrl() }, { expiresInSeconds: -3600 })],
    ['an unknown key id', () => idp.sign({ aud: APP_ID, serviceurl: teams.serviceUrl() }, { unknownKey: true })],
    [
      'a serviceurl claim for another service',
      () => idp.sign({ aud: APP_ID, serviceurl: 'http://127.0.0.1:9/other/' }),
    ],
    ['garbage', async () => 'not.a.jwt'],
  ];

  it.each(rejected)('answers 401 to %s and sends nothing', async (_name, token) => {
    const response = await send(await token());
    expect(response.status).toBe(401);
    expect(response.text).toBe('Unauthorized');
    expect(teams.connector.activities).toHaveLength(0);
  });
});

describe('without MICROSOFT_APP_ID', () => {
  it('keeps /api/messages off on a non-loopback host and logs why', async () => {
    const offConfig = loadConfig({ HOST: '0.0.0.0', DATA_DIR: 'unused' });
    expect(offConfig.teams).toBeUndefined();
    // Listen on loopback anyway (tests never open a wider port) with the decision made for 0.0.0.0.
    const off = await startTeamsBot({ config: (c) => ({ ...c, teams: undefined, teamsOff: offConfig.teamsOff }) });
    try {
      expect((await off.post(teamsActivity({ text: 'status', serviceUrl: teams.serviceUrl() }))).status).toBe(404);
      const lines = off.lines.map((l) => JSON.parse(l) as { msg: string; turnOn?: string });
      const why = lines.find((l) => l.msg === 'adapter teams: off');
      expect(why?.turnOn).toMatch(/loopback/);
      expect(why?.turnOn).toMatch(/MICROSOFT_APP_ID/);
    } finally {
      await off.close();
    }
  });

  it('accepts unauthenticated requests from this machine in local mode (Emulator)', async () => {
    const open = await startTeamsBot();
    try {
      expect((await open.post(teamsActivity({ text: 'status', serviceUrl: teams.serviceUrl() }))).status).toBe(200);
      const [reply] = await teams.connector.waitFor(1);
      expect(reply?.authorization).toBeUndefined();
    } finally {
      await open.close();
    }
  });
});
