/**
 * Teams HTTP benchmark: message activities (commands and free-text questions) at concurrency 50 on loopback,
 * answered by (1) the full breachbot server (botbuilder → parseCommand → respond → Adaptive Card → reply POSTed
 * to a local Bot Connector sink), (2) the same with the adapter's answer memo off, (3) a bare botbuilder bot that
 * replies with a fixed text to the same sink, and (4) that bare bot replying with a fixed breachbot card. The
 * servers take turns in short interleaved rounds so a busy machine slows all of them alike. A request counts when
 * the bot answered 200, i.e. after its reply reached the sink. Target: breachbot ≥ 80% of the bare text bot's
 * throughput, zero errors.
 *
 * Run alone: `npm run bench -- teams`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { answerToActivity } from '../adapters/teams/render.js';
import { defaultIncidentsDir, loadConfig } from '../src/config.js';
import { createKnowledgeBase } from '../src/core/knowledge-base.js';
import { parseCommand } from '../src/core/parse-command.js';
import { respond } from '../src/core/respond.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import { createLogger } from '../src/logger.js';
import { createServer } from '../src/server.js';
import { startFakeConnector } from '../test/fakes/bot-connector.js';
import { type LoadJob, type LoadResult, load, mergeResults, rps, summarize } from './load.js';
import type { BenchSection } from './report.js';
import { createBareTeamsBot } from './teams-baseline.js';

const QUESTIONS = [
  'timeline',
  'timeline july 2023',
  'victims',
  'logging',
  'indicators',
  'how were the tokens forged?',
  'who was affected',
  'when was it detected',
];

/** Message activities from a few personal chats, each pointing its replies at the sink. */
function bodies(serviceUrl: string): string[] {
  return QUESTIONS.map((text, i) =>
    JSON.stringify({
      type: 'message',
      id: `bench-${i}`,
      channelId: 'msteams',
      serviceUrl,
      from: { id: `29:bench-user-${i}`, name: 'Bench User', aadObjectId: `00000000-0000-0000-0000-00000000000${i}` },
      recipient: { id: '28:bench-bot', name: 'breachbot' },
      conversation: { id: `a:bench-conv-${i}`, conversationType: 'personal', tenantId: 'bench-tenant' },
      channelData: { tenant: { id: 'bench-tenant' } },
      text,
      textFormat: 'plain',
      locale: 'en-US',
    }),
  );
}

