/**
 * Slack HTTP benchmark: signed `/breach` slash commands (timeline, victims, logging and free-text questions) at
 * concurrency 50 on loopback, answered by (1) the full breachbot server (Bolt App behind breachbot's own receiver,
 * `adapters/slack/receiver.ts`), with and without its answer memo, (2) a bare Bolt app on Bolt's stock
 * HTTPReceiver that acks with an empty reply (the baseline), and the same acking one prebuilt answer, (3) a bare
 * Bolt app behind breachbot's receiver acking empty (what the receiver alone changes), (4) a raw `node:http`
 * server. Target: breachbot ≥ 80% of bare Bolt's throughput, zero errors, p99 < 50 ms.
 *
 * Run alone: `npm run bench -- slack`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { SlackRequestReceiver } from '../adapters/slack/receiver.js';
import { answerMessage } from '../adapters/slack/reply.js';
import { slackClientOptions } from '../adapters/slack/web-client.js';
import { loadConfig } from '../src/config.js';
import { createKnowledgeBase } from '../src/core/knowledge-base.js';
import { parseCommand } from '../src/core/parse-command.js';
import { respond } from '../src/core/respond.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import { createLogger } from '../src/logger.js';
import { createServer } from '../src/server.js';
import { startFakeSlackApi } from '../test/fakes/slack-api.js';
import { type LoadJob, type LoadResult, load, mergeResults, percentile, rps, summarize } from './load.js';
import type { BenchSection } from './report.js';

const SECRET = 'bench-signing-secret-0123456789';
const TOKEN = 'xoxb-bench-token';
export const QUESTIONS = [
  'timeline',
  'timeline july 2023',
  'victims',
  'logging',
  'how were the tokens forged?',
  'who was affected',
  'when was it detected',
  'what should i log to catch this',
];

function bodies(): string[] {
  return QUESTIONS.map((text, i) =>
    new URLSearchParams({
      token: 'x',
      team_id: 'T000BENCH',
      team_domain: 'bench',
      channel_id: `C000BENCH${i}`,
      channel_name: 'bench',
      user_id: `U000BENCH${i}`,
      user_name: 'bench',
      command: '/breach',
      text,
      api_app_id: 'A000BENCH',
      is_enterprise_install: 'false',
      is_ext_shared_channel: 'false',
      response_url: 'http://127.0.0.1:9/respond/bench',
      trigger_id: '1.2.3',
    }).toString(),
  );
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/**
 * A bare Bolt app: one `/breach` command listener that acks empty (or with `reply`), behind Bolt's stock
 * HTTPReceiver (the baseline) or behind breachbot's receiver.
 */
async function bareBolt(
  apiUrl: string,
  options: { reply?: Record<string, unknown>; receiver?: 'stock' | 'breachbot' } = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const { reply } = options;
  const ours =
    options.receiver === 'breachbot'
      ? new SlackRequestReceiver({ signingSecret: SECRET, log: createLogger({ level: 'silent' }) })
      : undefined;
  const stock = ours
    ? undefined
    : new HTTPReceiver({ signingSecret: SECRET, endpoints: '/slack/events', logLevel: LogLevel.ERROR });
  const app = new App({
    receiver: ours ?? stock,
    token: TOKEN,
    logLevel: LogLevel.ERROR,
    clientOptions: slackClientOptions(apiUrl),
    convoStore: false,
    deferInitialization: true,
  });
  app.command('/breach', async ({ ack }) => {
    await (reply ? ack(reply) : ack());
  });
  await app.init();
  const server = createHttpServer(
    ours
      ? (req, res) => {
          void ours.handle(req, res);
        }
      : stock?.requestListener,
  );
  return { url: `${await listen(server)}/slack/events`, stop: () => close(server) };
}

async function rawHttp(): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  return { url: `${await listen(server)}/slack/events`, stop: () => close(server) };
}

function baseConfig(apiUrl: string, dataDir: string) {
  return loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: apiUrl,
    WEB_UI: 'false',
  });
}

/**
 * Starts all servers at once, then loads them in interleaved rounds (so background load on a shared machine
 * spreads evenly over them) and compares the totals.
 */
