/**
 * The checks an unauthenticated Bot Framework request must pass (no app id: the Emulator or the Agents Playground
 * on this machine, CONTRACTS.md): sent from a loopback address to a loopback `Host` naming this server's port,
 * as `application/json`, with no cross-site `Origin` or `Sec-Fetch-Site`, no forwarding headers (a reverse proxy
 * makes every caller look local), and a loopback `serviceUrl` (where the reply would be posted). A web page the
 * developer visits, a DNS-rebinding host name and a request relayed by a proxy all fail one of them.
 *
 * With an app id, `authorizationRefusal` turns away a missing or malformed `Authorization` header before botbuilder
 * (and its console output) runs.
 *
 * @example
 * const refusal = localRequestRefusal(req) ?? serviceUrlRefusal(activity);
 * if (refusal) return reply(res, 403, `Forbidden: ${refusal}`);
 */
import type { IncomingMessage } from 'node:http';
import { isLoopbackHost, isLoopbackUrl, loopbackHostHeaders } from '../../src/http/loopback.js';

const FORWARDING = /^(forwarded|via|x-real-ip|x-forwarded-.+)$/;

/** Why this request may not be taken without credentials, judged by how it arrived; undefined when it may. */
export function localRequestRefusal(req: IncomingMessage): string | undefined {
  const port = req.socket.localPort;
  if (!isLoopbackHost(req.socket.remoteAddress ?? '')) return 'the request does not come from this machine';
  const host = (req.headers.host ?? '').toLowerCase();
  if (port === undefined || !loopbackHostHeaders(port).includes(host)) {
    return `the Host header must be 127.0.0.1:${port}, localhost:${port} or [::1]:${port}`;
  }
  const forwarded = Object.keys(req.headers).find((name) => FORWARDING.test(name));
  if (forwarded) return `the request was forwarded (${forwarded} header)`;
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return 'the body must be sent as application/json';
  const origin = req.headers.origin;
  if (origin !== undefined && !loopbackHostHeaders(port).some((h) => origin.toLowerCase() === `http://${h}`)) {
    return 'cross-site requests are refused (Origin)';
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return 'cross-site requests are refused (Sec-Fetch-Site)';
  }
  return undefined;
}

/** `Bearer` and a compact JWT (three base64url parts); anything else cannot be a Bot Framework token. */
const BEARER_JWT = /^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * With an app id: why the `Authorization` header cannot carry a Bot Framework token (missing, another scheme, not
 * a JWT), so botbuilder need not run; undefined when botbuilder should validate it.
 */
export function authorizationRefusal(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined || header === '') return 'no Authorization header';
  if (!BEARER_JWT.test(header)) return 'the Authorization header is not "Bearer" and a JWT';
  return undefined;
}

/** Why a reply to this activity may not be posted without credentials; undefined when its serviceUrl is local. */
export function serviceUrlRefusal(activity: { serviceUrl?: unknown }): string | undefined {
  if (typeof activity.serviceUrl === 'string' && isLoopbackUrl(activity.serviceUrl)) return undefined;
  return 'the serviceUrl must be on this machine (127.0.0.1, localhost or [::1])';
}
