/**
 * A fake Bot Connector for tests and the benchmark: a loopback server that records the activities a bot sends.
 * Point an activity's `serviceUrl` at `url`. It accepts `POST /v3/conversations/{id}/activities` and
 * `…/activities/{replyToId}` (ids URL-encoded, also under a path prefix) and `POST /v3/conversations` (create).
 *
 * @example
 * const connector = await startFakeConnector();
 * const [reply] = await connector.waitFor(1);
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedActivity {
  /** decoded conversation id from the path */
  conversationId: string;
  /** decoded reply-to id from the path, when the bot replied to an activity */
  replyToId?: string;
  /** the `Authorization` header the bot sent, if any */
  authorization?: string;
  path: string;
  activity: Record<string, unknown>;
}

export interface FakeConnectorOptions {
  /** record activities (default true; the benchmark turns it off) */
  record?: boolean;
}

export interface FakeConnector {
  url: string;
  activities: RecordedActivity[];
  /** conversations created through `POST /v3/conversations` */
  created: Array<Record<string, unknown>>;
  /** every request that reached the fake, including refused ones */
  requests: number;
  /** resolves once `n` activities have been recorded; rejects after `timeoutMs` */
  waitFor(n: number, timeoutMs?: number): Promise<RecordedActivity[]>;
  /** the next request gets this status (and headers) instead of success */
  failNext(status: number, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

const ACTIVITY_PATH = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;
const CREATE_PATH = /\/v3\/conversations\/?$/;

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
}

/** Reads and drops a body (the benchmark's sink does not parse what it does not keep). */
async function drain(req: IncomingMessage): Promise<Record<string, unknown>> {
  for await (const _chunk of req) {
    // discard
  }
  return {};
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export async function startFakeConnector(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
  const record = options.record ?? true;
  const activities: RecordedActivity[] = [];
  const created: Array<Record<string, unknown>> = [];
  const failures: Array<{ status: number; headers: Record<string, string> }> = [];
  const waiters = new Set<() => void>();
  let counter = 0;
  let requests = 0;

  const server = createServer(async (req, res) => {
    requests++;
    try {
      const body = record ? await readBody(req) : await drain(req);
      const failure = failures.shift();
      if (failure) {
        json(
          res,
          failure.status,
          { error: { code: 'FakeFailure', message: `fake ${failure.status}` } },
          failure.headers,
        );
        return;
      }
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const match = req.method === 'POST' ? ACTIVITY_PATH.exec(path) : null;
      if (match) {
        counter++;
        if (record) {
          activities.push({
            conversationId: decodeURIComponent(match[1] ?? ''),
            replyToId: match[2] === undefined ? undefined : decodeURIComponent(match[2]),
            authorization: req.headers.authorization,
            path,
            activity: body,
          });
          for (const wake of waiters) wake();
        }
        json(res, 200, { id: `sent-${counter}` });
        return;
      }
      if (req.method === 'POST' && CREATE_PATH.test(path)) {
        counter++;
        created.push(body);
        json(res, 200, { id: `created-${counter}`, activityId: `sent-${counter}` });
        return;
      }
      json(res, 404, { error: { code: 'NotFound', message: path } });
    } catch (error) {
      json(res, 400, { error: { code: 'BadRequest', message: String(error) } });
    }
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    activities,
    created,
    get requests() {
      return requests;
    },
    waitFor(n, timeoutMs = 10_000) {
      if (activities.length >= n) return Promise.resolve(activities.slice(0, n));
      return new Promise((resolve, reject) => {
        const check = () => {
          if (activities.length < n) return;
          cleanup();
          resolve(activities.slice(0, n));
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`fake connector: expected ${n} activities, got ${activities.length}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
      });
    },
    failNext(status, headers = {}) {
      failures.push({ status, headers });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
