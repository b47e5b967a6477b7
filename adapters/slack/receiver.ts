/**
 * The HTTP side of the Slack adapter: a Bolt `Receiver` mounted on our server's `POST /slack/events` route. It
 * reads the body once (with a size limit), checks Slack's request signature once, parses the payload once, turns
 * away what breachbot does not handle with a 4xx, and hands the rest to Bolt (`app.processEvent`), whose
 * middleware and listeners do the rest. The ack writes one response with a known length.
 *
 * Bolt's own HTTPReceiver does the same job for a stand-alone server; this one exists because our server owns the
 * socket, routing, request ids and access log, and because it does the per-request work once instead of twice.
 *
 * Order of checks: body size (413) → `ssl_check` (200, Slack does not sign it) → signature and timestamp (401) →
 * content type and syntax (400) → payload kind (400) → `url_verification` (challenge) → Bolt.
 *
 * @example
 * const receiver = new SlackRequestReceiver({ signingSecret, log });
 * const app = new App({ receiver, token, deferInitialization: true });
 * server.mount([{ method: 'POST', path: '/slack/events', handle: receiver.handle }]);
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import { type App, AuthorizationError, type Receiver, type ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';

/** Slack payloads are small; a block_actions payload with a long message stays far below this. */
export const SLACK_BODY_LIMIT = 1024 * 1024;
/** Slack's rule: a request whose timestamp is more than five minutes from our clock is refused (replays). */
export const SIGNATURE_MAX_AGE_S = 5 * 60;
/** Slack stops waiting after 3 s; a request no listener acknowledged by then gets an empty 200 and a log line. */
export const UNACKED_AFTER_MS = 3001;

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

export interface SlackRequestReceiverOptions {
  signingSecret: string;
  log: Logger;
  /** seconds clock for the timestamp check (tests) */
  nowSeconds?: () => number;
}

type Payload = Record<string, unknown>;

