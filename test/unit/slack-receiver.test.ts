// The Slack request receiver on its own: our timestamp rules on top of Bolt's verification, which payload shapes
// pass, and how acks are written. Bolt's App is replaced by a recorder here (its `processEvent` is the only thing the receiver
// calls); the end-to-end tests drive the real App through the real server.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App, ReceiverEvent } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { payloadProblem } from '../../adapters/slack/payloads.js';
import { isAcceptableTimestamp, SlackRequestReceiver, UNACKED_AFTER_MS } from '../../adapters/slack/receiver.js';
import { createLogger } from '../../src/logger.js';

const SECRET = 'unit-signing-secret';
const NOW = 1_700_000_000;
const FORM = 'application/x-www-form-urlencoded';
/** a slash command with the fields Slack always sends */
const SLASH = 'command=%2Fbreach&team_id=T1&channel_id=C1&user_id=U1';

function signature(body: string, ts: number | string, secret = SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
}

describe('isAcceptableTimestamp (the rules Bolt does not check)', () => {
  it.each([
    [String(NOW), true],
    [String(NOW - 10_000), true],
    [String(NOW + 299), true],
    [String(NOW + 301), false],
    ['1e9', false],
    ['', false],
    [undefined, false],
    [[String(NOW)], false],
  ])('%j → %s', (ts, ok) => {
    expect(isAcceptableTimestamp(ts, NOW)).toBe(ok);
  });
});

describe('payloadProblem', () => {
  const action = { type: 'button', action_id: 'breach_ask:0', value: 'victims' };
  it.each([
    [{ command: '/breach', text: 'x', team_id: 'T', channel_id: 'C', user_id: 'U' }, undefined],
    [{ command: '/breach', team_id: 'T', channel_id: 'C', user_id: 'U' }, undefined],
    [{ type: 'block_actions', user: { id: 'U' }, actions: [action] }, undefined],
    [{ type: 'block_actions', user: { id: 'U' }, actions: [] }, undefined],
    // fields breachbot does not read, at every level, pass (Slack adds fields without notice)
    [
      {
        type: 'block_actions',
        api_app_id: 'A',
        user: { id: 'U', username: 'u' },
        actions: [{ ...action, block_id: 'b' }],
        container: { type: 'message', thread_ts: '1.2' },
      },
      undefined,
    ],
    [
      { command: '/breach', team_id: 'T', channel_id: 'C', user_id: 'U', trigger_id: '1.2', api_app_id: 'A' },
      undefined,
    ],
    [{ type: 'url_verification', challenge: 'c' }, undefined],
    [{ type: 'event_callback', event: { type: 'app_mention', text: 'x', channel: 'C', ts: '1.2' } }, undefined],
    [{ type: 'event_callback', event: { type: 'reaction_added', anything: 1 } }, undefined],
    [{ type: 'app_rate_limited' }, undefined],
  ])('accepts %j', (payload, problem) => {
    expect(payloadProblem(payload)).toBe(problem);
  });

  it.each([
    [{ command: '/' }, 'command'],
    [{ command: 'breach', team_id: 'T', channel_id: 'C', user_id: 'U' }, 'command'],
    [{ command: '/breach', team_id: 'T', channel_id: 'C', user_id: '' }, 'user_id'],
    [{ command: '/breach', text: ['a'], team_id: 'T', channel_id: 'C', user_id: 'U' }, 'text'],
    [{ type: 'block_actions', actions: [action] }, 'user'],
    [{ type: 'block_actions', user: { id: 'U' } }, 'actions'],
    [{ type: 'block_actions', user: { id: 'U' }, actions: [{ ...action, value: { q: 1 } }] }, 'actions.0.value'],
    [{ type: 'url_verification', challenge: { a: 1 } }, 'challenge'],
    [{ type: 'url_verification' }, 'challenge'],
    [{ type: 'event_callback', event: {} }, 'event.type'],
    [{ type: 'event_callback', event: null }, 'event'],
    [{ type: 'event_callback', event: { type: 'message', text: { a: 1 }, channel: 'D', ts: '1.2' } }, 'event.text'],
    [{ type: 'event_callback', event: { type: 'app_mention', text: 'x', ts: '1.2' } }, 'event.channel'],
    [{ type: 'event_callback', event: { type: 'app_home_opened' } }, 'event.user'],
    [{ type: 'view_submission' }, 'view_submission'],
    [{}, 'no type'],
  ])('refuses %j, naming %s', (payload, where) => {
    expect(payloadProblem(payload as Record<string, unknown>)).toContain(where);
  });
});

