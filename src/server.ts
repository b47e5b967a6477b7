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
import { createFeedback, type Feedback, feedbackTokenOf } from './chat/feedback.js';
import { createMessageHandler } from './chat/handle-message.js';
import { createKnowledgeHolder } from './chat/knowledge-holder.js';
import {
  createKnowledgeReloader,
  knowledgeBaseProblems,
  loadConfiguredKnowledge,
  type ReloadOutcome,
} from './cli/kb-reload.js';
import { type Config, ConfigError } from './config.js';
import type { Answer } from './core/answer.js';
import { createKnowledgeBase, type KnowledgeBase } from './core/knowledge-base.js';
import type { Deliver } from './digest/deliver.js';
import { createDrainer } from './http/drain.js';
import { BodyTooLargeError, declaredLength, isBodyError, refuseBody } from './http/read-body.js';
import type { AdapterHandle, Route } from './http/types.js';
import { createLogger, type Logger } from './logger.js';
import { withFallbacks } from './store/fallbacks.js';
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
  /** reload the knowledge base when its files change (default true) */
  watchKnowledge?: boolean;
}

export interface RunningServer {
  /** `http://HOST:PORT` */
  url: string;
  port: number;
  /** the knowledge base now (every read sees the one in place, also after a reload) */
  kb: KnowledgeBase;
  store: Store;
  adapters: AdapterHandle[];
  /** loads the knowledge base again and puts it in place when it loads cleanly (SIGHUP does this) */
  reload(reason?: string): Promise<ReloadOutcome>;
  /**
   * drain (`src/http/drain.ts`: `Connection: close`, /readyz 503, requests in flight answered, up to `graceMs`),
   * then stop the scheduler and adapters and close the store
   */
  close(graceMs?: number): Promise<void>;
}

/** `/readyz` says 503 when the store has not answered a ping within this time (the contract: within 2 s). */
export const READY_STORE_TIMEOUT_MS = 1500;

/** On shutdown, the most time spent still listening (answering with `Connection: close`) while clients are connected. */
export const DRAIN_LISTEN_MS = 2000;

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
  const loaded = await loadConfiguredKnowledge(config);
  const errors = loaded.problems.filter((x) => x.severity === 'error');
  for (const p of errors) {
    log.warn('knowledge base problem', { file: p.file, line: p.line, path: p.path, problem: p.message });
  }
  const kb = createKnowledgeBase(loaded.data);
  const problems = await knowledgeBaseProblems(config, kb, errors.length);
  if (problems.length > 0) throw new ConfigError(problems);
  log.info('knowledge base loaded', {
    incidents: kb.incidents.map((i) => i.id),
    version: kb.version,
    problems: loaded.problems.length,
    from: loaded.from,
  });
  return kb;
}

/** Starts everything and listens on `config.host`/`config.port`. */
export async function createServer(options: ServerOptions): Promise<RunningServer> {
  const { config } = options;
  const log = options.log ?? createLogger({ level: config.logLevel });
  const now = options.now ?? (() => new Date());
  const holder = createKnowledgeHolder(await loadKb(config, log));
  // what adapters keep for the life of the server: every read looks at the knowledge base in place
  const kb = holder.live;
  // the answer path keeps working while the database is down (src/store/fallbacks.ts)
  const store = withFallbacks(options.store ?? (await createStore(config, log)), { log });
  // votes keep question text, so they follow the question log: QUESTION_LOG_RETENTION_DAYS=0 turns both off
  const feedback: Feedback | undefined =
    config.questionLog.retentionDays > 0
      ? await createFeedback({ store, log, now }).catch(async (error: unknown) => {
          await store.close().catch(() => undefined);
          throw error;
        })
      : undefined;

  const { createDigestCommandHandler } = await import('./digest/commands.js');
  const { respondHunt } = await import('./hunt/respond-hunt.js');
  const digest = createDigestCommandHandler({ store, kb: holder.current });
  const handle = createMessageHandler({
    kb: holder.current,
    store: config.questionLog.retentionDays > 0 ? store : undefined,
    now,
    log,
    digest,
    hunt: (command, current) => respondHunt(current, command),
    feedback,
    // the export is served where the page is; a link is only worth giving where people can reach it
    ...(config.webUi && config.publicUrl
      ? {
          indicatorExport: (incident: string) =>
            `${config.publicUrl}/api/indicators?incident=${encodeURIComponent(incident)}`,
        }
      : {}),
  });
  const reloader = createKnowledgeReloader({ config, holder, log });

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
        feedback,
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
        feedback,
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
      const { toAnswerJson } = await import('./core/answer-json.js');
      const { createFeedbackRoute } = await import('../adapters/web/feedback-api.js');
      // the page's answers carry their feedback token; its 👍 / 👎 post it to /api/feedback
      const toJson = (a: Answer) => ({ ...toAnswerJson(a), feedback: feedbackTokenOf(a) ?? null });
      const web = createWebAdapter({ kb, handle, render, log, toJson });
      web.routes.push(createFeedbackRoute({ feedback, log }));
      adapters.push(web);
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
    kb: holder.current,
    deliver,
    log,
    now,
    pollSeconds: config.digest.pollSeconds,
  });

  /**
   * Why `/readyz` says 503, or undefined; the store gets `READY_STORE_TIMEOUT_MS` to answer. (A knowledge base that
   * did not load never gets here: start-up stops on it.)
   */
  const notReadyReason = async (): Promise<string | undefined> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve('store did not answer in time'), READY_STORE_TIMEOUT_MS);
    });
    const pinged = store.ping().then(
      () => undefined,
      () => 'store unreachable',
    );
    try {
      return await Promise.race([pinged, late]);
    } finally {
      clearTimeout(timer);
    }
  };

  const routes: Route[] = [
    ...adapters.flatMap((a) => a.routes),
    { method: 'GET', path: '/healthz', handle: (_req, res) => sendJson(res, 200, { status: 'ok' }) },
    {
      method: 'GET',
      path: '/readyz',
      handle: async (_req, res) => {
        const reason = drainer.draining ? 'shutting down' : await notReadyReason();
        if (reason) sendJson(res, 503, { status: 'not ready', reason });
        else sendJson(res, 200, { status: 'ready', incidents: kb.incidents.length, kbVersion: kb.version });
      },
    },
  ];

  const bootId = randomUUID().slice(0, 8);
  let requestSeq = 0;
  const nextRequestId = () => `${bootId}-${(++requestSeq).toString(36)}`;
  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : nextRequestId();
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    drainer.track(res, () => {
      const fields = {
        requestId,
        method: req.method,
        path: req.url?.split('?')[0],
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      };
      // ids, method, path without its query, status and duration: nothing here is ever a secret
      if (log.plainInfo) log.plainInfo('request', fields);
      else log.info('request', fields);
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
  const drainer = createDrainer(server);
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
  const watcher = options.watchKnowledge === false ? undefined : reloader.watch();
  log.info('breachbot listening', { host: config.host, port, routes: routes.map((r) => `${r.method} ${r.path}`) });

  let closing: Promise<void> | undefined;
  const close = (graceMs = 8000) => {
    closing ??= (async () => {
      log.info('shutting down', { inFlight: drainer.inFlight, connections: drainer.connections });
      watcher?.close();
      await drainer.drain({ listenMs: Math.min(DRAIN_LISTEN_MS, graceMs / 4), graceMs });
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

  return { url, port, kb, store, adapters, close, reload: (reason = 'asked') => reloader.reload(reason) };
}
