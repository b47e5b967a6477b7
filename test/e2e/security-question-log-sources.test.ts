// Issue 12.8, "per source": the question log takes at most 10 questions a minute from one source, and one busy
// source does not stop another from being logged. The real server runs in local mode on 127.0.0.1 with its page's
// API (`/api/ask`, whose source is the client address); one client asks from 127.0.0.1, the other from 127.0.0.2
// (both loopback), and the log is read back from the server's own store.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamsBot, type TeamsBot } from './teams-harness.js';

const UNANSWERABLE = 'what is the airspeed of an unladen swallow';

/** POSTs a question to `/api/ask` from the loopback address `from`; resolves with the HTTP status. */
function askFrom(base: string, from: string, question: string): Promise<number> {
  const body = JSON.stringify({ question });
  return new Promise((resolve, reject) => {
    const req = request(`${base}/api/ask`, {
      method: 'POST',
      localAddress: from,
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the question log rate limit is per source', () => {
  let bot: TeamsBot;
  beforeAll(async () => {
    bot = await startTeamsBot({ env: { WEB_UI: 'true' } });
  });
  afterAll(async () => {
    await bot?.close();
  });

  const countOf = async () => {
    const logged = await bot.running.store.listQuestions();
    expect(logged).toHaveLength(1);
    return logged[0]?.count;
  };

  it('throttles one source at 10 a minute while a second source is still logged', async () => {
    for (let i = 0; i < 15; i++) expect(await askFrom(bot.running.url, '127.0.0.1', UNANSWERABLE)).toBe(200);
    expect(await countOf()).toBe(10);
    for (let i = 0; i < 3; i++) expect(await askFrom(bot.running.url, '127.0.0.2', UNANSWERABLE)).toBe(200);
    expect(await countOf()).toBe(13);
    // the first source is still throttled
    expect(await askFrom(bot.running.url, '127.0.0.1', UNANSWERABLE)).toBe(200);
    expect(await countOf()).toBe(13);
  });
});
