// Socket Mode end to end: the real server (createServer) with SLACK_APP_TOKEN, its Web API and
// apps.connections.open at the stand-ins in test/fakes (slack-api.ts + slack-socket.ts), envelopes delivered over a
// real WebSocket on loopback. Every envelope must come back acked with its envelope_id.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../adapters/slack/render.js';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-api.js';
import { type FakeSlackSocket, payloadOf, startFakeSlackSocket } from '../fakes/slack-socket.js';
import { appMention, BOT_USER, blockAction, directMessage, slashCommand } from '../fixtures/slack.js';
import { expectedSnippets, PING, type SlackBot, shownText, startSlackBot, waitForLogLine } from './slack-harness.js';

let api: FakeSlackApi;
let socket: FakeSlackSocket;
let bot: SlackBot;

beforeAll(async () => {
  api = await startFakeSlackApi();
  socket = startFakeSlackSocket(api);
  bot = await startSlackBot(api, { env: { SLACK_APP_TOKEN: socket.appToken, SLACK_SIGNING_SECRET: '' } });
  await socket.waitForConnections(1);
});
afterAll(async () => {
  await bot?.close(true);
  await socket?.close();
  await api?.close();
});
beforeEach(() => api.reset());

/** Delivers an event and returns once it is acked; the ack carries the envelope id. */
async function deliverEvent(
  payload: Record<string, unknown>,
  options?: { retryAttempt?: number; retryReason?: string },
) {
  const id = socket.deliver('events_api', payload, options);
  const ack = await socket.waitForAck(id);
  expect(ack.envelopeId).toBe(id);
  return ack;
}

/** A DM in a control conversation, answered after everything delivered before it has been handled. */
async function control(): Promise<void> {
  await deliverEvent(payloadOf(directMessage({ text: 'status', channel: 'D000CONTROL' })));
  await api.waitForCall('chat.postMessage', (c) => c.params.channel === 'D000CONTROL');
}

const postsTo = (channel: string) => api.callsTo('chat.postMessage').filter((c) => c.params.channel === channel);

