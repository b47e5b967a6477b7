// Which failed Web API attempts may be sent again (issue 12.2), with errors made by a real WebClient over loopback:
// a refused connection (never reached Slack) may, a timeout or an HTTP error (Slack may have acted) may not.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayRetry } from '../../adapters/slack/web-client.js';

let slow: Server;
let slowUrl: string;
let refusedUrl: string;

beforeAll(async () => {
  slow = createServer((req, res) => {
    if (req.url?.includes('http.error')) {
      res.writeHead(502);
      res.end();
    } else if (req.url?.includes('rate.limited')) {
      res.writeHead(429, { 'retry-after': '0', 'content-type': 'application/json' });
      res.end('{"ok":false,"error":"ratelimited"}');
    }
    // otherwise never answer: the client times out
  });
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
  slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/api/`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  refusedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/api/`;
  await new Promise((resolve) => closed.close(resolve));
});
afterAll(async () => {
  slow.closeAllConnections();
  await new Promise((resolve) => slow.close(resolve));
});

async function failure(apiUrl: string, method: string): Promise<unknown> {
  const client = new webApi.WebClient('xoxb-unit', { slackApiUrl: apiUrl, timeout: 200, retryConfig: { retries: 0 } });
  return client.apiCall(method).then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe('mayRetry', () => {
  it('retries a refused connection: the request never reached Slack', async () => {
    expect(mayRetry(await failure(refusedUrl, 'chat.postMessage'))).toBe(true);
  });

  it('does not retry a timeout: Slack may have posted already', async () => {
    expect(mayRetry(await failure(slowUrl, 'chat.postMessage'))).toBe(false);
  });

  it('does not retry an HTTP error', async () => {
    expect(mayRetry(await failure(slowUrl, 'http.error'))).toBe(false);
  });

  it('retries after a 429 (the client has already waited for Retry-After)', async () => {
    expect(mayRetry(await failure(slowUrl, 'rate.limited'))).toBe(true);
  });

  it('does not retry an error it cannot place', () => {
    expect(mayRetry(new Error('A rate limit was exceeded'))).toBe(false);
    expect(mayRetry(undefined)).toBe(false);
  });
});
