/**
 * A fake Slack Web API on loopback: answers `POST /api/<method>` like Slack does and records every call, so tests
 * point `SLACK_API_URL` at it. The same server is a `response_url` sink (`POST /respond/<id>`).
 *
 * @example
 * const slack = await startFakeSlackApi();
 * const config = loadConfig({ SLACK_API_URL: slack.url, … });
 * const [post] = await slack.waitFor('chat.postMessage');
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  /** form fields or JSON body; `blocks`, `attachments` and `view` parsed from their JSON strings */
  params: Record<string, unknown>;
  authorization?: string;
  contentType?: string;
  /** the HTTP status the fake answered with */
  status: number;
  /** set once the answer was written (a delayed answer later; never if the client went away first) */
  answered?: boolean;
}

export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
}

interface Scripted {
  status: number;
  /** the answer (default: the usual one for the method) */
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** answer only after this long (the call is recorded on arrival) */
  delayMs?: number;
}

/** A method answered by code on every call (e.g. `apps.connections.open` with a fresh socket URL). */
export type MethodHandler = (call: {
  params: Record<string, unknown>;
  authorization?: string;
}) => Record<string, unknown>;

export interface FakeSlackApi {
  /** the Web API base URL, ending in `/api/` */
  url: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** the HTTP server (a stand-in for Slack's WebSocket side attaches to its upgrades) */
  server: Server;
  calls: RecordedCall[];
  responses: RecordedResponse[];
  /** a response_url on this server */
  responseUrl(id: string): string;
  callsTo(method: string): RecordedCall[];
  /** resolves once `count` calls to `method` arrived (rejects after `timeoutMs`) */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** resolves once a call to `method` for which `match` holds arrived (rejects after `timeoutMs`) */
  waitForCall(method: string, match: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  waitForResponse(id: string, count?: number, timeoutMs?: number): Promise<RecordedResponse[]>;
  /** the next call to `method` gets this answer instead of the default */
  setNextResponse(
    method: string,
    body: Record<string, unknown>,
    status?: number,
    headers?: Record<string, string>,
  ): void;
  /** the next call to `method` is answered as usual, but only after `delayMs` (Slack being slow) */
  delayNext(method: string, delayMs: number): void;
  /** every call to `method` is answered by `handler` (kept across `reset`: other stand-ins register these) */
  onMethod(method: string, handler: MethodHandler): void;
  /** the next `n` calls to `method` get HTTP 429 with `Retry-After: retryAfterSeconds` */
  ratelimit(method: string, n: number, retryAfterSeconds: number): void;
  /** what `users.info` says about a user (merged into the default full member of T000TEST) */
  setUser(id: string, fields: Record<string, unknown>): void;
  /** what `conversations.info` says about a channel */
  setChannel(id: string, fields: Record<string, unknown>): void;
  reset(): void;
  close(): Promise<void>;
}

/** The workspace and bot user the fake's `auth.test` and `users.info` answer with. */
export const FAKE_TEAM = 'T000TEST';
export const FAKE_BOT_USER = 'U0BOT0001';

const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata']);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseParams(contentType: string | undefined, raw: string): Record<string, unknown> {
  if (contentType?.startsWith('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { _raw: raw };
    }
  }
  const params: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (JSON_FIELDS.has(k)) {
      try {
        params[k] = JSON.parse(v);
        continue;
      } catch {
        // keep the string
      }
    }
    params[k] = v;
  }
  return params;
}

