/**
 * The composition: config → knowledge base → store → message handler → enabled adapters → one `node:http` server
 * (adapter routes, `/healthz`, `/readyz`) → digest scheduler. `breachbot serve` runs it; tests call it in-process
 * with `PORT=0` and get the URL back.
 *
 * @example
 * const running = await createServer({ config: loadConfig(env), log });
 * // … running.url …
 * await running.close();
 */
import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TeamsAuthOverrides } from '../adapters/teams/auth.js';
import { createMessageHandler } from './chat/handle-message.js';
import type { Config } from './config.js';
import type { Answer } from './core/answer.js';
import { createKnowledgeBase, type KnowledgeBase } from './core/knowledge-base.js';
import type { Deliver } from './digest/deliver.js';
import { BodyTooLargeError, declaredLength, isBodyError, refuseBody } from './http/read-body.js';
import type { AdapterHandle, Route } from './http/types.js';
import { loadKnowledgeBase } from './kb/load.js';
import { createLogger, type Logger } from './logger.js';
import { createStore } from './store/index.js';
import type { Platform, Store } from './store/store.js';

export interface ServerOptions {
  config: Config;
  log?: Logger;
  /** the clock (default: system time) */
  now?: () => Date;
  /** an already-open store (default: `createStore(config)`) */
  store?: Store;
  /** Slack: how long a rendered slash-command answer may be reused (default 60 s; 0 turns it off) */
  slackAnswerCacheMs?: number;
  /** run the digest scheduler's timer (default true) */
  scheduler?: boolean;
  /** offline tests: Bot Framework auth settings and outbound credentials for the Teams adapter */
  teamsAuth?: TeamsAuthOverrides;
  /** how long the Teams adapter may reuse a rendered answer (default 60 s; 0 turns the memo off) */
  teamsAnswerCacheMs?: number;
}

export interface RunningServer {
  /** `http://HOST:PORT` */
  url: string;
  port: number;
  kb: KnowledgeBase;
  store: Store;
  adapters: AdapterHandle[];
  /** stop accepting, finish requests in flight (up to `graceMs`), stop adapters, close the store */
  close(graceMs?: number): Promise<void>;
}

/** Bigger bodies are refused before any route reads them (routes may set a smaller limit of their own). */
export const MAX_BODY_BYTES = 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function findRoute(routes: Route[], method: string, path: string): { route?: Route; allowed: string[] } {
  const allowed: string[] = [];
  for (const route of routes) {
    const hit = route.path.endsWith('*') ? path.startsWith(route.path.slice(0, -1)) : path === route.path;
    if (!hit) continue;
    if (route.method === method) return { route, allowed };
    allowed.push(route.method);
  }
  return { allowed };
}

async function loadKb(config: Config, log: Logger): Promise<KnowledgeBase> {
  const loaded = await loadKnowledgeBase({ dir: config.incidentsDir, defaultIncident: config.defaultIncident });
  for (const p of loaded.problems.filter((x) => x.severity === 'error')) {
    log.warn('knowledge base problem', { file: p.file, line: p.line, path: p.path, problem: p.message });
  }
  const kb = createKnowledgeBase(loaded.data);
  log.info('knowledge base loaded', {
    incidents: kb.incidents.map((i) => i.id),
    version: kb.version,
    problems: loaded.problems.length,
  });
  return kb;
}

