/**
 * The `POST /slack/events` route: buffers the body (with a size limit), turns away payloads breachbot does not
 * handle with a 4xx (after checking the signature, so nobody learns anything unsigned), and hands the rest to
 * Bolt's HTTPReceiver, which verifies the signature again and dispatches.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { isValidSlackRequest } from '@slack/bolt';

const requestIds = new WeakMap<IncomingMessage, string>();

/**
 * The id the server gave this HTTP request (its `x-request-id` response header), for Bolt's
 * `customPropertiesExtractor`: it becomes `context.requestId` in every listener.
 */
export function requestIdOf(req: IncomingMessage): Record<string, string> {
  const requestId = requestIds.get(req);
  return requestId ? { requestId } : {};
}

/** Slack payloads are small; a block_actions payload with a long message stays far below this. */
export const SLACK_BODY_LIMIT = 1024 * 1024;

const FORM = 'application/x-www-form-urlencoded';
/** a form field `command` whose value is a slash command (`/` is sent as `%2F`) */
const SLASH_COMMAND = /(?:^|&)command=(?:%2F|\/)[^&]/i;
const SSL_CHECK = /(?:^|&)ssl_check=1(?:&|$)/;
const JSON_TYPE = 'application/json';

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** True when the payload is one breachbot handles (slash command, button, event, URL check). */
export function isHandledPayload(contentType: string | undefined, raw: string): boolean {
  try {
    if (contentType === FORM) {
      if (SLASH_COMMAND.test(raw) || SSL_CHECK.test(raw)) return true;
      const payload = new URLSearchParams(raw).get('payload');
      if (payload === null) return false;
      const parsed = JSON.parse(payload) as { type?: unknown; actions?: unknown };
      // without an actions array Bolt cannot tell what it is and would leave it unanswered for 3 s
      return parsed.type === 'block_actions' && Array.isArray(parsed.actions);
    }
    if (contentType === JSON_TYPE) {
      const parsed = JSON.parse(raw) as { type?: unknown; event?: { type?: unknown } };
      if (parsed.type === 'url_verification' || parsed.type === 'app_rate_limited') return true;
      return parsed.type === 'event_callback' && typeof parsed.event?.type === 'string';
    }
    return false;
  } catch {
    return false;
  }
}

function reply(res: ServerResponse, status: number, error: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'x-slack-no-retry': '1' });
  res.end(JSON.stringify({ error }));
}

/** Wraps Bolt's request listener with body limits and payload checks. */
export function createSlackEventsHandler(signingSecret: string, boltListener: RequestListener) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req, SLACK_BODY_LIMIT);
    if (body === 'too-large') {
      reply(res, 413, 'request body too large');
      return;
    }
    const raw = body.toString('utf8');
    const contentType = req.headers['content-type'];
    if (!isHandledPayload(contentType, raw)) {
      const signature = req.headers['x-slack-signature'];
      const timestamp = Number(req.headers['x-slack-request-timestamp']);
      const signed =
        typeof signature === 'string' &&
        Number.isFinite(timestamp) &&
        isValidSlackRequest({
          signingSecret,
          body: raw,
          headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
        });
      if (!signed) reply(res, 401, 'invalid or missing Slack signature');
      else reply(res, 400, 'unsupported or malformed Slack payload');
      return;
    }
    const requestId = res.getHeader('x-request-id');
    if (typeof requestId === 'string') requestIds.set(req, requestId);
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
    boltListener(req, res);
  };
}
