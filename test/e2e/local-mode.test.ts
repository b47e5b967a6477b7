// What a newcomer sees: `npm start` in a fresh copy of the repository with an empty environment starts local mode
// (page, health checks, and a Bot Framework endpoint the Emulator can talk to on loopback). With HOST=0.0.0.0 and
// no app id the Bot Framework endpoint stays off. Only 127.0.0.1 is ever connected to.
import { cpSync, existsSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeConnector, startFakeConnector } from '../fakes/bot-connector.js';
import { bareEnv, REPO_ROOT, type ServeProcess, startServe, tempDir } from './web-support.js';

const SKIP = new Set(['node_modules', '.git', 'var', 'dist', 'artifacts', '.env']);

/** A copy of the repository as a newcomer has it after `npm install` (node_modules linked, dist copied). */
function freshCopy(): string {
  const dir = path.join(tempDir('breachbot-local-'), 'breachbot');
  cpSync(REPO_ROOT, dir, {
    recursive: true,
    filter: (source) => source === REPO_ROOT || !SKIP.has(path.basename(source)),
  });
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  if (existsSync(path.join(REPO_ROOT, 'dist')))
    cpSync(path.join(REPO_ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  return dir;
}

/** True when nothing listens on 127.0.0.1:port, so the default port can be used as a newcomer would. */
async function portIsFree(port: number): Promise<boolean> {
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function emulatorActivity(serviceUrl: string, text: string) {
  return {
    type: 'message',
    id: 'emulator-activity-1',
    channelId: 'emulator',
    serviceUrl,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    locale: 'en-US',
    from: { id: 'emulator-user-1', name: 'User', role: 'user' },
    recipient: { id: 'emulator-bot-1', name: 'Bot', role: 'bot' },
    conversation: { id: 'emulator-conversation-1' },
    text,
  };
}

describe('npm start in a fresh copy with an empty environment', () => {
  let copy: string;
  let server: ServeProcess;
  let connector: FakeConnector;
  let startedIn = 0;
  let defaultPort = false;

  beforeAll(async () => {
    copy = freshCopy();
    connector = await startFakeConnector();
    defaultPort = await portIsFree(3978);
    if (!defaultPort)
      console.warn('port 3978 is busy on this machine: this run sets PORT=0 instead of an empty environment');
    const started = Date.now();
    server = await startServe({
      command: ['npm', 'start'],
      cwd: copy,
      env: bareEnv(defaultPort ? {} : { PORT: '0' }),
      timeoutMs: 110_000,
    });
    startedIn = Date.now() - started;
  });

  afterAll(async () => {
    await server?.stop();
    await connector?.close();
    if (copy) rmSync(path.dirname(copy), { recursive: true, force: true });
  });

  it('prints one short block: what runs, the page URL, how to turn on Slack and Teams', () => {
    const out = server.output();
    console.log(`npm start printed its URL after ${startedIn} ms:\n${out}`);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    if (defaultPort) expect(server.url).toBe('http://127.0.0.1:3978');
    expect(server.pageUrl).toBe(`${server.url}/`);
    expect(out).toMatch(/local mode/i);
    expect(out).toMatch(/SLACK_BOT_TOKEN/);
    expect(out).toMatch(/MICROSOFT_APP_ID/);
    expect(out).toMatch(/\/api\/messages/);
  });

  it('the printed page URL answers, and /healthz and /readyz are 200', async () => {
    const page = await fetch(server.pageUrl as string);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/breachbot/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('keeps its state under ./var in the copy (SQLite)', () => {
    expect(existsSync(path.join(copy, 'var'))).toBe(true);
  });

  it('the Bot Framework endpoint answers an Emulator-style activity', async () => {
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(emulatorActivity(connector.url, 'who were the victims?')),
    });
    expect(response.status).toBeLessThan(300);
    const [reply] = await connector.waitFor(1, 20_000);
    expect(reply?.conversationId).toBe('emulator-conversation-1');
    expect(reply?.replyToId).toBe('emulator-activity-1');
    expect(reply?.authorization).toBeUndefined();
    expect(JSON.stringify(reply?.activity)).toMatch(/Commerce/);
  });
});

describe('HOST=0.0.0.0 without an app id', () => {
  it('keeps the Bot Framework endpoint off and says why', async () => {
    const server = await startServe({
      env: bareEnv({ PORT: '0', HOST: '0.0.0.0', DATA_DIR: tempDir('breachbot-open-') }),
    });
    try {
      const port = new URL(server.url).port;
      const base = `http://127.0.0.1:${port}`;
      const response = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(emulatorActivity('http://127.0.0.1:9/', 'hello')),
      });
      expect(response.status).toBe(404);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect(server.output()).toMatch(/MICROSOFT_APP_ID/);
    } finally {
      await server.stop();
    }
  });
});