/** A receiver on a loopback server, with a recorder in place of Bolt's App. */
async function harness(process: (event: ReceiverEvent) => Promise<void>) {
  const lines: string[] = [];
  const log = createLogger({
    level: 'info',
    stream: {
      write: (line: string) => {
        lines.push(line);
        return true;
      },
    } as never,
  });
  const receiver = new SlackRequestReceiver({ signingSecret: SECRET, log });
  const events: ReceiverEvent[] = [];
  receiver.init({
    processEvent: async (event: ReceiverEvent) => {
      events.push(event);
      await process(event);
    },
  } as unknown as App);
  const server: Server = createServer((req, res) => {
    res.setHeader('x-request-id', 'req-1');
    void receiver.handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const post = async (body: string, headers: Record<string, string> = {}, contentType = FORM) => {
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signature(body, ts),
        ...headers,
      },
      body,
    });
    return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
  };
  return { events, lines, post, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('SlackRequestReceiver', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('hands a signed slash command to Bolt once, with retry headers and the request id, and writes the ack', async () => {
    const h = await harness(async (event) => event.ack({ response_type: 'ephemeral', text: 'hi' }));
    close = h.close;
    const res = await h.post(`${SLASH}&text=victims`, {
      'x-slack-retry-num': '2',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect(res).toEqual({ status: 200, text: '{"response_type":"ephemeral","text":"hi"}', type: 'application/json' });
    expect(h.events).toHaveLength(1);
    expect(h.events[0]?.body).toEqual({
      command: '/breach',
      team_id: 'T1',
      channel_id: 'C1',
      user_id: 'U1',
      text: 'victims',
    });
    expect(h.events[0]?.retryNum).toBe(2);
    expect(h.events[0]?.retryReason).toBe('http_timeout');
    expect(h.events[0]?.customProperties).toEqual({ requestId: 'req-1' });
  });

  it('reuses the JSON of a frozen ack body, and serializes unfrozen ones each time', async () => {
    // not ASCII: the kept bytes and the Content-Length must be UTF-8's, or the client reads a cut or garbled body
    const frozen = Object.freeze({ text: 'same • ✏️' });
    const open: { text: string } = { text: 'before' };
    let turn = 0;
    const h = await harness(async (event) => {
      turn += 1;
      if (turn <= 2) await event.ack(frozen);
      else {
        open.text = `turn ${turn}`;
        await event.ack(open);
      }
    });
    close = h.close;
    expect(await h.post(SLASH)).toEqual({ status: 200, text: '{"text":"same • ✏️"}', type: 'application/json' });
    expect(await h.post(SLASH)).toEqual({ status: 200, text: '{"text":"same • ✏️"}', type: 'application/json' });
    expect((await h.post(SLASH)).text).toBe('{"text":"turn 3"}');
    expect((await h.post(SLASH)).text).toBe('{"text":"turn 4"}');
  });

  it('acks empty at once when every listener finished without acking', async () => {
    const h = await harness(async () => undefined);
    close = h.close;
    const started = performance.now();
    const res = await h.post(SLASH);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(performance.now() - started).toBeLessThan(UNACKED_AFTER_MS);
  });

  it('a second ack is ignored and logged, never written twice', async () => {
    const h = await harness(async (event) => {
      await event.ack({ n: 1 });
      await event.ack({ n: 2 });
    });
    close = h.close;
    expect((await h.post(SLASH)).text).toBe('{"n":1}');
    expect(h.lines.some((l) => l.includes('ack after the request was answered'))).toBe(true);
  });

  it('a listener error before the ack is a 500 with no details; after the ack it is only logged', async () => {
    let acked = false;
    const h = await harness(async (event) => {
      if (acked) await event.ack('ok');
      throw new Error('listener exploded at secret.ts:12');
    });
    close = h.close;
    const before = await h.post(SLASH);
    expect(before.status).toBe(500);
    expect(before.text).not.toContain('exploded');
    acked = true;
    const after = await h.post(SLASH);
    expect(after).toMatchObject({ status: 200, text: 'ok' });
    expect(h.lines.filter((l) => l.includes('slack request failed'))).toHaveLength(2);
  });

  it.each([
    ['another secret', (now: number) => ({ sig: signature(SLASH, now, 'other'), ts: now })],
    ['a stale timestamp', (now: number) => ({ sig: signature(SLASH, now - 301), ts: now - 301 })],
    // well past the five-minute window: the receiver reads the clock a moment later, maybe a second later under load
    ['a timestamp from the future', (now: number) => ({ sig: signature(SLASH, now + 330), ts: now + 330 })],
    ['a changed body', (now: number) => ({ sig: signature(`${SLASH}x`, now), ts: now })],
    ['a timestamp that is not digits', () => ({ sig: signature(SLASH, '1e9'), ts: '1e9' })],
    ['an empty signature', (now: number) => ({ sig: '', ts: now })],
    ['a truncated signature', (now: number) => ({ sig: signature(SLASH, now).slice(0, -2), ts: now })],
    ['another version', (now: number) => ({ sig: signature(SLASH, now).replace('v0=', 'v1='), ts: now })],
  ])('refuses %s with 401 before Bolt sees it', async (_name, make) => {
    const h = await harness(async () => undefined);
    close = h.close;
    const { sig, ts } = make(Math.floor(Date.now() / 1000));
    const res = await h.post(SLASH, { 'x-slack-signature': sig, 'x-slack-request-timestamp': String(ts) });
    expect(res.status).toBe(401);
    expect(h.events).toHaveLength(0);
  });

  it('answers an unsigned ssl_check with 200 and hands nothing to Bolt', async () => {
    const h = await harness(async () => undefined);
    close = h.close;
    const res = await h.post('token=x&ssl_check=1&command=%2Fbreach&text=victims', {
      'x-slack-signature': 'v0=00',
    });
    expect(res).toMatchObject({ status: 200, text: '' });
    expect(h.events).toHaveLength(0);
  });

  it('refuses unsigned, malformed and unhandled bodies before Bolt sees them', async () => {
    const h = await harness(async () => undefined);
    close = h.close;
    expect((await h.post(SLASH, { 'x-slack-signature': 'v0=00' })).status).toBe(401);
    expect((await h.post('{"type":', {}, 'application/json')).status).toBe(400);
    expect((await h.post('{"type":"view_submission"}', {}, 'application/json')).status).toBe(400);
    expect((await h.post(SLASH, {}, 'text/plain')).status).toBe(400);
    expect(h.events).toHaveLength(0);
  });

  it('answers a signed url_verification with its challenge, and acks app_rate_limited', async () => {
    const h = await harness(async () => undefined);
    close = h.close;
    const challenge = await h.post('{"type":"url_verification","challenge":"c-1"}', {}, 'application/json');
    expect(JSON.parse(challenge.text)).toEqual({ challenge: 'c-1' });
    const limited = await h.post('{"type":"app_rate_limited","minute_rate_limited":1}', {}, 'application/json');
    expect(limited.status).toBe(200);
    expect(h.events).toHaveLength(0);
  });
});
