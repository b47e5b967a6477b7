// The local page's JSON API against the real server (`breachbot serve` in local mode): bad input gets 400 with a
// message and never takes the server down; a good question gets the `ask --json` object plus the three renderings.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareEnv, REPO_ROOT, type ServeProcess, startServe, tempDir } from './web-support.js';

let server: ServeProcess;

beforeAll(async () => {
  server = await startServe({
    env: bareEnv({ PORT: '0', DATA_DIR: tempDir('breachbot-web-api-'), LOG_LEVEL: 'warn' }),
  });
});

afterAll(async () => {
  await server?.stop();
});

async function ask(body: string, contentType = 'application/json'): Promise<Response> {
  return fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': contentType }, body });
}

async function expectBadRequest(response: Response, message: RegExp): Promise<void> {
  expect(response.status).toBe(400);
  const body = (await response.json()) as { error?: unknown };
  expect(typeof body.error).toBe('string');
  expect(body.error).toMatch(message);
}

describe('POST /api/ask rejects bad input with 400 and a message', () => {
  it('an empty body', async () => {
    await expectBadRequest(await ask(''), /empty/i);
  });

  it('invalid JSON', async () => {
    await expectBadRequest(await ask('{"question": "who'), /not valid JSON/i);
  });

  it('a 1 MB body (413)', async () => {
    const big = `{"question":"${'x'.repeat(1_000_000 - 15)}"}`;
    expect(big.length).toBe(1_000_000);
    const response = await ask(big);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toMatch(/larger than 16 KB/);
  });

  it('a 10 KB question', async () => {
    await expectBadRequest(await ask(JSON.stringify({ question: 'why '.repeat(2560) })), /longer than 500/);
  });

  it('a question that is not a string, or missing', async () => {
    await expectBadRequest(await ask(JSON.stringify({ question: 42 })), /must be a string/);
    await expectBadRequest(await ask(JSON.stringify({})), /must be a string/);
    await expectBadRequest(await ask(JSON.stringify(['who?'])), /JSON object/);
  });

  it('a blank question', async () => {
    await expectBadRequest(await ask(JSON.stringify({ question: '   ' })), /empty/);
  });

  it('an unknown incident', async () => {
    await expectBadRequest(
      await ask(JSON.stringify({ question: 'timeline', incident: 'no-such-incident' })),
      /unknown incident/,
    );
  });

  it('a form post instead of JSON', async () => {
    await expectBadRequest(await ask('question=who', 'application/x-www-form-urlencoded'), /JSON/);
  });

  it('and the server is still up afterwards', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });
});

describe('POST /api/ask answers', () => {
  it('with the ask --json object plus the Slack, Teams and text renderings', async () => {
    const response = await ask(JSON.stringify({ question: 'who were the victims?' }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown> & {
      render: { slack: { blocks: Array<{ type: string }> }; teams: { card: { type: string } }; text: string };
    };
    expect(body.kind).toBe('answer');
    expect(body.render.slack.blocks.length).toBeGreaterThan(0);
    expect(body.render.slack.blocks[0]?.type).toBe('header');
    expect(body.render.teams.card.type).toBe('AdaptiveCard');
    expect(body.render.text).toBe(body.text);
    expect(body.text).toMatch(/State/);
    expect(body.text).toMatch(/Commerce/);

    const cli = execFileSync(process.execPath, ['bin/breachbot.js', 'ask', '--json', 'who were the victims?'], {
      cwd: REPO_ROOT,
      env: bareEnv(),
      encoding: 'utf8',
    });
    // the page's answers carry the token of their 👍 / 👎 buttons on top of the ask --json object
    const { render: _render, feedback, ...json } = body as typeof body & { feedback?: unknown };
    expect(typeof feedback).toBe('string');
    expect(json).toEqual(JSON.parse(cli));
  });

  it('to a question naming a loaded incident', async () => {
    const response = await ask(JSON.stringify({ question: 'timeline', incident: 'storm-0558' }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { incident: string | null; facts: Array<{ date?: string }> };
    expect(body.incident).toBe('storm-0558');
    expect(body.facts.some((f) => typeof f.date === 'string')).toBe(true);
  });
});

describe('the page and its files', () => {
  it('serves the page with a strict content security policy', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await response.text()).toMatch(/<script type="module" src="\/static\/app.js">/);
  });

  it('serves the Adaptive Cards renderer from the installed package, not a CDN', async () => {
    const response = await fetch(`${server.url}/static/vendor/adaptivecards.min.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(await response.text()).toMatch(/AdaptiveCards/);
  });

  it('refuses names outside the page folder', async () => {
    for (const name of ['..%2F..%2Fpackage.json', '%2e%2e/index.ts', 'vendor/../../index.ts', '%E0%A4%A']) {
      expect((await fetch(`${server.url}/static/${name}`)).status).toBe(404);
    }
  });
});

describe('with WEB_UI=false', () => {
  it('the page and its API are off', async () => {
    const off = await startServe({
      env: bareEnv({ PORT: '0', DATA_DIR: tempDir('breachbot-web-off-'), WEB_UI: 'false', LOG_LEVEL: 'warn' }),
    });
    try {
      expect((await fetch(`${off.url}/`)).status).toBe(404);
      const response = await fetch(`${off.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'timeline' }),
      });
      expect(response.status).toBe(404);
      expect((await fetch(`${off.url}/healthz`)).status).toBe(200);
    } finally {
      await off.stop();
    }
  });
});
