// Issue 12.6: SIGTERM under keep-alive load. `breachbot serve` runs as a real process on 127.0.0.1 while 50
// keep-alive connections keep asking; on SIGTERM it drains: responses carry `Connection: close`, /readyz says 503,
// no request a client already sent on an existing connection is reset, and the process exits. Even while a Slack
// post waits out a rate limit (Retry-After 60 s), the process is gone at the 10 s shutdown budget.
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHUTDOWN_BUDGET_MS } from '../../src/cli/serve.js';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-api.js';
import { appMention, postToSlackEndpoint } from '../fixtures/slack.js';
import { slackEnv } from './slack-harness.js';
import { bareEnv, startServe, tempDir } from './web-support.js';

const CONNECTIONS = 50;

interface Outcome {
  status?: number;
  connection?: string;
  error?: string;
  /** the request went out on a connection opened before SIGTERM */
  oldConnection: boolean;
  afterSignal: boolean;
}

/** One GET over `agent`, noting whether its socket was opened before the signal. */
function get(url: string, agent: Agent, opened: WeakSet<object>, state: { signalled: boolean }): Promise<Outcome> {
  return new Promise((resolve) => {
    const afterSignal = state.signalled;
    let oldConnection = false;
    const req = request(url, { agent });
    req.on('socket', (socket) => {
      if (!state.signalled) opened.add(socket);
      oldConnection = opened.has(socket);
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode, connection: res.headers.connection, oldConnection, afterSignal }),
      );
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ error: error.code ?? error.message, oldConnection, afterSignal }),
    );
    req.end();
  });
}

describe('SIGTERM under keep-alive load', () => {
  it('drains: Connection: close, /readyz 503, no reset of requests already sent, exit 0', async () => {
    const serve = await startServe({
      env: bareEnv({ PORT: '0', DATA_DIR: tempDir('breachbot-drain-'), LOG_LEVEL: 'warn' }),
    });
    const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const opened = new WeakSet<object>();
    const state = { signalled: false, stopped: false };
    const outcomes: Outcome[] = [];
    const readyz: Outcome[] = [];
    try {
      const loop = async () => {
        while (!state.stopped) {
          const outcome = await get(`${serve.url}/healthz`, agent, opened, state);
          outcomes.push(outcome);
          if (outcome.error === 'ECONNREFUSED') return;
        }
      };
      const loops = Array.from({ length: CONNECTIONS }, loop);
      // /readyz is asked on a connection opened before the signal and left idle: a new connection made after it
      // races the port closing, which no server can prevent (the drain stops listening once no connection is left)
      const readyAgent = new Agent({ keepAlive: true, maxSockets: 1 });
      const idle = await get(`${serve.url}/healthz`, readyAgent, opened, state);
      expect(idle.status).toBe(200);
      while (outcomes.length < 500) await new Promise((resolve) => setTimeout(resolve, 20));
      state.signalled = true;
      const exited = once(serve.child, 'exit');
      process.kill(serve.child.pid as number, 'SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 50));
      readyz.push(await get(`${serve.url}/readyz`, readyAgent, opened, state));
      readyAgent.destroy();
      const [code] = await exited;
      state.stopped = true;
      await Promise.all(loops);
      expect(code).toBe(0);
    } finally {
      agent.destroy();
      await serve.stop();
    }
    const before = outcomes.filter((o) => !o.afterSignal);
    const after = outcomes.filter((o) => o.afterSignal);
    expect(before.every((o) => o.status === 200)).toBe(true);
    // every request sent on a connection that existed before SIGTERM was answered, none reset
    const resetOnOld = after.filter((o) => o.oldConnection && o.error !== undefined);
    expect(resetOnOld).toEqual([]);
    // each client connection was closed by an answer that said so (a few answers just before the signal arrived
    // still said keep-alive). Connections opened after the signal are not counted: one opened just as the port
    // closes can be reset by the kernel, which no server can prevent.
    const closing = after.filter((o) => o.status === 200 && o.connection === 'close');
    expect(closing.length).toBeGreaterThanOrEqual(CONNECTIONS);
    expect(readyz[0]?.oldConnection).toBe(true);
    expect(readyz[0]?.status).toBe(503);
  });
});

describe('the shutdown budget', () => {
  let slack: FakeSlackApi;
  beforeAll(async () => {
    slack = await startFakeSlackApi();
  });
  afterAll(async () => {
    await slack?.close();
  });

  it(`exits at the ${SHUTDOWN_BUDGET_MS / 1000} s budget while a Slack post waits out a 60 s rate limit`, async () => {
    const serve = await startServe({ env: bareEnv({ ...slackEnv(slack.url, tempDir('breachbot-budget-')) }) });
    try {
      slack.ratelimit('chat.postMessage', 10, 60);
      expect((await postToSlackEndpoint(serve.url, appMention({ text: 'status' }))).status).toBe(200);
      while (slack.callsTo('chat.postMessage').length === 0) await new Promise((r) => setTimeout(r, 20));
      const exited = once(serve.child, 'exit');
      process.kill(serve.child.pid as number, 'SIGTERM');
      const deadline = new Promise<'still running'>((resolve) =>
        setTimeout(() => resolve('still running'), SHUTDOWN_BUDGET_MS + 3000).unref(),
      );
      expect(await Promise.race([exited.then(() => 'exited'), deadline])).toBe('exited');
      expect(serve.output()).toContain('shutdown budget');
    } finally {
      await serve.stop();
    }
  });
});