/** Starts the fake on 127.0.0.1, port 0. */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const responses: RecordedResponse[] = [];
  const scripted = new Map<string, Scripted[]>();
  const users = new Map<string, Record<string, unknown>>();
  const channels = new Map<string, Record<string, unknown>>();
  const handlers = new Map<string, MethodHandler>();
  let ts = 1_700_000_000;
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const w of [...waiters]) w();
  };

  const defaultAnswer = (method: string, params: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.test/',
          team: 'Fake Team',
          user: 'breachbot',
          team_id: FAKE_TEAM,
          user_id: FAKE_BOT_USER,
          bot_id: 'B0BOT0001',
        };
      case 'chat.postMessage':
        ts += 1;
        return {
          ok: true,
          channel: params.channel,
          ts: `${ts}.000100`,
          message: { text: params.text, ts: `${ts}.000100` },
        };
      case 'chat.postEphemeral':
        ts += 1;
        return { ok: true, message_ts: `${ts}.000200` };
      case 'views.publish':
        return { ok: true, view: { id: 'V0FAKE', type: 'home' } };
      case 'users.info': {
        const id = String(params.user ?? '');
        return {
          ok: true,
          user: {
            id,
            team_id: FAKE_TEAM,
            name: 'tester',
            is_restricted: false,
            is_ultra_restricted: false,
            is_bot: false,
            ...users.get(id),
          },
        };
      }
      case 'conversations.info': {
        const id = String(params.channel ?? '');
        return {
          ok: true,
          channel: {
            id,
            name: 'general',
            is_channel: true,
            is_ext_shared: false,
            is_shared: false,
            ...channels.get(id),
          },
        };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path.startsWith('/respond/')) {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        body = { _raw: raw };
      }
      responses.push({ id: decodeURIComponent(path.slice('/respond/'.length)), body });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      notify();
      return;
    }
    if (!path.startsWith('/api/')) {
      res.writeHead(404);
      res.end();
      return;
    }
    const method = path.slice('/api/'.length);
    const params = parseParams(req.headers['content-type'], raw);
    const queue = scripted.get(method);
    const next = queue?.shift();
    const status = next?.status ?? 200;
    const call: RecordedCall = {
      method,
      params,
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      status,
    };
    calls.push(call);
    notify();
    const answer =
      next?.body ?? handlers.get(method)?.({ params, authorization: req.headers.authorization }) ?? undefined;
    if (next?.delayMs) await new Promise((resolve) => setTimeout(resolve, next.delayMs));
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', ...next?.headers });
    res.end(JSON.stringify(answer ?? defaultAnswer(method, params)));
    call.answered = true;
    notify();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const until = <T>(check: () => T | undefined, what: string, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const done = check();
      if (done !== undefined) return resolve(done);
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(
          new Error(
            `fake Slack API: gave up waiting for ${what}; calls so far: ${calls.map((c) => c.method).join(', ') || 'none'}`,
          ),
        );
      }, timeoutMs);
      const waiter = () => {
        const value = check();
        if (value === undefined) return;
        clearTimeout(timer);
        waiters.delete(waiter);
        resolve(value);
      };
      waiters.add(waiter);
    });

  const callsTo = (method: string) => calls.filter((c) => c.method === method);
  const push = (method: string, item: Scripted) => {
    const queue = scripted.get(method) ?? [];
    queue.push(item);
    scripted.set(method, queue);
  };

  return {
    url: `${origin}/api/`,
    origin,
    server,
    calls,
    responses,
    responseUrl: (id) => `${origin}/respond/${encodeURIComponent(id)}`,
    callsTo,
    waitFor: (method, count = 1, timeoutMs = 10_000) =>
      until(
        () => {
          const hits = callsTo(method).filter((c) => c.status === 200);
          return hits.length >= count ? hits : undefined;
        },
        `${count} × ${method}`,
        timeoutMs,
      ),
    waitForCall: (method, match, timeoutMs = 10_000) =>
      until(() => callsTo(method).find(match), `a matching call to ${method}`, timeoutMs),
    waitForResponse: (id, count = 1, timeoutMs = 10_000) =>
      until(
        () => {
          const hits = responses.filter((r) => r.id === id);
          return hits.length >= count ? hits : undefined;
        },
        `${count} response(s) at /respond/${id}`,
        timeoutMs,
      ),
    setNextResponse: (method, body, status = 200, headers) => push(method, { status, body, headers }),
    delayNext: (method, delayMs) => push(method, { status: 200, body: undefined, delayMs }),
    onMethod: (method, handler) => handlers.set(method, handler),
    ratelimit: (method, n, retryAfterSeconds) => {
      for (let i = 0; i < n; i++) {
        push(method, {
          status: 429,
          body: { ok: false, error: 'ratelimited' },
          headers: { 'retry-after': String(retryAfterSeconds) },
        });
      }
    },
    setUser: (id, fields) => users.set(id, fields),
    setChannel: (id, fields) => channels.set(id, fields),
    reset: () => {
      calls.length = 0;
      responses.length = 0;
      scripted.clear();
      users.clear();
      channels.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
