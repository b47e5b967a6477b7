// Issue 12.11: every route reads its body through one reader that enforces the limit while reading. A chunked
// body over the limit is stopped and answered 413 with `Connection: close` (not read to its end, not a reset);
// the real server runs in local mode with the page and the Bot Framework endpoint on, on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES as ASK_LIMIT } from '../../adapters/web/ask-api.js';
import { MAX_BODY_BYTES } from '../../src/server.js';
import { upload } from '../http-upload.js';
import { startTeamsBot, type TeamsBot } from './teams-harness.js';

let bot: TeamsBot;
beforeAll(async () => {
  bot = await startTeamsBot({ env: { WEB_UI: 'true' } });
});
afterAll(async () => {
  await bot?.close();
});

const json = { 'content-type': 'application/json' };

describe('POST /api/messages', () => {
  it('stops a chunked activity over 1 MB: 413, Connection: close, connection closed', async () => {
    const sent = await upload(`${bot.running.url}/api/messages`, 3 * MAX_BODY_BYTES, { headers: json });
    expect(sent).toMatchObject({ status: 413, connection: 'close', text: 'activity too large' });
  });

  it('answers 413 (not a reset) to a client that never stops sending', async () => {
    const sent = await upload(`${bot.running.url}/api/messages`, Number.POSITIVE_INFINITY, { headers: json });
    expect(sent).toMatchObject({ status: 413, connection: 'close' });
    expect(sent.error).toBeUndefined();
  });

  it('refuses a declared Content-Length over 1 MB before reading it', async () => {
    const sent = await upload(`${bot.running.url}/api/messages`, MAX_BODY_BYTES + 1, { headers: json, declare: true });
    expect(sent).toMatchObject({ status: 413, connection: 'close' });
  });
});

describe('POST /api/ask', () => {
  it('stops a chunked upload over 16 KB with 413 and a JSON message', async () => {
    const sent = await upload(`${bot.running.url}/api/ask`, 2 * 1024 * 1024, { headers: json });
    expect(sent).toMatchObject({ status: 413, connection: 'close' });
    expect((JSON.parse(sent.text) as { error: string }).error).toMatch(/larger than 16 KB/);
  });

  it('answers 413 (not a reset) to a client that never stops sending', async () => {
    const sent = await upload(`${bot.running.url}/api/ask`, Number.POSITIVE_INFINITY, { headers: json });
    expect(sent).toMatchObject({ status: 413, connection: 'close' });
    expect(sent.error).toBeUndefined();
  });

  it('refuses a declared body just over its own limit', async () => {
    const sent = await upload(`${bot.running.url}/api/ask`, ASK_LIMIT + 1, { headers: json, declare: true });
    expect(sent).toMatchObject({ status: 413, connection: 'close' });
  });
});

it('keeps serving after the refusals', async () => {
  expect((await fetch(`${bot.running.url}/healthz`)).status).toBe(200);
  const response = await fetch(`${bot.running.url}/api/ask`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ question: 'timeline' }),
  });
  expect(response.status).toBe(200);
});
