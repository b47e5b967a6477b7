// 👍 / 👎 on the local page against the real server (`breachbot serve` in local mode): /api/ask answers carry a
// feedback token, POST /api/feedback counts one vote per answer and client, refuses bad or forged bodies with 400
// and never goes down; then the owners' commands read the same store: `breachbot questions --json` lists the
// voted-down question next to the unanswered one, `breachbot feedback --json` summarizes the week.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareEnv, REPO_ROOT, type ServeProcess, startServe, tempDir } from './web-support.js';

let server: ServeProcess;
const dataDir = tempDir('breachbot-web-feedback-');

beforeAll(async () => {
  server = await startServe({ env: bareEnv({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }) });
});

afterAll(async () => {
  await server?.stop();
});

const post = (path: string, body: string, contentType = 'application/json') =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });

async function tokenFor(question: string): Promise<string | null> {
  const response = await post('/api/ask', JSON.stringify({ question }));
  expect(response.status).toBe(200);
  return ((await response.json()) as { feedback: string | null }).feedback;
}

const vote = (token: unknown, vote: unknown) => post('/api/feedback', JSON.stringify({ token, vote }));

const cli = (...args: string[]) =>
  execFileSync(process.execPath, ['bin/breachbot.js', ...args], {
    cwd: REPO_ROOT,
    env: bareEnv({ DATA_DIR: dataDir }),
    encoding: 'utf8',
  });

describe('the page’s 👍 / 👎', () => {
  it('gets a token with every rated answer, and none with help', async () => {
    expect(await tokenFor('timeline')).toEqual(expect.any(String));
    expect(await tokenFor('help')).toBeNull();
  });

  it('counts a vote once per answer and client', async () => {
    const token = await tokenFor('who were the victims?');
    const first = await vote(token, 'down');
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ status: 'counted', message: expect.stringContaining('Thanks — noted') });
    const second = await vote(token, 'up');
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ status: 'duplicate' });
  });

  it('refuses bad and forged bodies with 400 and a message, and stays up', async () => {
    const token = (await tokenFor('logging')) as string;
    const forged = `${Buffer.from('{"q":"spam","i":null,"f":[]}').toString('base64url')}.${token.split('.')[1]}`;
    const bad: Array<[string, string, string?]> = [
      ['', 'empty body'],
      ['{"token": "x', 'invalid JSON'],
      ['[1,2]', 'an array'],
      [JSON.stringify({ token, vote: 'sideways' }), 'a bad vote'],
      [JSON.stringify({ token: 42, vote: 'up' }), 'a token that is not a string'],
      [JSON.stringify({ token: forged, vote: 'down' }), 'a forged token'],
      [JSON.stringify({ token: `${token}x`, vote: 'down' }), 'a changed token'],
      [JSON.stringify({ token, vote: 'up' }), 'a form post', 'application/x-www-form-urlencoded'],
    ];
    for (const [body, what, type] of bad) {
      const response = await post('/api/feedback', body, type);
      expect(response.status, what).toBe(400);
      expect(typeof ((await response.json()) as { error: unknown }).error, what).toBe('string');
    }
    const big = await post('/api/feedback', JSON.stringify({ token: 'x'.repeat(10_000), vote: 'up' }));
    expect(big.status).toBe(413);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect(await tokenFor('timeline')).toEqual(expect.any(String));
  });
});

describe('the owners’ commands read the votes', () => {
  beforeAll(async () => {
    const token = await tokenFor('technique');
    expect((await vote(token, 'down')).status).toBe(200);
    await post('/api/ask', JSON.stringify({ question: 'zzqx blorp frobnicate' }));
  });

  it('breachbot questions --json lists unanswered and voted-down questions, saying which, with counts', () => {
    const listed = JSON.parse(cli('questions', '--json')) as Array<Record<string, unknown>>;
    const down = listed.find((q) => q.text === 'technique');
    expect(down).toMatchObject({ reason: 'downvoted', count: 1, platforms: ['web'], votes: { up: 0, down: 1 } });
    expect(down?.incidents).toEqual(['storm-0558']);
    expect(((down?.factIds ?? []) as string[]).length).toBeGreaterThan(0);
    const unanswered = listed.find((q) => q.text === 'zzqx blorp frobnicate');
    expect(unanswered).toMatchObject({ reason: 'unanswered', count: 1, votes: null, incidents: [], factIds: [] });
    for (const q of listed) {
      for (const key of ['text', 'reason', 'kind', 'count', 'firstSeen', 'lastSeen', 'platforms'])
        expect(q).toHaveProperty(key);
    }
    const table = cli('questions');
    expect(table).toMatch(/downvoted\s+web\s+technique/);
  });

  it('breachbot feedback --json summarizes the week', () => {
    const summary = JSON.parse(cli('feedback', '--json')) as {
      up: number;
      down: number;
      downVoted: Array<{ question: string; down: number }>;
      unanswered: Array<{ question: string; count: number }>;
    };
    expect(summary.down).toBe(2);
    expect(summary.up).toBe(0);
    expect(summary.downVoted.map((q) => [q.question, q.down]).sort()).toEqual([
      ['technique', 1],
      ['who were the victims?', 1],
    ]);
    expect(summary.unanswered).toContainEqual(expect.objectContaining({ question: 'zzqx blorp frobnicate', count: 1 }));
    const text = cli('feedback', '--since', '30d');
    expect(text).toMatch(/0 up, 2 down/);
    expect(text).toContain('Voted down most:');
  });

  it('breachbot questions --purge empties the votes with the questions', () => {
    expect(cli('questions', '--purge')).toMatch(
      /Removed \d+ question\(s\) from the log\.\nRemoved 2 vote\(s\) on answers\./,
    );
    const summary = JSON.parse(cli('feedback', '--json')) as { up: number; down: number };
    expect([summary.up, summary.down]).toEqual([0, 0]);
  });
});

describe('with QUESTION_LOG_RETENTION_DAYS=0 (no question log)', () => {
  it('offers no buttons and records no vote, since a vote keeps the question', async () => {
    const quiet = await startServe({
      env: bareEnv({
        PORT: '0',
        DATA_DIR: tempDir('breachbot-web-feedback-off-'),
        QUESTION_LOG_RETENTION_DAYS: '0',
        LOG_LEVEL: 'warn',
      }),
    });
    try {
      const asked = await fetch(`${quiet.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'timeline' }),
      });
      expect(((await asked.json()) as { feedback: unknown }).feedback).toBeNull();
      const voted = await fetch(`${quiet.url}/api/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: 'a.b', vote: 'up' }),
      });
      expect(voted.status).toBe(503);
    } finally {
      await quiet.stop();
    }
  });
});
