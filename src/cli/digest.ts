/**
 * `breachbot digest run-due [--now ISO-8601]`: one scheduler pass at that instant (default now) against the
 * configured store and platforms, then exit; for cron-style deployments and tests. Several can run at once: the
 * store's ledger gives each period to exactly one of them.
 *
 * `breachbot digest preview [--incident ID] [--since ISO-8601] [--json]`: prints the digest that would be posted.
 * With `--since`, facts dated on or after that day are shown as new.
 */
import type { Answer } from '../core/answer.js';
import { buildDigest } from '../core/digest.js';
import { incidentFacts } from '../core/fact-hashes.js';
import { createKnowledgeBase, type KnowledgeBase } from '../core/knowledge-base.js';
import type { Deliver } from '../digest/deliver.js';
import type { Platform, Store } from '../store/store.js';
import { type CliIo, parseFlags, UsageError } from './io.js';

const USAGE = `Usage:
  breachbot digest run-due [--now ISO-8601]     post the digests due at that instant (default now), once, and exit
  breachbot digest preview [--incident ID] [--since ISO-8601] [--json]
                                                print the digest that would be posted
`;

function parseInstant(value: string | boolean | undefined, flag: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(String(value));
  if (typeof value !== 'string' || Number.isNaN(date.getTime())) {
    throw new UsageError(`--${flag} must be an ISO-8601 date or instant, e.g. 2026-11-30T08:00:00Z (got "${value}")`);
  }
  return date;
}

/** Plain text of an answer, for the terminal. */
export function digestText(answer: Answer): string {
  const lines: string[] = [answer.title];
  for (const section of answer.sections) {
    lines.push('');
    if (section.heading) lines.push(section.heading);
    if (section.text) lines.push(section.text);
    for (const item of section.items ?? []) {
      const main = item.label ? `${item.label}: ${item.text}` : item.text;
      lines.push(item.date ? `- ${item.date}  ${main}` : `- ${main}`);
      if (item.note) lines.push(`    ${item.note}`);
    }
  }
  if (answer.sources.length > 0) {
    lines.push('', 'Sources');
    for (const s of answer.sources) lines.push(`- ${s.publisher}: ${s.title} ${s.url}`);
  }
  return `${lines.join('\n')}\n`;
}

async function setup(io: CliIo) {
  const { environmentWithDotenv } = await import('./serve.js');
  const { loadConfig } = await import('../config.js');
  const { createLogger } = await import('../logger.js');
  const { cacheDirIn, loadKnowledgeBase } = await import('../kb/load.js');
  const config = loadConfig(environmentWithDotenv(io.env, io.cwd), io.cwd);
  const log = createLogger({ level: config.logLevel, stream: io.stderr });
  const loaded = await loadKnowledgeBase({
    dir: config.incidentsDir,
    defaultIncident: config.defaultIncident,
    cacheDir: cacheDirIn(config.dataDir),
  });
  const kb = createKnowledgeBase(loaded.data);
  return { config, log, kb };
}

async function runDue(args: string[], io: CliIo): Promise<number> {
  const { flags, positional } = parseFlags(args, { now: 'string' });
  if (positional.length > 0) throw new UsageError(`unexpected "${positional.join(' ')}"`);
  const now = parseInstant(flags.now, 'now') ?? new Date();
  const { config, log, kb } = await setup(io);
  const { createStore } = await import('../store/index.js');
  const store = await createStore(config, log);
  try {
    let deliver: Partial<Record<Platform, Deliver>>;
    try {
      deliver = await createDeliverers(config, store, kb, log);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      io.stderr.write(`breachbot digest run-due: a chat platform could not be set up, nothing was posted: ${reason}\n`);
      return 1;
    }
    const { createConfiguredScheduler } = await import('../configured-scheduler.js');
    const scheduler = await createConfiguredScheduler(config, { store, kb, deliver, log });
    const s = await scheduler.runDuePass(now);
    io.stdout.write(
      `digest run-due at ${s.now}: ${s.posted} posted, ${s.silent} silent, ${s.failed} failed, ` +
        `${s.claimedElsewhere} claimed by another replica, ${s.tookOver} taken over, ${s.errors} errors ` +
        `(${s.subscriptions} subscriptions)\n`,
    );
    return s.errors > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

/**
 * The platforms' `Deliver` ports, built as `serve` builds them (adapters constructed, nothing listening), only for
 * platforms that have active subscriptions: a pass with nothing for Teams never loads botbuilder. An adapter that
 * cannot start (bad token…) fails the command before anything is claimed.
 */
async function createDeliverers(
  config: Awaited<ReturnType<typeof setup>>['config'],
  store: Store,
  kb: KnowledgeBase,
  log: Awaited<ReturnType<typeof setup>>['log'],
): Promise<Partial<Record<Platform, Deliver>>> {
  const active = new Set((await store.listSubscriptions()).filter((s) => !s.paused).map((s) => s.platform));
  const deliver: Partial<Record<Platform, Deliver>> = {};
  if (active.size === 0) return deliver;
  const { createMessageHandler } = await import('../chat/handle-message.js');
  const handle = createMessageHandler({ kb, store, log });
  if (config.slack && active.has('slack')) {
    const { createSlackAdapter } = await import('../../adapters/slack/index.js');
    deliver.slack = (await createSlackAdapter({ config: config.slack, handle, store, kb, log })).deliver;
  }
  if (config.teams && active.has('teams')) {
    const { createTeamsAdapter } = await import('../../adapters/teams/index.js');
    deliver.teams = createTeamsAdapter({ config: config.teams, handle, store, kb, log }).deliver;
  }
  return deliver;
}

async function preview(args: string[], io: CliIo): Promise<number> {
  const { flags, positional } = parseFlags(args, { incident: 'string', since: 'string', json: 'boolean' });
  if (positional.length > 0) throw new UsageError(`unexpected "${positional.join(' ')}"`);
  const since = parseInstant(flags.since, 'since');
  const { kb } = await setup(io);
  const incident = typeof flags.incident === 'string' ? kb.incident(flags.incident) : kb.defaultIncident;
  if (!incident) {
    io.stderr.write(
      `breachbot digest preview: no incident "${String(flags.incident ?? '')}"; loaded: ${kb.incidents.map((i) => i.id).join(', ') || 'none'}\n`,
    );
    return 2;
  }
  const sinceDay = since?.toISOString().slice(0, 10);
  const previousHashes = sinceDay
    ? Object.fromEntries(incidentFacts(incident).flatMap((f) => (f.date && f.date >= sinceDay ? [] : [[f.id, f.hash]])))
    : undefined;
  const answer = buildDigest(kb, {
    incident: incident.id,
    since: since?.toISOString(),
    now: new Date(),
    previousHashes,
    kind: 'weekly',
  });
  if (!answer) {
    io.stderr.write('breachbot digest preview: nothing to show\n');
    return 1;
  }
  io.stdout.write(flags.json ? `${JSON.stringify(answer, null, 2)}\n` : digestText(answer));
  return 0;
}

/** `breachbot digest …` */
export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'run-due') return await runDue(rest, io);
    if (sub === 'preview') return await preview(rest, io);
    if (!sub || sub === 'help' || sub === '--help') {
      io.stdout.write(USAGE);
      return sub ? 0 : 2;
    }
    throw new UsageError(`unknown digest command "${sub}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`breachbot digest: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    const { ConfigError } = await import('../config.js');
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
