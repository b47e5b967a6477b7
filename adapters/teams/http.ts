/**
 * The bridge between `node:http` and `CloudAdapter.process`: reads the body with the shared reader (too large →
 * 413 and the connection closed) and checks it (invalid JSON or no activity `type` → 400, never a hung request),
 * and gives botbuilder the small request/response shape it expects. Activities without a `serviceUrl` and conversation id (which every channel sends) get 400 too.
 * Authentication failures answer 401 without the validator's detail; a missing or malformed `Authorization`
 * header gets it before botbuilder runs. Without an app id, requests that do not come
 * from this machine (`local-gate.ts`) get 403 before botbuilder runs.
 *
 * @example
 * const handle = createMessagesHandler(adapter, (context) => bot.run(context), log, { anonymous: !appId });
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CloudAdapter, Request, Response, TurnContext } from 'botbuilder';
import { isBodyError, readBody, refuseBody } from '../../src/http/read-body.js';
import type { Logger } from '../../src/logger.js';
import { MAX_BODY_BYTES } from './limits.js';
import { authorizationRefusal, localRequestRefusal, serviceUrlRefusal } from './local-gate.js';

class BodyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BodyError';
  }
}

function parseActivity(bytes: Buffer): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new BodyError('body is not valid JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new BodyError('body is not an activity object');
  }
  const type = (body as { type?: unknown }).type;
  if (typeof type !== 'string' || type === '') throw new BodyError('activity has no type');
  const { serviceUrl, conversation } = body as { serviceUrl?: unknown; conversation?: { id?: unknown } | null };
  if (typeof serviceUrl !== 'string' || typeof conversation?.id !== 'string') {
    throw new BodyError('activity has no serviceUrl or conversation id');
  }
  return body as Record<string, unknown>;
}

const TEXT = 'text/plain; charset=utf-8';

function reply(res: ServerResponse, status: number, body?: string | Buffer, type = TEXT): void {
  if (res.headersSent) {
    if (!res.writableEnded) res.end();
    return;
  }
  res.writeHead(status, body === undefined ? {} : { 'content-type': type });
  res.end(body);
}

const GENERIC: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 500: 'Internal Server Error' };

/** botbuilder's response shape over a node response; the reply is written once, on `end()`. */
function shimResponse(res: ServerResponse): Response {
  let status = 200;
  let body: string | Buffer | undefined;
  let type = 'application/json';
  return {
    socket: res.socket,
    status(code: number) {
      status = code;
    },
    header(name: string, value: unknown) {
      if (name.toLowerCase() === 'content-type') type = String(value);
    },
    send(value?: unknown) {
      if (value === undefined || value === null) return;
      if (typeof value === 'string' || Buffer.isBuffer(value)) {
        body = value;
        type = 'text/plain; charset=utf-8';
      } else body = JSON.stringify(value);
    },
    end() {
      const generic = GENERIC[status];
      if (generic !== undefined) reply(res, status, generic);
      else reply(res, status, body, type);
    },
  };
}

export interface MessagesHandlerOptions {
  /** no app id: every request must pass the local checks of `local-gate.ts` before botbuilder sees it */
  anonymous: boolean;
}

/** The route handler for `POST /api/messages`. */
export function createMessagesHandler(
  adapter: CloudAdapter,
  logic: (context: TurnContext) => Promise<void>,
  log: Logger,
  options: MessagesHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const forbid = (res: ServerResponse, refusal: string) => {
    log.warn('teams request refused: no credentials, not from this machine', { refusal });
    reply(res, 403, `Forbidden: ${refusal}`);
  };
  return async (req, res) => {
    const unauthorized = options.anonymous ? undefined : authorizationRefusal(req);
    if (unauthorized) {
      log.info('teams request refused: 401', { refusal: unauthorized });
      req.resume();
      res.writeHead(401, { 'content-type': TEXT, 'www-authenticate': 'Bearer', connection: 'close' });
      res.end(GENERIC[401]);
      return;
    }
    let body: Record<string, unknown>;
    try {
      const bytes = await readBody(req, { limit: MAX_BODY_BYTES });
      const refusal = options.anonymous ? localRequestRefusal(req) : undefined;
      if (refusal) {
        forbid(res, refusal);
        return;
      }
      body = parseActivity(bytes);
    } catch (error) {
      if (isBodyError(error)) {
        refuseBody(req, res, error, { contentType: TEXT, text: 'activity too large' });
        return;
      }
      if (error instanceof BodyError) {
        reply(res, 400, error.message);
        return;
      }
      throw error;
    }
    const refusal = options.anonymous ? serviceUrlRefusal(body) : undefined;
    if (refusal) {
      forbid(res, refusal);
      return;
    }
    const request: Request = { body, headers: req.headers, method: req.method };
    try {
      await adapter.process(request, shimResponse(res), logic);
    } catch (error) {
      log.warn('teams activity rejected', { error });
      reply(res, 400, 'activity could not be processed');
    }
    if (!res.writableEnded) reply(res, 500, GENERIC[500]);
  };
}
