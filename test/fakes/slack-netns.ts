/**
 * Runs a command in a private network namespace that has loopback only (`unshare -n`, root), where the only
 * reachable server is a stand-in living in the test process. Inside, a small relay listens on 127.0.0.1:PORT (the
 * stand-in's own port number) and pipes every connection through a Unix socket, which is not tied to a network
 * namespace, to the stand-in's HTTP server outside. Any request for another host fails there at once: there is no
 * route and no DNS.
 *
 * @example
 * const bridge = await bridgeToNamespace(api.server, port);
 * const serve = await startServe({ env, command: bridge.command([process.execPath, 'bin/breachbot.js', 'serve']) });
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * The relay, run by `node -e` inside the namespace: argv = PORT SOCKET COMMAND…. First it tries slack.com:443 and
 * prints `netns probe: …` (the namespace must refuse it), then relays PORT to SOCKET, runs COMMAND with the same
 * output, passes SIGTERM and SIGINT on, and exits with COMMAND's exit code.
 */
const RELAY = `
const net = require('node:net');
const { spawn } = require('node:child_process');
const [port, socketPath, cmd, ...args] = process.argv.slice(1);
const probe = net.connect({ host: 'slack.com', port: 443 });
probe.setTimeout(2000);
const report = (what) => { process.stderr.write('netns probe: ' + what + '\\n'); probe.destroy(); start(); };
probe.once('connect', () => report('slack.com reachable'));
probe.once('timeout', () => report('slack.com blocked (timeout)'));
probe.once('error', (e) => report('slack.com blocked (' + (e.code || e.message) + ')'));
let started = false;
function start() {
  if (started) return;
  started = true;
  const relay = net.createServer((inside) => {
    const outside = net.connect(socketPath);
    inside.pipe(outside).pipe(inside);
    inside.on('error', () => outside.destroy());
    outside.on('error', () => inside.destroy());
  });
  relay.listen(Number(port), '127.0.0.1', () => {
    const child = spawn(cmd, args, { stdio: 'inherit' });
    for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => { relay.close(); process.exit(code ?? (signal ? 1 : 0)); });
  });
}
`;

export interface NamespaceBridge {
  /** `unshare -n … COMMAND` with loopback up and the relay in front of COMMAND */
  command(inner: string[]): string[];
  close(): Promise<void>;
}

/** Serves `server` on a Unix socket and prepares commands that reach it as 127.0.0.1:`port` inside a namespace. */
export async function bridgeToNamespace(server: Server, port: number): Promise<NamespaceBridge> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'breachbot-netns-'));
  const socketPath = path.join(dir, 'stand-in.sock');
  const unix = createNetServer((socket) => server.emit('connection', socket));
  await new Promise<void>((resolve) => unix.listen(socketPath, resolve));
  return {
    command: (inner) => [
      'unshare',
      '-n',
      'sh',
      '-c',
      'ip link set lo up && exec "$@"',
      'sh',
      process.execPath,
      '-e',
      RELAY,
      String(port),
      socketPath,
      ...inner,
    ],
    async close() {
      await new Promise<void>((resolve) => unix.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