describe('Socket Mode connection', () => {
  it('opens its connection through SLACK_API_URL with the app-level token, and mounts no HTTP route', async () => {
    expect(socket.connections[0]?.closed).toBeUndefined();
    const res = await fetch(`${bot.url}/slack/events`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(bot.lines.some((l) => l.includes('slack socket: connected'))).toBe(true);
    // the Socket Mode client's own lines come through our JSON logger, tagged
    const bolt = bot.lines.filter((l) => l.includes('"component":"bolt"'));
    expect(bolt.some((l) => l.includes('WSS URL'))).toBe(true);
    expect(bot.lines.join('\n')).not.toContain(socket.appToken);
  });
});

describe('Socket Mode envelopes', () => {
  it('answers a slash command privately in the ack of its envelope', async () => {
    const id = socket.deliver('slash_commands', payloadOf(slashCommand({ text: 'victims' })));
    const ack = await socket.waitForAck(id);
    expect(ack.payload?.response_type).toBe('ephemeral');
    const shown = shownText(ack.payload?.blocks);
    for (const snippet of expectedSnippets(bot.coreAnswer('victims')).slice(0, 3)) expect(shown).toContain(snippet);
    expect(api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('answers a mention once in its thread, also when Slack delivers it again with retry_attempt', async () => {
    const mention = payloadOf(appMention({ text: 'timeline', channel: 'C000SOCKET', ts: '1700000100.000100' }));
    await deliverEvent(mention);
    await deliverEvent(mention, { retryAttempt: 1, retryReason: 'timeout' });
    await control();
    const posts = postsTo('C000SOCKET');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.params.thread_ts).toBe('1700000100.000100');
    expect(shownText(posts[0]?.params.blocks)).toContain(expectedSnippets(bot.coreAnswer('timeline'))[0]);
  });

  it('answers a direct message in place', async () => {
    await deliverEvent(payloadOf(directMessage({ text: 'logging', channel: 'D000SOCKET' })));
    const [post] = await api.waitFor('chat.postMessage');
    expect(post?.params.channel).toBe('D000SOCKET');
    expect(shownText(post?.params.blocks)).toContain(expectedSnippets(bot.coreAnswer('logging'))[0]);
  });

  it('a button click acks its envelope and asks the next question through response_url', async () => {
    const click = blockAction({ actionId: `${ACTIONS.ask}:0`, value: 'timeline', responseUrl: api.responseUrl('b1') });
    const id = socket.deliver('interactive', payloadOf(click));
    await socket.waitForAck(id);
    const [reply] = await api.waitForResponse('b1');
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(shownText(reply?.body.blocks)).toContain(expectedSnippets(bot.coreAnswer('timeline'))[0]);
  });
});

describe('Socket Mode keeps the promises of HTTP mode', () => {
  it("ignores the bot's own messages and other bots' messages", async () => {
    const own = payloadOf(directMessage({ text: 'status', user: BOT_USER, channel: 'D000OWN' }));
    (own.event as Record<string, unknown>).bot_id = 'B0BOT0001';
    await deliverEvent(own);
    const otherBot = payloadOf(directMessage({ text: 'status', user: 'U0OTHERBOT', channel: 'D000BOTS' }));
    Object.assign(otherBot.event as Record<string, unknown>, { bot_id: 'B0OTHER', subtype: 'bot_message' });
    await deliverEvent(otherBot);
    await control();
    expect(api.callsTo('chat.postMessage').map((c) => c.params.channel)).toEqual(['D000CONTROL']);
    expect(api.callsTo('chat.postEphemeral')).toHaveLength(0);
  });

  it('acks a mention from another bot or app and does not answer it', async () => {
    const botMention = payloadOf(appMention({ text: 'victims', user: 'U0OTHERBOT', channel: 'C000BOTS' }));
    Object.assign(botMention.event as Record<string, unknown>, { bot_id: 'B0OTHER', bot_profile: { id: 'B0OTHER' } });
    await deliverEvent(botMention);
    await waitForLogLine(bot.lines, 'slack event ignored: from a bot');
    await control();
    expect(postsTo('C000BOTS')).toHaveLength(0);
    expect(api.callsTo('chat.postEphemeral')).toHaveLength(0);
  });

  it('acks a malformed envelope and drops it (a message whose text is an object)', async () => {
    const bad = payloadOf(directMessage({ text: 'victims', channel: 'D000BAD' }));
    (bad.event as Record<string, unknown>).text = { nested: 'victims' };
    await deliverEvent(bad);
    await waitForLogLine(bot.lines, 'slack payload dropped');
    await control();
    expect(postsTo('D000BAD')).toHaveLength(0);
  });

  it('answers privately in a channel shared with another organization (Slack Connect)', async () => {
    await deliverEvent(
      payloadOf(appMention({ text: 'victims', channel: 'C000SHARED' }, { is_ext_shared_channel: true })),
    );
    const [ephemeral] = await api.waitFor('chat.postEphemeral');
    expect(ephemeral?.params.channel).toBe('C000SHARED');
    await control();
    expect(postsTo('C000SHARED')).toHaveLength(0);
  });

  it('lets no <!channel> or other ping reach a reply', async () => {
    await deliverEvent(payloadOf(appMention({ text: '<!channel> <!here> timeline', channel: 'C000PING' })));
    const [post] = await api.waitFor('chat.postMessage');
    expect(String(post?.params.text)).not.toMatch(PING);
    expect(JSON.stringify(post?.params.blocks)).not.toMatch(PING);
  });
});

describe('Socket Mode reconnects', () => {
  it('after a disconnect (refresh_requested) it reconnects; nothing is lost or answered twice', async () => {
    const before = socket.connections.length;
    socket.disconnect('refresh_requested');
    // Slack may still send on the old connection; what the client drops unacked is redelivered after reconnecting
    const early = payloadOf(appMention({ text: 'victims', channel: 'C000REFRESH1' }));
    const earlyId = socket.deliver('events_api', early);
    const [, closed] = await Promise.all([
      socket.waitForClose(before),
      socket.waitForConnections(before + 1, 15_000),
    ]).then(([c]) => [c, c] as const);
    expect(closed.closed).toEqual({ code: 1000, by: 'client' });
    const late = payloadOf(appMention({ text: 'timeline', channel: 'C000REFRESH2' }));
    await deliverEvent(late);
    const redelivered = socket.redeliveries.filter((r) => r.of === earlyId).map((r) => r.id);
    await Promise.any([earlyId, ...redelivered].map((id) => socket.waitForAck(id)));
    await control();
    expect(postsTo('C000REFRESH1')).toHaveLength(1);
    expect(postsTo('C000REFRESH2')).toHaveLength(1);
    expect(api.callsTo('apps.connections.open')).toHaveLength(1);
    expect(api.callsTo('apps.connections.open')[0]?.authorization).toBe(`Bearer ${socket.appToken}`);
  }, 30_000);

  it('on close, sends a close frame (1000) and stops: no reconnect', async () => {
    const last = socket.connections.length;
    await bot.close();
    const record = await socket.waitForClose(last);
    expect(record.closed).toEqual({ code: 1000, by: 'client' });
    expect(bot.lines.some((l) => l.includes('slack socket: closed'))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(socket.connections).toHaveLength(last);
  });
});
