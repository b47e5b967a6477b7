// The Slack request receiver on its own: signature and timestamp rules, body parsing, which payloads pass, and how
// acks are written. Bolt's App is replaced by a recorder here (its `processEvent` is the only thing the receiver
// calls); the end-to-end tests drive the real App through the real server.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App, ReceiverEvent } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import {
  isHandledPayload,
  isSignedBySlack,
  parseSlackBody,
  SlackRequestReceiver,
  UNACKED_AFTER_MS,
} from '../../adapters/slack/receiver.js';
import { createLogger } from '../../src/logger.js';

const SECRET = 'unit-signing-secret';
const NOW = 1_700_000_000;
const FORM = 'application/x-www-form-urlencoded';

function signature(body: string, ts: number | string, secret = SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
}

describe('isSignedBySlack', () => {
  const body = 'command=%2Fbreach&text=victims';
  const check = (sig: unknown, ts: unknown, raw = body) =>
    isSignedBySlack(SECRET, { signature: sig, timestamp: ts }, Buffer.from(raw), NOW);

  it('accepts Slack’s v0 signature within five minutes either way', () => {
    expect(check(signature(body, NOW), String(NOW))).toBe(true);
    expect(check(signature(body, NOW - 299), String(NOW - 299))).toBe(true);
    expect(check(signature(body, NOW + 299), String(NOW + 299))).toBe(true);
  });

  it.each([
    ['another secret', () => check(signature(body, NOW, 'other'), String(NOW))],
    ['a stale timestamp', () => check(signature(body, NOW - 301), String(NOW - 301))],
    ['a timestamp from the future', () => check(signature(body, NOW + 301), String(NOW + 301))],
    ['a changed body', () => check(signature(body, NOW), String(NOW), `${body}x`)],
    ['a timestamp that is not digits', () => check(signature(body, '1e9'), '1e9')],
    ['a missing signature', () => check(undefined, String(NOW))],
    ['a missing timestamp', () => check(signature(body, NOW), undefined)],
    ['repeated headers', () => check([signature(body, NOW)], String(NOW))],
    ['a truncated signature', () => check(signature(body, NOW).slice(0, -2), String(NOW))],
    ['another version', () => check(signature(body, NOW).replace('v0=', 'v1='), String(NOW))],
  ])('refuses %s', (_name, run) => {
    expect(run()).toBe(false);
  });
});

describe('parseSlackBody and isHandledPayload', () => {
  it('reads form fields, keeping the first of a repeated field', () => {
    expect(parseSlackBody(FORM, 'command=%2Fbreach&text=a&text=b')).toEqual({ command: '/breach', text: 'a' });
  });

  it('reads the JSON inside an interaction’s payload field', () => {
    const raw = new URLSearchParams({ payload: JSON.stringify({ type: 'block_actions', actions: [] }) }).toString();
    expect(parseSlackBody(FORM, raw)).toEqual({ type: 'block_actions', actions: [] });
  });

  it.each([
    ['application/json', '{"type":'],
    ['application/json', '[1,2]'],
    ['application/json', 'null'],
    [FORM, 'payload=%7Bnope'],
    [FORM, 'payload=42'],
    ['text/plain', 'command=%2Fbreach'],
    ['', 'command=%2Fbreach'],
  ])('explains why a %s body %j is refused', (type, raw) => {
    expect(typeof parseSlackBody(type, raw)).toBe('string');
  });

  it.each([
    [{ command: '/breach', text: 'x' }, true],
    [{ command: '/' }, false],
    [{ command: 'breach' }, false],
    [{ type: 'block_actions', actions: [] }, true],
    [{ type: 'block_actions' }, false],
    [{ type: 'url_verification', challenge: 'c' }, true],
    [{ type: 'event_callback', event: { type: 'app_mention' } }, true],
    [{ type: 'event_callback', event: {} }, false],
    [{ type: 'event_callback', event: null }, false],
    [{ type: 'view_submission' }, false],
    [{}, false],
  ])('%j handled: %s', (payload, handled) => {
    expect(isHandledPayload(payload)).toBe(handled);
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
    const res = await h.post('command=%2Fbreach&text=victims', {
      'x-slack-retry-num': '2',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect(res).toEqual({ status: 200, text: '{"response_type":"ephemeral","text":"hi"}', type: 'application/json' });
    expect(h.events).toHaveLength(1);
    expect(h.events[0]?.body).toEqual({ command: '/breach', text: 'victims' });
    expect(h.events[0]?.retryNum).toBe(2);
    expect(h.events[0]?.retryReason).toBe('http_timeout');
    expect(h.events[0]?.customProperties).toEqual({ requestId: 'req-1' });
  });

  it('reuses the JSON of a frozen ack body, and serializes unfrozen ones each time', async () => {
    const frozen = Object.freeze({ text: 'same' });
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
    expect((await h.post('command=%2Fbreach')).text).toBe('{"text":"same"}');
    expect((await h.post('command=%2Fbreach')).text).toBe('{"text":"same"}');
    expect((await h.post('command=%2Fbreach')).text).toBe('{"text":"turn 3"}');
    expect((await h.post('command=%2Fbreach')).text).toBe('{"text":"turn 4"}');
  });

  it('acks empty at once when every listener finished without acking', async () => {
    const h = await harness(async () => undefined);
    close = h.close;
    const started = performance.now();
    const res = await h.post('command=%2Fbreach');
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
    expect((await h.post('command=%2Fbreach')).text).toBe('{"n":1}');
    expect(h.lines.some((l) => l.includes('ack after the request was answered'))).toBe(true);
  });

  it('a listener error before the ack is a 500 with no details; after the ack it is only logged', async () => {
    let acked = false;
    const h = await harness(async (event) => {
      if (acked) await event.ack('ok');
      throw new Error('listener exploded at secret.ts:12');
    });
    close = h.close;
    const before = await h.post('command=%2Fbreach');
    expect(before.status).toBe(500);
    expect(before.text).not.toContain('exploded');
    acked = true;
    const after = await h.post('command=%2Fbreach');
    expect(after).toMatchObject({ status: 200, text: 'ok' });
    expect(h.lines.filter((l) => l.includes('slack request failed'))).toHaveLength(2);
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
    expect((await h.post('command=%2Fbreach', { 'x-slack-signature': 'v0=00' })).status).toBe(401);
    expect((await h.post('{"type":', {}, 'application/json')).status).toBe(400);
    expect((await h.post('{"type":"view_submission"}', {}, 'application/json')).status).toBe(400);
    expect((await h.post('command=%2Fbreach', {}, 'text/plain')).status).toBe(400);
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
