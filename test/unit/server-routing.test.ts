// The HTTP server around the adapters: health and readiness, exact routing with 404/405, request ids, body limits,
// no internals in error responses, and a shutdown that closes the store.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger, type Logger, silentLogger } from '../../src/logger.js';
import { createServer, type RunningServer } from '../../src/server.js';
import { createMemoryStore } from '../../src/store/memory.js';

let running: RunningServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await running?.close(500).catch(() => undefined);
  if (dir) await rm(dir, { recursive: true, force: true });
  running = undefined;
});

async function start(env: Record<string, string> = {}, store = createMemoryStore(), log: Logger = silentLogger) {
  dir = await mkdtemp(path.join(tmpdir(), 'breachbot-server-'));
  const base = loadConfig({ PORT: '0', DATA_DIR: dir, WEB_UI: 'false', ...env });
  const config = Object.freeze({ ...base, teams: undefined, teamsOff: 'off for this test' });
  running = await createServer({ config, log, store, scheduler: false });
  return running;
}

describe('server', () => {
  it('is healthy, ready with the store reachable, and not ready without it', async () => {
    const store = createMemoryStore();
    const server = await start({}, store);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { incidents: number }).incidents).toBe(server.kb.incidents.length);
    await store.close();
    const notReady = await fetch(`${server.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('answers 404 JSON for unknown paths and 405 with Allow for a wrong method', async () => {
    const server = await start();
    const missing = await fetch(`${server.url}/slack/events`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not found' });
    const wrong = await fetch(`${server.url}/healthz`, { method: 'POST' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    const head = await fetch(`${server.url}/healthz`, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('echoes a safe request id and makes one up otherwise', async () => {
    const server = await start();
    const given = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const unsafe = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'a b\tc' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
  });

  it('writes one request line per response, when it has closed: id, method, path without query, status, ms', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const server = await start({}, createMemoryStore(), createLogger({ level: 'info', stream }));
    const ids: string[] = [];
    for (const [target, method] of [
      ['/healthz?probe=1', 'GET'],
      ['/nowhere', 'GET'],
      ['/healthz', 'POST'],
    ] as const) {
      const res = await fetch(`${server.url}${target}`, { method, headers: { 'x-request-id': `t-${ids.length}` } });
      await res.arrayBuffer();
      ids.push(res.headers.get('x-request-id') ?? '');
    }
    await server.close(500);
    running = undefined;
    const requests = lines.filter((line) => line.msg === 'request');
    expect(requests.map(({ requestId, method, path, status }) => ({ requestId, method, path, status }))).toEqual([
      { requestId: 't-0', method: 'GET', path: '/healthz', status: 200 },
      { requestId: 't-1', method: 'GET', path: '/nowhere', status: 404 },
      { requestId: 't-2', method: 'POST', path: '/healthz', status: 405 },
    ]);
    expect(ids).toEqual(['t-0', 't-1', 't-2']);
    for (const line of requests) expect(line.ms).toBeGreaterThanOrEqual(0);
  });

  it('refuses a body announced larger than 1 MB with 413 before any route reads it', async () => {
    const server = await start({ WEB_UI: 'true' });
    const big = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q: 'x'.repeat(1_100_000) }),
    });
    expect(big.status).toBe(413);
    expect(await big.text()).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('closes the store on shutdown and stops accepting connections', async () => {
    const store = createMemoryStore();
    const server = await start({}, store);
    await server.close();
    await expect(store.ping()).rejects.toThrow();
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
