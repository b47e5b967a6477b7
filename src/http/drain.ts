/**
 * Graceful shutdown of a `node:http` server under keep-alive load. Closing at once resets every keep-alive
 * connection whose client is sending its next request right then. Draining instead: from the moment it starts,
 * every response carries `Connection: close` (the client opens a new connection for its next request, and the
 * server closes this one after the answer); the server keeps listening while connections remain, for at most
 * `listenMs`, so requests already on their way are answered; then it stops listening, gives connections accepted
 * a moment ago `SETTLE_MS` to deliver their request, closes idle ones, waits for requests in flight for at most
 * `graceMs` in all, and closes whatever is left.
 *
 * @example
 * const drainer = createDrainer(server);
 * // in the request listener: drainer.track(res);
 * await drainer.drain({ listenMs: 2000, graceMs: 8000 });
 */
import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** After the port is closed, how long connections just accepted get to deliver their request before idle ones close. */
const SETTLE_MS = 250;

export interface DrainOptions {
  /** how long to keep listening (and answering with `Connection: close`) while client connections remain */
  listenMs: number;
  /** how long the whole drain may take before every connection is closed */
  graceMs: number;
}

export interface Drainer {
  /** true once `drain` has started */
  readonly draining: boolean;
  /** requests being answered now */
  readonly inFlight: number;
  /** open client connections */
  readonly connections: number;
  /**
   * counts a request until its response closes; while draining, its response closes the connection. `onClose` runs
   * when the response closes, after the count went down (one `close` listener for both: the request log's too).
   */
  track(res: ServerResponse, onClose?: () => void): void;
  drain(options: DrainOptions): Promise<void>;
}

export function createDrainer(server: Server): Drainer {
  const sockets = new Set<Socket>();
  const responses = new Set<ServerResponse>();
  const waiters = new Set<() => void>();
  let draining = false;
  const wake = () => {
    for (const waiter of waiters) waiter();
  };
  /** Resolves when `done()` holds, or after `ms`. */
  const until = (done: () => boolean, ms: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!done()) return;
        finish();
      };
      const finish = () => {
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(finish, Math.max(0, ms));
      waiters.add(check);
      check();
    });
  const closeAfterAnswer = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('connection', 'close');
  };

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      wake();
    });
  });

  return {
    get draining() {
      return draining;
    },
    get inFlight() {
      return responses.size;
    },
    get connections() {
      return sockets.size;
    },
    track(res, onClose) {
      responses.add(res);
      if (draining) closeAfterAnswer(res);
      // a response emits `close` once
      res.on('close', () => {
        responses.delete(res);
        wake();
        onClose?.();
      });
    },
    async drain({ listenMs, graceMs }) {
      const started = Date.now();
      draining = true;
      for (const res of responses) closeAfterAnswer(res);
      await until(() => sockets.size === 0, Math.min(listenMs, graceMs));
      // Stop listening without http.Server#close's closeIdleConnections: a connection accepted a moment ago looks
      // idle until its request is parsed, and closing it would reset a request its client already sent.
      const stopped = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
      await until(() => sockets.size === 0, Math.min(SETTLE_MS, graceMs - (Date.now() - started)));
      server.closeIdleConnections();
      await until(() => responses.size === 0, graceMs - (Date.now() - started));
      server.closeAllConnections();
      await stopped;
    },
  };
}