export async function run(
  options: { rounds?: number; roundMs?: number; warmupMs?: number } = {},
): Promise<BenchSection> {
  const rounds = options.rounds ?? 4;
  const roundMs = options.roundMs ?? 2500;
  const warmupMs = options.warmupMs ?? 750;
  const fake = await startFakeSlackApi();
  const dataDirs: string[] = [];
  const stops: Array<() => Promise<void>> = [];
  const targets: Array<{ name: string; url: string; expect?: string }> = [];
  const parts = new Map<string, LoadResult[]>();
  // the server process's CPU time (the load runs in another process): steadier than req/s on a shared machine
  const busyMs = new Map<string, number>();
  const counted = new Map<string, number>();
  try {
    const discard = new Writable({ write: (_c, _e, done) => done() });
    for (const [name, cacheMs] of [
      ['breachbot (full server)', undefined],
      ['breachbot, answer memo off', 0],
    ] as const) {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'breachbot-bench-'));
      dataDirs.push(dataDir);
      const config = Object.freeze({
        ...baseConfig(fake.url, dataDir),
        teams: undefined,
        teamsOff: 'off for the benchmark',
      });
      const bot = await createServer({
        config,
        log: createLogger({ level: 'info', stream: discard }),
        scheduler: false,
        slackAnswerCacheMs: cacheMs,
      });
      stops.push(() => bot.close(1000));
      targets.push({ name, url: `${bot.url}/slack/events`, expect: '"response_type":"ephemeral"' });
    }
    const bolt = await bareBolt(fake.url);
    stops.push(bolt.stop);
    targets.push({ name: 'bare Bolt 5.1 (empty ack)', url: bolt.url });
    // Same bare app, acking with one prebuilt breachbot answer: what sending a real answer costs Bolt by itself.
    const loaded = await loadKnowledgeBase({ dir: baseConfig(fake.url, os.tmpdir()).incidentsDir });
    const kb = createKnowledgeBase(loaded.data);
    const prebuilt = answerMessage(respond(kb, parseCommand('timeline', kb), { now: new Date() }), {
      shareText: 'timeline',
    });
    const boltAnswer = await bareBolt(fake.url, { reply: { response_type: 'ephemeral', ...prebuilt } });
    stops.push(boltAnswer.stop);
    targets.push({
      name: 'bare Bolt acking a prebuilt answer',
      url: boltAnswer.url,
      expect: '"response_type":"ephemeral"',
    });
    const ours = await bareBolt(fake.url, { receiver: 'breachbot' });
    stops.push(ours.stop);
    targets.push({ name: "bare Bolt on breachbot's receiver", url: ours.url });
    const raw = await rawHttp();
    stops.push(raw.stop);
    targets.push({ name: 'raw node:http', url: raw.url });

    for (let round = 0; round < rounds; round++) {
      for (const t of targets) {
        const job: LoadJob = {
          url: t.url,
          bodies: bodies(),
          secret: SECRET,
          concurrency: 50,
          warmupMs: round === 0 ? warmupMs * 2 : warmupMs,
          durationMs: roundMs,
          expect: t.expect,
        };
        const before = process.cpuUsage();
        const result = await load(job);
        const cpu = process.cpuUsage(before);
        busyMs.set(t.name, (busyMs.get(t.name) ?? 0) + (cpu.user + cpu.system) / 1000);
        counted.set(t.name, (counted.get(t.name) ?? 0) + result.completed);
        parts.set(t.name, [...(parts.get(t.name) ?? []), result]);
      }
    }
  } finally {
    for (const stop of stops) await stop();
    await fake.close();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }
  const results: Array<[string, LoadResult]> = targets.map((t) => [t.name, mergeResults(parts.get(t.name) ?? [])]);
  const durationMs = rounds * roundMs;

  const boltRps = rps(results.find(([n]) => n.startsWith('bare Bolt'))?.[1] as LoadResult);
  const rows = results.map(([name, r]) => ({
    server: name,
    ...summarize(r),
    'vs bare Bolt': `${((rps(r) / boltRps) * 100).toFixed(0)}%`,
    'server CPU µs/req': Math.round(((busyMs.get(name) ?? 0) * 1000) / Math.max(1, counted.get(name) ?? 0)),
  }));
  const bot = results[0]?.[1] as LoadResult;
  const botP99 = percentile(
    [...bot.latencies].sort((a, b) => a - b),
    99,
  );
  const ratio = rps(bot) / boltRps;
  const noMemo = results[1]?.[1] as LoadResult;
  const ourReceiver = results.find(([n]) => n.includes("breachbot's receiver"))?.[1] as LoadResult;
  const notes = [
    `${QUESTIONS.length} questions (${QUESTIONS.join(', ')}), signed slash commands, concurrency 50, keep-alive, loopback; load from a separate process; ${rounds} interleaved rounds of ${roundMs} ms per server (${durationMs} ms each in all), each after a ${warmupMs} ms warm-up.`,
    `breachbot: ${(ratio * 100).toFixed(0)}% of bare Bolt (target ≥ 80%), p99 ${botP99.toFixed(1)} ms (target < 50 ms), ${bot.errors} errors (target 0): ${ratio >= 0.8 && botP99 < 50 && bot.errors === 0 ? 'met' : 'NOT met'}.`,
    'server CPU µs/req: CPU time (user + system) of the server process per answered request, warm-up included; the load generator is a separate process. It is steadier than req/s when other work shares the machine.',
    `With the answer memo off (every request runs parseCommand + respond + render): ${((rps(noMemo) / boltRps) * 100).toFixed(0)}% of bare Bolt.`,
    `Bare Bolt behind breachbot's receiver (verify and parse once, one write per ack): ${((rps(ourReceiver) / boltRps) * 100).toFixed(0)}% of bare Bolt on its stock HTTPReceiver; part of breachbot's margin comes from there.`,
  ];
  for (const [name, r] of results) if (r.firstError) notes.push(`${name}: first error: ${r.firstError}`);
  return { title: 'Slack HTTP: signed /breach slash commands', rows, notes };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const section = await run();
  console.log(`\n${section.title}`);
  console.table(section.rows);
  for (const note of section.notes ?? []) console.log(`- ${note}`);
}