/** Starts everything and listens on `config.host`/`config.port`. */
export async function createServer(options: ServerOptions): Promise<RunningServer> {
  const { config } = options;
  const log = options.log ?? createLogger({ level: config.logLevel });
  const now = options.now ?? (() => new Date());
  const kb = await loadKb(config, log);
  const store = options.store ?? (await createStore(config, log));

  const { createDigestCommandHandler } = await import('./digest/commands.js');
  const { respondHunt } = await import('./hunt/respond-hunt.js');
  const digest = createDigestCommandHandler({ store, kb });
  const handle = createMessageHandler({ kb, store, now, log, digest, hunt: (command) => respondHunt(kb, command) });

  const adapters: AdapterHandle[] = [];
  const deliver: Partial<Record<Platform, Deliver>> = {};
  try {
    if (config.slack) {
      const { createSlackAdapter } = await import('../adapters/slack/index.js');
      const slack = await createSlackAdapter({
        config: config.slack,
        handle,
        store,
        kb,
        log,
        now,
        answerCacheMs: options.slackAnswerCacheMs,
      });
      adapters.push(slack);
      deliver.slack = slack.deliver;
      log.info('adapter slack: on', { mode: slack.mode, path: slack.mode === 'http' ? '/slack/events' : undefined });
    } else log.info('adapter slack: off', { turnOn: config.slackOff });

    if (config.teams) {
      const { createTeamsAdapter } = await import('../adapters/teams/index.js');
      const teams = createTeamsAdapter({
        config: config.teams,
        handle,
        kb,
        store,
        log,
        now,
        auth: options.teamsAuth,
        answerCacheMs: options.teamsAnswerCacheMs,
      });
      adapters.push(teams);
      deliver.teams = teams.deliver;
      log.info('adapter teams: on', { path: '/api/messages', authenticated: Boolean(config.teams.appId) });
    } else log.info('adapter teams: off', { turnOn: config.teamsOff });

    if (config.webUi) {
      const { createWebAdapter } = await import('../adapters/web/index.js');
      const slackRender = await import('../adapters/slack/render.js');
      const teamsRender = await import('../adapters/teams/render.js');
      const render = {
        slack: (a: Answer) => ({ blocks: slackRender.answerToBlockKit(a), text: slackRender.answerToFallbackText(a) }),
        teams: (a: Answer) => ({
          card: teamsRender.answerToAdaptiveCard(a),
          text: teamsRender.answerToFallbackText(a),
        }),
      };
      adapters.push(createWebAdapter({ kb, handle, render, log }));
      log.info('adapter web: on', { path: '/' });
    } else
      log.info('adapter web: off', {
        turnOn: 'set WEB_UI=true (on by default in local mode, with no Slack or Teams credentials)',
      });
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }

  const { createConfiguredScheduler } = await import('./configured-scheduler.js');
  const scheduler = await createConfiguredScheduler(config, {
    store,
    kb,
    deliver,
    log,
    now,
    pollSeconds: config.digest.pollSeconds,
  });

  const routes: Route[] = [
    ...adapters.flatMap((a) => a.routes),
    { method: 'GET', path: '/healthz', handle: (_req, res) => sendJson(res, 200, { status: 'ok' }) },
    {
      method: 'GET',
      path: '/readyz',
      handle: async (_req, res) => {
        try {
          await store.ping();
          sendJson(res, 200, { status: 'ready', incidents: kb.incidents.length, kbVersion: kb.version });
        } catch {
          sendJson(res, 503, { status: 'not ready', reason: 'store unreachable' });
        }
      },
    },
  ];

  const bootId = randomUUID().slice(0, 8);
  let requestSeq = 0;
  const nextRequestId = () => `${bootId}-${(++requestSeq).toString(36)}`;
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : nextRequestId();
    res.setHeader('x-request-id', requestId);
    inFlight += 1;
    const started = process.hrtime.bigint();
    res.on('close', () => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
      log.info('request', {
        requestId,
        method: req.method,
        path: req.url?.split('?')[0],
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      });
    });
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      sendJson(res, 400, { error: 'bad request', requestId });
      return;
    }
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
    const { route, allowed } = findRoute(routes, method, path);
    if (!route) {
      if (allowed.length > 0)
        sendJson(res, 405, { error: 'method not allowed', requestId }, { allow: allowed.join(', ') });
      else sendJson(res, 404, { error: 'not found', requestId });
      req.resume();
      return;
    }
    if ((declaredLength(req) ?? 0) > MAX_BODY_BYTES) {
      refuseBody(req, res, new BodyTooLargeError(MAX_BODY_BYTES));
      return;
    }
    try {
      await route.handle(req, res);
    } catch (error) {
      if (isBodyError(error)) {
        refuseBody(req, res, error);
        return;
      }
      log.error('request failed', { requestId, path, error: error instanceof Error ? error : String(error) });
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error', requestId });
      else res.destroy();
    }
  };

  const server = createHttpServer(
    { requestTimeout: 30_000, headersTimeout: 15_000, keepAliveTimeout: 5_000 },
    (req, res) => {
      void onRequest(req, res);
    },
  );
  // `Expect: 100-continue`: refuse a declared oversize body before the client sends it
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if ((declaredLength(req) ?? 0) <= MAX_BODY_BYTES) res.writeContinue();
    void onRequest(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;

  for (const adapter of adapters) await adapter.start?.();
  if (options.scheduler !== false) scheduler.start();
  log.info('breachbot listening', { host: config.host, port, routes: routes.map((r) => `${r.method} ${r.path}`) });

  let closing: Promise<void> | undefined;
  const close = (graceMs = 8000) => {
    closing ??= (async () => {
      log.info('shutting down', { inFlight });
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => {
            drained = resolve;
          }),
          new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref()),
        ]);
      }
      server.closeAllConnections();
      await stopped;
      await scheduler.stop().catch((error: unknown) => log.warn('scheduler stop failed', { error: String(error) }));
      for (const adapter of adapters) {
        await adapter
          .stop?.()
          .catch((error: unknown) => log.warn('adapter stop failed', { adapter: adapter.name, error: String(error) }));
      }
      await store.close();
      log.info('stopped');
    })();
    return closing;
  };

  return { url, port, kb, store, adapters, close };
}