async function bareBot(
  reply: Parameters<typeof createBareTeamsBot>[0],
): Promise<{ url: string; stop: () => Promise<void> }> {
  const bare = createBareTeamsBot(reply);
  const server: Server = createHttpServer((req, res) => {
    void bare.handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Runs the full server (answer memo on and off) and the bare bot under the same load, interleaved in `rounds`
 * so that a busy machine slows all of them alike, and compares them.
 */
export async function run(
  options: { durationMs?: number; warmupMs?: number; rounds?: number } = {},
): Promise<BenchSection> {
  const rounds = options.rounds ?? 6;
  const durationMs = options.durationMs ?? Math.round(6000 / rounds);
  const warmupMs = options.warmupMs ?? 400;
  const sink = await startFakeConnector({ record: false });
  const dataDirs: string[] = [];
  const job = (url: string): LoadJob => ({
    url,
    bodies: bodies(`${sink.url}/`),
    concurrency: 50,
    warmupMs,
    durationMs,
  });
  const names = [
    'breachbot (full server, card replies)',
    'breachbot, answer memo off',
    'bare botbuilder 4.23 (fixed text reply)',
    'bare botbuilder replying with a fixed card',
  ] as const;
  const parts = new Map<string, LoadResult[]>();
  // CPU milliseconds this process (servers + sink) used per server over the whole run, warm-up included
  const busyMs = new Map<string, number>();
  let cardBytes = 0;
  const stops: Array<() => Promise<void>> = [];
  try {
    const discard = new Writable({ write: (_c, _e, done) => done() });
    const urls: string[] = [];
    for (const cacheMs of [undefined, 0]) {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'breachbot-bench-teams-'));
      dataDirs.push(dataDir);
      const base = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, WEB_UI: 'false' });
      const config = Object.freeze({ ...base, slack: undefined, slackOff: 'off for the benchmark' });
      const bot = await createServer({
        config,
        log: createLogger({ level: 'info', stream: discard }),
        scheduler: false,
        teamsAnswerCacheMs: cacheMs,
      });
      stops.push(() => bot.close(1000));
      urls.push(`${bot.url}/api/messages`);
    }
    const bare = await bareBot('breachbot bench: fixed reply');
    stops.push(bare.stop);
    urls.push(bare.url);
    const kb = createKnowledgeBase((await loadKnowledgeBase({ dir: defaultIncidentsDir() })).data);
    const card = answerToActivity(respond(kb, parseCommand('victims', kb), { now: new Date() }));
    cardBytes = Buffer.byteLength(JSON.stringify(card));
    const bareCard = await bareBot(card);
    stops.push(bareCard.stop);
    urls.push(bareCard.url);
    for (let round = 0; round < rounds; round++) {
      for (const [i, name] of names.entries()) {
        const before = process.cpuUsage();
        const part = await load(job(urls[i] as string));
        const cpu = process.cpuUsage(before);
        busyMs.set(name, (busyMs.get(name) ?? 0) + (cpu.user + cpu.system) / 1000);
        parts.set(name, [...(parts.get(name) ?? []), part]);
      }
    }
  } finally {
    for (const stop of stops) await stop();
    await sink.close();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }

  const totals = new Map(names.map((name) => [name, mergeResults(parts.get(name) ?? [])] as const));
  const results = names.map((name) => [name, totals.get(name) as LoadResult] as const);
  const result = (name: (typeof names)[number]) => totals.get(name) as LoadResult;
  const bareRps = rps(result(names[2]));
  const cpuPer = (name: (typeof names)[number]) =>
    Math.round(((busyMs.get(name) ?? 0) * 1000) / Math.max(1, result(name).completed));
  const rows = results.map(([name, r]) => ({
    server: name,
    ...summarize(r),
    'server CPU µs/req': cpuPer(name),
    'vs bare botbuilder': `${((rps(r) / bareRps) * 100).toFixed(0)}%`,
  }));
  const full = result(names[0]);
  const ratio = rps(full) / bareRps;
  const notes = [
    `${QUESTIONS.length} questions (${QUESTIONS.join(', ')}) as Teams personal-chat message activities, unauthenticated loopback mode, concurrency 50, keep-alive; ${rounds} interleaved rounds of ${warmupMs} ms warm-up + ${durationMs} ms measured per server; a request is answered after its reply was POSTed to a local Bot Connector sink; load from a child process; server CPU µs/req = this process's CPU time (servers + sink) / requests.`,
    `breachbot: ${(ratio * 100).toFixed(0)}% of the bare botbuilder bot (target ≥ 80%), ${full.errors} errors (target 0): ${ratio >= 0.8 && full.errors === 0 ? 'met' : 'NOT met'}.`,
    `CPU per request in the server process (robust when the machine is busy): breachbot ${cpuPer(names[0])} µs, memo off ${cpuPer(names[1])} µs, bare botbuilder ${cpuPer(names[2])} µs; the bare bot's CPU cost is ${((cpuPer(names[2]) / cpuPer(names[0])) * 100).toFixed(0)}% of breachbot's.`,
    `The bare bot replying with breachbot's 'victims' card (${cardBytes} bytes) instead of a short text: ${((rps(result(names[3])) / bareRps) * 100).toFixed(0)}% of the text-replying bare bot (what card-sized replies cost by themselves; differences within ±15% are noise on a busy 2-core machine).`,
    `With the answer memo off (every request runs parseCommand + respond + card rendering): ${((rps(result(names[1])) / bareRps) * 100).toFixed(0)}% of the bare bot.`,
  ];
  for (const [name, r] of results) if (r.firstError) notes.push(`${name}: first error: ${r.firstError}`);
  return { title: 'Teams HTTP: message activities with replies', rows, notes };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const section = await run();
  console.log(`\n${section.title}`);
  console.table(section.rows);
  for (const note of section.notes ?? []) console.log(`- ${note}`);
}
