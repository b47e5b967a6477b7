/**
 * A TCP relay on 127.0.0.1 in front of a real server (PostgreSQL in the tests) that can start dropping every byte
 * in both directions without closing anything: what a client sees when the network drops packets (no reset, no
 * refusal, just silence). Connections opened while dropping are accepted and never answered.
 *
 * @example
 * const hole = await startTcpBlackhole({ host: '127.0.0.1', port: 5432 });
 * // connect to 127.0.0.1:hole.port …
 * hole.drop();
 */

import type { AddressInfo } from 'node:net';
import { connect, createServer, type Socket } from 'node:net';

export interface TcpBlackhole {
  port: number;
  /** from now on, every byte in either direction is dropped and new connections get no answer */
  drop(): void;
  /** connections accepted so far */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startTcpBlackhole(target: { host: string; port: number }): Promise<TcpBlackhole> {
  let dropping = false;
  let connections = 0;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  };
  const server = createServer((client) => {
    connections++;
    track(client);
    if (dropping) {
      client.on('data', () => undefined);
      return;
    }
    const upstream = connect(target.port, target.host);
    track(upstream);
    client.on('data', (chunk) => {
      if (!dropping) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!dropping) client.write(chunk);
    });
    const closeBoth = () => {
      if (dropping) return;
      client.destroy();
      upstream.destroy();
    };
    client.on('close', closeBoth);
    upstream.on('close', closeBoth);
    // while dropping, a client's FIN is swallowed too: the connection stays half-open, as over a dead network
    client.on('end', () => {
      if (!dropping) upstream.end();
    });
    upstream.on('end', () => {
      if (!dropping) client.end();
    });
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    drop() {
      dropping = true;
    },
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