/** The media type without parameters (`application/json; charset=utf-8` → `application/json`). */
function mediaType(header: string | undefined): string {
  if (!header) return '';
  const semi = header.indexOf(';');
  return (semi === -1 ? header : header.slice(0, semi)).trim().toLowerCase();
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(size > limit ? 'too-large' : chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
}

/**
 * True when `signature` is Slack's `v0=` HMAC-SHA256 of `v0:TIMESTAMP:BODY` under `secret` and the timestamp is
 * within five minutes of `nowSeconds` (either way). Compares in constant time.
 */
export function isSignedBySlack(
  secret: string,
  headers: { signature: unknown; timestamp: unknown },
  raw: Buffer,
  nowSeconds: number,
): boolean {
  const { signature, timestamp } = headers;
  if (typeof signature !== 'string' || typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_MAX_AGE_S) return false;
  const expected = Buffer.from(
    `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(raw).digest('hex')}`,
    'latin1',
  );
  const given = Buffer.from(signature, 'latin1');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A form body → its fields; a repeated field keeps its first value, so every value is a string. */
function formFields(raw: string): Payload {
  const parsed = parseForm(raw);
  const out: Payload = {};
  for (const key of Object.keys(parsed)) {
    const value = parsed[key];
    out[key] = Array.isArray(value) ? value[0] : value;
  }
  return out;
}

/** The payload in a signed body, or why it is refused (400). */
export function parseSlackBody(contentType: string, raw: string): Payload | string {
  try {
    if (contentType === FORM) {
      const fields = formFields(raw);
      if (typeof fields.payload !== 'string') return fields;
      const inner = JSON.parse(fields.payload) as unknown;
      return inner !== null && typeof inner === 'object' && !Array.isArray(inner)
        ? (inner as Payload)
        : 'the payload field is not a JSON object';
    }
    if (contentType === JSON_TYPE) {
      const parsed = JSON.parse(raw) as unknown;
      return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Payload)
        : 'the body is not a JSON object';
    }
    return `unsupported content type ${contentType ? `"${contentType}"` : '(none)'}`;
  } catch {
    return 'malformed JSON';
  }
}

/** True for the payloads breachbot handles: slash commands, block actions, events, URL checks, rate-limit notes. */
export function isHandledPayload(body: Payload): boolean {
  if (typeof body.command === 'string') return body.command.startsWith('/') && body.command.length > 1;
  if (body.type === 'block_actions') return Array.isArray(body.actions);
  if (body.type === 'url_verification' || body.type === 'app_rate_limited') return true;
  if (body.type === 'event_callback') {
    const event = body.event as { type?: unknown } | null | undefined;
    return typeof event === 'object' && event !== null && typeof event.type === 'string';
  }
  return false;
}

/**
 * JSON for ack bodies that are frozen objects, kept as long as the object lives: the slash-command answer memo
 * hands out the same frozen body for the same question, so it is serialized once rather than per request.
 */
const frozenJson = new WeakMap<object, string>();

function jsonOf(value: object): string {
  const cached = frozenJson.get(value);
  if (cached !== undefined) return cached;
  const json = JSON.stringify(value);
  if (Object.isFrozen(value)) frozenJson.set(value, json);
  return json;
}

function send(res: ServerResponse, status: number, body: string, type?: string, extra?: Record<string, string>) {
  if (res.headersSent || res.writableEnded) return;
  const headers: Record<string, string | number> = { 'content-length': Buffer.byteLength(body), ...extra };
  if (type) headers['content-type'] = type;
  res.writeHead(status, headers);
  res.end(body);
}

const refuse = (res: ServerResponse, status: number, error: string) =>
  send(res, status, JSON.stringify({ error }), 'application/json', { 'x-slack-no-retry': '1' });

/** Bolt receiver for HTTP requests that arrive on a route of our own server. */
export class SlackRequestReceiver implements Receiver {
  private app: App | undefined;
  private readonly secret: string;
  private readonly log: Logger;
  private readonly nowSeconds: () => number;

  constructor(options: SlackRequestReceiverOptions) {
    this.secret = options.signingSecret;
    this.log = options.log;
    this.nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  }

  init(app: App): void {
    this.app = app;
  }

  /** Our server owns the socket: nothing to start. */
  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** The `POST /slack/events` route. */
  readonly handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req, SLACK_BODY_LIMIT);
    if (body === 'too-large') return refuse(res, 413, 'request body too large');
    const contentType = mediaType(req.headers['content-type']);
    const raw = body.toString('utf8');
    // Slack checks the certificate of a slash command's URL with an unsigned `ssl_check=1` form post
    if (contentType === FORM && raw.includes('ssl_check=') && formFields(raw).ssl_check === '1') {
      return send(res, 200, '');
    }
    const signed = isSignedBySlack(
      this.secret,
      { signature: req.headers['x-slack-signature'], timestamp: req.headers['x-slack-request-timestamp'] },
      body,
      this.nowSeconds(),
    );
    if (!signed) {
      this.log.warn('slack request refused: invalid or missing signature');
      return refuse(res, 401, 'invalid or missing Slack signature');
    }
    const payload = parseSlackBody(contentType, raw);
    if (typeof payload === 'string') return refuse(res, 400, payload);
    if (!isHandledPayload(payload)) return refuse(res, 400, 'unsupported or malformed Slack payload');
    if (payload.type === 'url_verification') {
      return send(res, 200, JSON.stringify({ challenge: String(payload.challenge ?? '') }), 'application/json');
    }
    if (payload.type === 'app_rate_limited') {
      this.log.warn('slack says events are being rate limited', { minute: payload.minute_rate_limited });
      return send(res, 200, '');
    }
    await this.dispatch(req, res, payload);
  };

  private async dispatch(req: IncomingMessage, res: ServerResponse, body: Payload): Promise<void> {
    const app = this.app;
    if (!app) return refuse(res, 503, 'the Slack app is not ready');
    let acked = false;
    const timer = setTimeout(() => {
      if (acked) return;
      acked = true;
      this.log.error('slack request not acknowledged within 3 s; answered empty');
      send(res, 200, '');
    }, UNACKED_AFTER_MS);
    timer.unref();
    const ack = async (response?: unknown): Promise<void> => {
      if (acked) {
        this.log.warn('slack ack after the request was answered: ignored');
        return;
      }
      acked = true;
      clearTimeout(timer);
      if (response === undefined || response === null || response === '') send(res, 200, '');
      else if (typeof response === 'string') send(res, 200, response, 'text/plain; charset=utf-8');
      else send(res, 200, jsonOf(response as object), 'application/json');
    };
    const retryNum = req.headers['x-slack-retry-num'];
    const retryReason = req.headers['x-slack-retry-reason'];
    const requestId = res.getHeader('x-request-id');
    const event: ReceiverEvent = {
      body,
      ack,
      retryNum: typeof retryNum === 'string' && /^\d+$/.test(retryNum) ? Number(retryNum) : undefined,
      retryReason: typeof retryReason === 'string' ? retryReason : undefined,
      customProperties: typeof requestId === 'string' ? { requestId } : undefined,
    };
    try {
      await app.processEvent(event);
      // every listener has finished: nothing can acknowledge this request any more, so do not make Slack wait
      if (!acked) await ack();
    } catch (error) {
      clearTimeout(timer);
      if (acked) {
        this.log.error('slack request failed after it was acknowledged', { error: describe(error) });
        return;
      }
      acked = true;
      if (error instanceof AuthorizationError) return refuse(res, 401, 'not authorized');
      this.log.error('slack request failed', { error: describe(error) });
      refuse(res, 500, 'internal error');
    }
  }
}

function describe(error: unknown): unknown {
  return error instanceof Error ? error : String(error);
}
