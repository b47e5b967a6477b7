// Preloaded (`node --require`) into Microsoft's Agents Playground by teams-emulator.test.ts: the playground's
// server listens on every interface and ships telemetry code (off with `--dt`). Here it listens on 127.0.0.1 only,
// and every outgoing connection to anything but this machine is refused and reported on stderr as
// `EGRESS-BLOCKED host:port`, so the test can prove the emulator never phoned home.
'use strict';
const net = require('node:net');

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function guardedListen(...args) {
  // listen(port[, backlog][, callback]) and listen({ port }) without a host would bind every interface
  if (typeof args[0] === 'number' || (typeof args[0] === 'string' && /^\d+$/.test(args[0]))) {
    if (typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  } else if (args[0] && typeof args[0] === 'object' && typeof args[0].path !== 'string' && args[0].host === undefined) {
    args[0] = { ...args[0], host: '127.0.0.1' };
  }
  return listen.apply(this, args);
};

function destination(args) {
  const first = args[0];
  if (Array.isArray(first)) return destination(first);
  if (first && typeof first === 'object') {
    if (typeof first.path === 'string') return undefined;
    return { host: first.host ?? 'localhost', port: first.port };
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first };
  }
  return undefined;
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const to = destination(args);
  if (
    to &&
    !LOOPBACK.has(
      String(to.host)
        .replace(/^\[|\]$/g, '')
        .toLowerCase(),
    )
  ) {
    process.stderr.write(`EGRESS-BLOCKED ${to.host}:${to.port}\n`);
    const error = Object.assign(new Error(`connection to ${to.host} refused by the test`), { code: 'ECONNREFUSED' });
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args);
};
