/**
 * A stand-in for Slack's Socket Mode on loopback, on top of the fake Web API (`slack-api.ts`): it answers
 * `apps.connections.open` (app-level token only) with a `ws://` URL on the same server, accepts the WebSocket, says
 * `hello`, and then delivers envelopes the way Slack does (`events_api`, `slash_commands`, `interactive`, with
 * `retry_attempt` on redeliveries). It records every connection (and how it closed) and every ack. Envelopes sent
 * while no connection is open wait and go out on the next `hello`, as Slack holds them while a client reconnects;
 * an event that went out on a connection that closed before it was acked goes out again on the next connection
 * with `retry_attempt` one higher, as Slack redelivers unacknowledged events.
 *
 * @example
 * const api = await startFakeSlackApi();
 * const socket = startFakeSlackSocket(api);
 * // … start breachbot with SLACK_APP_TOKEN=socket.appToken, SLACK_API_URL=api.url …
 * await socket.waitForConnections(1);
 * const id = socket.deliver('events_api', payloadOf(appMention({ text: 'victims' })));
 * const ack = await socket.waitForAck(id);
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { SlackRequest } from '../fixtures/slack.js';
import type { FakeSlackApi } from './slack-api.js';

/** The obviously fake app-level token the stand-in accepts. */
export const FAKE_APP_TOKEN = 'xapp-1-A000TEST-0000-fake';

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

export interface Envelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export interface SocketConnection {
  /** 1 for the first connection, 2 after the first reconnect, … */
  id: number;
  /** envelope ids written to this connection */
  delivered: string[];
  /** set once the WebSocket is closed: the close code, and `server` only when the stand-in itself was shut down */
  closed?: { code: number; by: 'client' | 'server' };
}

export interface SocketAck {
  envelopeId: string;
  /** what the app sent back with the ack (a slash command's answer, or nothing) */
  payload?: Record<string, unknown>;
  connection: number;
}

export interface FakeSlackSocket {
  appToken: string;
  /** every envelope sent, in order (redeliveries included) */
  envelopes: Envelope[];
  /** events sent again because their connection closed before the ack: `of` the first envelope id */
  redeliveries: Array<{ of: string; id: string }>;
  connections: SocketConnection[];
  acks: SocketAck[];
  /** messages from the app that were not acks of a known envelope */
  strays: unknown[];
  /** sends an envelope now (or on the next `hello` if no connection is open) and returns its id */
  deliver(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    options?: { retryAttempt?: number; retryReason?: string },
  ): string;
  /** sends Slack's `disconnect` message (default reason `refresh_requested`) on the open connection */
  disconnect(reason?: string): void;
  /** resolves with the ack for `envelopeId` once it arrived (rejects after `timeoutMs`) */
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<SocketAck>;
  /** resolves once `count` connections have been opened (and greeted) */
  waitForConnections(count: number, timeoutMs?: number): Promise<SocketConnection[]>;
  /** resolves once connection `id` is closed */
  waitForClose(id: number, timeoutMs?: number): Promise<SocketConnection>;
  close(): Promise<void>;
}

/** A request built by `test/fixtures/slack.ts` → the payload object Socket Mode carries for it. */
export function payloadOf(request: SlackRequest): Record<string, unknown> {
  if (request.contentType === 'application/json') return JSON.parse(request.body) as Record<string, unknown>;
  const fields = Object.fromEntries(new URLSearchParams(request.body));
  return typeof fields.payload === 'string' ? (JSON.parse(fields.payload) as Record<string, unknown>) : fields;
}

