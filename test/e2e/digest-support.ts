/**
 * Helpers for the digest end-to-end tests: a Slack Web API fake that tells replicas apart by path prefix and can
 * hold their posts, a fresh PostgreSQL schema per test, and `breachbot` child processes.
 *
 * "Accepted" means the fake answered `ok: true` to a process that was still there to read it: a post whose
 * connection was cut (the process was killed while waiting) never counts, as with a platform that never answered.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface SlackPost {
  /** the path prefix the replica was given (`r1`, `r2` …) */
  replica: string;
  channel: string;
  text: string;
  blocks: unknown;
}

export interface ReplicaSlackFake {
  url: string;
  /** base URL for one replica: `http://127.0.0.1:PORT/<replica>/api/` */
  apiUrl(replica: string): string;
  /** posts answered with ok while the client was connected */
  accepted: SlackPost[];
  /** every chat.postMessage that arrived, answered or not */
  received: SlackPost[];
  /** keep every post that matches waiting (no answer) until `release()` or the client goes away */
  hold(match: (post: SlackPost) => boolean): void;
  /**
   * answer the posts held so far, except those `except` matches (a killed replica's: they stay unanswered, as they
   * would be for a client that is gone, even before the server has seen its socket close); later posts are held
   * when `except` matches them
   */
  release(except?: (post: SlackPost) => boolean): void;
  /** resolves with the first post that arrives matching `match` (also already-received ones) */
  nextPost(match: (post: SlackPost) => boolean): Promise<SlackPost>;
  close(): Promise<void>;
}

async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('json')) {
    const parsed = JSON.parse(body || '{}') as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    );
  }
  return Object.fromEntries(new URLSearchParams(body));
}

const send = (res: ServerResponse, body: unknown) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** Starts the fake on 127.0.0.1. */
export async function startReplicaSlackFake(): Promise<ReplicaSlackFake> {
  const accepted: SlackPost[] = [];
  const received: SlackPost[] = [];
  let holding: ((post: SlackPost) => boolean) | undefined;
  const held: Array<{ post: SlackPost; answer: () => void }> = [];
  const waiters: Array<{ match: (p: SlackPost) => boolean; resolve: (p: SlackPost) => void }> = [];
  let ts = 0;

  const server = createServer((req, res) => {
    void (async () => {
      const m = /^\/([^/]+)\/api\/([\w.]+)$/.exec(req.url?.split('?')[0] ?? '');
      const form = await readForm(req);
      if (!m) return send(res, { ok: false, error: 'unknown_method' });
      const [, replica = '', method] = m;
      if (method === 'auth.test') {
        return send(res, {
          ok: true,
          url: 'https://fake.slack/',
          team: 'Test',
          user: 'breachbot',
          team_id: 'T0TEST',
          user_id: 'U0BOT',
          bot_id: 'B0BOT',
        });
      }
      if (method !== 'chat.postMessage') return send(res, { ok: true });
      const post: SlackPost = {
        replica,
        channel: form.channel ?? '',
        text: form.text ?? '',
        blocks: form.blocks ? JSON.parse(form.blocks) : undefined,
      };
      received.push(post);
      for (const w of waiters.splice(0)) {
        if (w.match(post)) w.resolve(post);
        else waiters.push(w);
      }
      const answer = () => {
        if (res.destroyed || req.socket.destroyed) return;
        ts += 1;
        accepted.push(post);
        send(res, { ok: true, channel: post.channel, ts: `1764489600.${String(ts).padStart(6, '0')}` });
      };
      if (holding?.(post)) held.push({ post, answer });
      else answer();
    })();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    apiUrl: (replica) => `${url}/${replica}/api/`,
    accepted,
    received,
    hold(match) {
      holding = match;
    },
    release(except) {
      holding = except;
      for (const h of held.splice(0)) {
        if (except?.(h.post)) held.push(h);
        else h.answer();
      }
    },
    nextPost(match) {
      const seen = received.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A fresh schema on TEST_DATABASE_URL, its URL for child processes, and a pool on it for assertions. */
export async function freshSchema(baseUrl: string) {
  const schema = `bb_e2e_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.end();
  const separator = baseUrl.includes('?') ? '&' : '?';
  const url = `${baseUrl}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  return {
    schema,
    url,
    pool,
    async drop() {
      await pool.end();
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    },
  };
}

export interface Cli {
  child: ChildProcess;
  output(): string;
  /** exit code (or the signal's name) */
  exited: Promise<number | string>;
}

/** Runs `node bin/breachbot.js …args` with exactly `env` (nothing inherited but PATH and HOME). */
export function runCli(args: string[], env: Record<string, string>): Cli {
  const child = spawn(process.execPath, ['bin/breachbot.js', ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? os.tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (c: Buffer) => {
    text += c.toString('utf8');
  });
  child.stderr?.on('data', (c: Buffer) => {
    text += c.toString('utf8');
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  return { child, output: () => text, exited };
}

/** Waits until `check()` is true, polling; throws with `describe()` after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, describe: () => string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${describe()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
