// Issue 12.10: with MICROSOFT_APP_ID set, a missing or malformed `Authorization` header is refused with 401 before
// botbuilder runs, and what botbuilder prints about the tokens it does reject reaches the JSON log on stdout as one
// line, never a stack trace on stderr. `breachbot serve` runs as a real process on 127.0.0.1; the tokens below fail
// on their issuer, which botbuilder checks before it would fetch any signing keys.
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareEnv, type ServeProcess, startServe, tempDir } from './web-support.js';

const APP_ID = '00000000-0000-4000-8000-0000000a5501';
let serve: ServeProcess;

beforeAll(async () => {
  serve = await startServe({
    env: bareEnv({
      PORT: '0',
      DATA_DIR: tempDir('breachbot-teams-auth-'),
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
      WEB_UI: 'false',
    }),
  });
});
afterAll(async () => {
  await serve?.stop();
});

async function foreignToken(): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT({ serviceurl: 'http://127.0.0.1:9/teams/' })
    .setProtectedHeader({ alg: 'RS256', kid: 'unknown-key' })
    .setIssuer('https://issuer.attacker.example/')
    .setAudience(APP_ID)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
}

const activity = JSON.stringify({
  type: 'message',
  id: 'act-auth-1',
  channelId: 'msteams',
  serviceUrl: 'http://127.0.0.1:9/teams/',
  from: { id: '29:user-pat' },
  recipient: { id: '28:bot' },
  conversation: { id: 'a:personal-auth' },
  text: 'status',
});

const post = (authorization?: string) =>
  fetch(`${serve.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: activity,
  });

describe('POST /api/messages with an app id', () => {
  it.each([
    ['no Authorization header', undefined],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['a bearer value that is not a JWT', 'Bearer not-a-token'],
  ])('answers 401 to %s before botbuilder runs', async (_name, authorization) => {
    const response = await post(authorization);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.text()).toBe('Unauthorized');
  });

  it('answers 401 to a well-formed token from a foreign issuer', async () => {
    expect((await post(`Bearer ${await foreignToken()}`)).status).toBe(401);
  });

  it('wrote nothing to stderr, and every stdout line is one JSON object', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(serve.errorOutput()).toBe('');
    const lines = serve
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{') || l.startsWith('    at '));
    expect(lines.filter((l) => l.startsWith('    at '))).toEqual([]);
    const refused = lines.map((l) => JSON.parse(l) as { msg: string }).filter((l) => /refused: 401/.test(l.msg));
    expect(refused).toHaveLength(3);
  });
});