/** Attaches the Socket Mode stand-in to a running fake Web API. */
export function startFakeSlackSocket(api: FakeSlackApi, appToken = FAKE_APP_TOKEN): FakeSlackSocket {
  const wss = new WebSocketServer({ noServer: true });
  const connections: SocketConnection[] = [];
  const acks: SocketAck[] = [];
  const strays: unknown[] = [];
  const waiting: Envelope[] = [];
  const envelopes: Envelope[] = [];
  const redeliveries: Array<{ of: string; id: string }> = [];
  const tickets = new Set<string>();
  let open: { socket: WebSocket; record: SocketConnection } | undefined;
  /** the stand-in never closes a connection on its own, except when it is shut down */
  let closingAll = false;
  let seq = 0;
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const waiter of [...waiters]) waiter();
  };

  api.onMethod('apps.connections.open', ({ authorization }) => {
    if (authorization !== `Bearer ${appToken}`) {
      return authorization?.startsWith('Bearer xoxb-')
        ? { ok: false, error: 'not_allowed_token_type' }
        : { ok: false, error: 'invalid_auth' };
    }
    seq += 1;
    const ticket = `ticket-${seq}`;
    tickets.add(ticket);
    return { ok: true, url: `${api.origin.replace(/^http/, 'ws')}/link/?ticket=${ticket}&app_id=A000TEST` };
  });

  let envelopeSeq = 0;
  const newEnvelope = (
    type: EnvelopeType,
    payload: Record<string, unknown>,
    options: { retryAttempt?: number; retryReason?: string },
  ): Envelope => {
    envelopeSeq += 1;
    const envelope: Envelope = {
      envelope_id: `env-${envelopeSeq}-${Date.now().toString(36)}`,
      type,
      payload,
      accepts_response_payload: type === 'slash_commands',
      ...(type === 'events_api'
        ? { retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryReason ?? '' }
        : {}),
    };
    envelopes.push(envelope);
    return envelope;
  };

  const send = (envelope: Envelope) => {
    if (!open) {
      waiting.push(envelope);
      return;
    }
    open.record.delivered.push(envelope.envelope_id);
    open.socket.send(JSON.stringify(envelope));
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', api.origin);
    const ticket = url.searchParams.get('ticket') ?? '';
    if (url.pathname !== '/link/' || !tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const record: SocketConnection = { id: connections.length + 1, delivered: [] };
      connections.push(record);
      ws.on('message', (data) => {
        let message: { envelope_id?: unknown; payload?: unknown };
        try {
          message = JSON.parse(String(data)) as typeof message;
        } catch {
          strays.push(String(data));
          notify();
          return;
        }
        const envelopeId = typeof message.envelope_id === 'string' ? message.envelope_id : undefined;
        if (envelopeId && record.delivered.includes(envelopeId)) {
          const payload = message.payload as Record<string, unknown> | undefined;
          acks.push({
            envelopeId,
            payload: payload && Object.keys(payload).length > 0 ? payload : undefined,
            connection: record.id,
          });
        } else strays.push(message);
        notify();
      });
      ws.on('close', (code) => {
        record.closed = { code, by: closingAll ? 'server' : 'client' };
        if (open?.socket === ws) open = undefined;
        for (const id of record.delivered) {
          const envelope = envelopes.find((e) => e.envelope_id === id);
          if (envelope?.type !== 'events_api' || acks.some((a) => a.envelopeId === id)) continue;
          const again = newEnvelope('events_api', envelope.payload, {
            retryAttempt: (envelope.retry_attempt ?? 0) + 1,
            retryReason: 'timeout',
          });
          redeliveries.push({ of: redeliveries.find((r) => r.id === id)?.of ?? id, id: again.envelope_id });
          waiting.push(again);
        }
        notify();
      });
      open = { socket: ws, record };
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'applink-fake', approximate_connection_time: 18060 },
          connection_info: { app_id: 'A000TEST' },
        }),
      );
      for (const envelope of waiting.splice(0)) send(envelope);
      notify();
    });
  };
  api.server.on('upgrade', onUpgrade);

  const until = <T>(check: () => T | undefined, what: string, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const done = check();
      if (done !== undefined) return resolve(done);
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`fake Slack socket: gave up waiting for ${what}`));
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

  return {
    appToken,
    envelopes,
    redeliveries,
    connections,
    acks,
    strays,
    deliver(type, payload, options = {}) {
      const envelope = newEnvelope(type, payload, options);
      send(envelope);
      return envelope.envelope_id;
    },
    disconnect(reason = 'refresh_requested') {
      open?.socket.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-fake' } }));
    },
    waitForAck: (envelopeId, timeoutMs = 5000) =>
      until(() => acks.find((a) => a.envelopeId === envelopeId), `the ack of ${envelopeId}`, timeoutMs),
    waitForConnections: (count, timeoutMs = 10_000) =>
      until(() => (connections.length >= count ? connections : undefined), `${count} connection(s)`, timeoutMs),
    waitForClose: (id, timeoutMs = 5000) =>
      until(
        () => {
          const record = connections.find((c) => c.id === id);
          return record?.closed ? record : undefined;
        },
        `connection ${id} to close`,
        timeoutMs,
      ),
    async close() {
      api.server.off('upgrade', onUpgrade);
      closingAll = true;
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
