/**
 * How adapters plug into the one `node:http` server: each returns routes; the composition (`src/server.ts`)
 * mounts them and owns start-up and shutdown.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Route {
  method: 'GET' | 'POST';
  /** exact path, e.g. `/slack/events`; a trailing `*` matches a prefix (`/static/*`) */
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}

export interface AdapterHandle {
  /** `slack`, `teams`, `web` */
  name: string;
  routes: Route[];
  /** called after the HTTP server listens (Socket Mode connects here) */
  start?(): Promise<void>;
  /** called on shutdown, before the store closes */
  stop?(): Promise<void>;
}
