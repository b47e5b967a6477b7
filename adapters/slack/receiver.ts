/**
 * The HTTP side of the Slack adapter: a Bolt `Receiver` mounted on our server's `POST /slack/events` route. Bolt
 * does the Slack work (`HTTPModuleFunctions`: signature and staleness check with `ssl_check` answered before it,
 * body parsing, the `url_verification` and `ssl_check` answers, retry headers); this file keeps the route and the
 * ack glue, plus four rules of our own that Bolt does not have:
 *
 * - the body is read with the server's one reader (`src/http/read-body.ts`): the 1 MB limit holds while reading,
 *   chunked bodies too, and an oversize one gets 413 and a closed connection;
 * - a timestamp more than five minutes in the *future* is refused like a stale one (Bolt refuses only old ones),
 *   and a timestamp must be digits (`1e9` is not);
 * - a signed payload of a shape Slack never sends gets 400 (`payloads.ts`), never a listener error or a 500;
 * - an ack writes one response with a known length, and a frozen ack body (the answer memo's) is serialized and
 *   encoded once: the same bytes go out for every request that gets it.
 *
 * Order: body size (413) → `ssl_check` (200, unsigned) → signature and timestamp (401) → syntax (400) → shape
 * (400) → `url_verification` (challenge) → Bolt's listeners.
 *
 * @example
 * const receiver = new SlackRequestReceiver({ signingSecret, log });
 * const app = new App({ receiver, token, deferInitialization: true });
 * server.mount([{ method: 'POST', path: '/slack/events', handle: receiver.handle }]);
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type App,
  AuthorizationError,
  type BufferedIncomingMessage,
  HTTPModuleFunctions,
  type Receiver,
  type ReceiverEvent,
} from '@slack/bolt';
import { isBodyError, readBody, refuseBody } from '../../src/http/read-body.js';
import type { Logger } from '../../src/logger.js';
import { payloadProblem } from './payloads.js';

/** Slack payloads are small; a block_actions payload with a long message stays far below this. */
export const SLACK_BODY_LIMIT = 1024 * 1024;
/** Slack's rule: a request whose timestamp is more than five minutes from our clock is refused (replays). */
export const SIGNATURE_MAX_AGE_S = 5 * 60;
/** Slack stops waiting after 3 s; a request no listener acknowledged by then gets an empty 200 and a log line. */
export const UNACKED_AFTER_MS = 3001;

export interface SlackRequestReceiverOptions {
  signingSecret: string;
  log: Logger;
  /** seconds clock for the timestamp check (tests) */
  nowSeconds?: () => number;
}

type Payload = Record<string, unknown>;

/**
 * The checks Bolt's verification does not make: the timestamp is digits and not more than five minutes ahead of
 * our clock (Bolt checks the past side and the signature itself).
 */
export function isAcceptableTimestamp(timestamp: unknown, nowSeconds: number): boolean {
  return (
    typeof timestamp === 'string' &&
    /^\d{1,12}$/.test(timestamp) &&
    Number(timestamp) - nowSeconds <= SIGNATURE_MAX_AGE_S
  );
}

/**
 * JSON for ack bodies that are frozen objects, as UTF-8 bytes, kept as long as the object lives: the slash-command
 * answer memo hands out the same frozen body for the same question, so it is serialized and encoded once rather
 * than per request (answers run to 10 KB; writing a string encodes it again on every write).
 */
const frozenJson = new WeakMap<object, Buffer>();

function jsonOf(value: object): string | Buffer {
  const cached = frozenJson.get(value);
  if (cached !== undefined) return cached;
  const json = JSON.stringify(value);
  if (!Object.isFrozen(value)) return json;
  const bytes = Buffer.from(json, 'utf8');
  frozenJson.set(value, bytes);
  return bytes;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type?: string,
  extra?: Record<string, string>,
) {
  if (res.headersSent || res.writableEnded) return;
  const length = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  const headers: Record<string, string | number> = { 'content-length': length, ...extra };
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
    let raw: Buffer;
    try {
      raw = await readBody(req, { limit: SLACK_BODY_LIMIT });
    } catch (error) {
      if (isBodyError(error)) return refuseBody(req, res, error);
      throw error;
    }
    // Bolt reads `rawBody` when it is there instead of the (already consumed) stream
    const buffered = Object.assign(req, { rawBody: raw }) as BufferedIncomingMessage;
    const now = this.nowSeconds();
    try {
      await HTTPModuleFunctions.parseAndVerifyHTTPRequest(
        { signingSecret: this.secret, nowMilliseconds: () => now * 1000 },
        buffered,
      );
    } catch (error) {
      this.log.warn('slack request refused: invalid or missing signature', {
        reason: error instanceof Error ? error.message : String(error),
      });
      return refuse(res, 401, 'invalid or missing Slack signature');
    }
    let payload: unknown;
    try {
      payload = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
    } catch {
      return refuse(res, 400, 'malformed body: not JSON or a form of the content type sent');
    }
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
      return refuse(res, 400, 'malformed body: not a JSON object');
    }
    const body = payload as Payload;
    // Slack checks a slash command URL's certificate with an unsigned `ssl_check=1` (Bolt passed it unverified
    // and stripped anything else from the body)
    if (body.ssl_check === '1' && Object.keys(body).length === 1) return HTTPModuleFunctions.buildSSLCheckResponse(res);
    if (!isAcceptableTimestamp(req.headers['x-slack-request-timestamp'], now)) {
      this.log.warn('slack request refused: timestamp in the future or malformed');
      return refuse(res, 401, 'invalid or missing Slack signature');
    }
    const problem = payloadProblem(body);
    if (problem) {
      this.log.warn('slack request refused', { problem });
      return refuse(res, 400, problem);
    }
    if (body.type === 'url_verification') return HTTPModuleFunctions.buildUrlVerificationResponse(res, body);
    if (body.type === 'app_rate_limited') {
      this.log.warn('slack says events are being rate limited', { minute: body.minute_rate_limited });
      return send(res, 200, '');
    }
    await this.dispatch(req, res, body);
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
    const requestId = res.getHeader('x-request-id');
    const event: ReceiverEvent = {
      body,
      ack,
      retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
      retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
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
