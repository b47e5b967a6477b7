/**
 * Socket Mode with SLACK_API_URL set sends nothing to slack.com: `breachbot serve` runs as a real process inside a
 * private network namespace with loopback only (`unshare -n`), so a request for any host but the stand-ins fails
 * by construction instead of leaving the machine. The stand-ins (fake Web API and Socket Mode, test/fakes) stay in
 * this process and are reached from inside through a relay on their own port number (test/fakes/slack-netns.ts),
 * which first checks that slack.com is indeed unreachable there. If anything (auth.test, apps.connections.open, a
 * reply) ignored SLACK_API_URL, start-up or the answer below would fail. Then SIGTERM must close the WebSocket
 * cleanly (close code 1000 from the app) and exit 0. Needs root for `unshare`, as CI has.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-api.js';
import { bridgeToNamespace, type NamespaceBridge } from '../fakes/slack-netns.js';
import { type FakeSlackSocket, payloadOf, startFakeSlackSocket } from '../fakes/slack-socket.js';
import { appMention, BOT_TOKEN, slashCommand } from '../fixtures/slack.js';
import { blocksText } from './slack-harness.js';
import { bareEnv, startServe, tempDir } from './web-support.js';

let api: FakeSlackApi;
let socket: FakeSlackSocket;
let bridge: NamespaceBridge;

beforeAll(async () => {
  api = await startFakeSlackApi();
  socket = startFakeSlackSocket(api);
  bridge = await bridgeToNamespace(api.server, (api.server.address() as AddressInfo).port);
});
afterAll(async () => {
  await bridge?.close();
  await socket?.close();
  await api?.close();
});

it('answers over Socket Mode inside a namespace where slack.com is unreachable, and closes cleanly on SIGTERM', async () => {
  const env = bareEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: tempDir('breachbot-socket-'),
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: socket.appToken,
    SLACK_API_URL: api.url,
    WEB_UI: 'false',
  });
  const serve = await startServe({ env, command: bridge.command([process.execPath, 'bin/breachbot.js', 'serve']) });
  try {
    expect(serve.output()).toMatch(/netns probe: slack\.com blocked/);
    await socket.waitForConnections(1);
    expect(api.callsTo('auth.test')).toHaveLength(1);
    expect(api.callsTo('apps.connections.open')[0]?.authorization).toBe(`Bearer ${socket.appToken}`);

    const command = socket.deliver('slash_commands', payloadOf(slashCommand({ text: 'status' })));
    expect((await socket.waitForAck(command)).payload?.response_type).toBe('ephemeral');
    const mention = socket.deliver('events_api', payloadOf(appMention({ text: 'victims', channel: 'C000NETNS' })));
    await socket.waitForAck(mention);
    const post = await api.waitForCall('chat.postMessage', (c) => c.params.channel === 'C000NETNS');
    expect(blocksText(post.params.blocks).length).toBeGreaterThan(0);

    process.kill(serve.child.pid as number, 'SIGTERM');
    const code = await new Promise((resolve) => serve.child.once('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(0);
    const closed = await socket.waitForClose(1);
    expect(closed.closed).toEqual({ code: 1000, by: 'client' });
    expect(socket.connections).toHaveLength(1);
    expect(serve.output()).not.toContain(BOT_TOKEN);
    expect(serve.output()).not.toContain(socket.appToken);
  } finally {
    await serve.stop();
  }
}, 30_000);
