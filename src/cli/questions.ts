/**
 * `breachbot questions [--since ISO-8601] [--json] [--purge]`: the questions nobody could answer (and, once
 * feedback exists, the ones voted down), for the people who keep the knowledge base. Each distinct question once,
 * with how often and when it was asked, most recently asked first. It reads the configured store (SQLite under
 * DATA_DIR, or DATABASE_URL), drops what is past QUESTION_LOG_RETENTION_DAYS first, and `--purge` empties the log.
 *
 * @example
 * breachbot questions --since 2026-11-01 --json
 */
import { ConfigError } from '../config.js';
import type { LoggedQuestion } from '../store/store.js';
import { type CliIo, parseFlags, UsageError } from './io.js';

const USAGE = `Usage:
  breachbot questions [--since ISO-8601] [--json]   questions nobody could answer, with counts, newest first
  breachbot questions --purge                       empty the question log
`;

/** Longest question shown in a terminal row; JSON carries the whole text. */
const SHOWN_CHARS = 120;

interface Options {
  since?: string;
  json: boolean;
  purge: boolean;
}

function readOptions(args: string[]): Options | 'help' {
  const { flags, positional } = parseFlags(args, {
    since: 'string',
    json: 'boolean',
    purge: 'boolean',
    help: 'boolean',
  });
  if (flags.help) return 'help';
  if (positional.length > 0) throw new UsageError(`unexpected "${positional.join(' ')}"`);
  if (flags.purge && (flags.since !== undefined || flags.json)) {
    throw new UsageError('--purge empties the whole log and takes no other option');
  }
  let since: string | undefined;
  if (typeof flags.since === 'string') {
    const time = Date.parse(flags.since);
    if (!/^\d{4}-\d{2}-\d{2}/.test(flags.since) || Number.isNaN(time)) {
      throw new UsageError(`--since must be an ISO-8601 date or instant, e.g. 2026-11-01 (got "${flags.since}")`);
    }
    since = new Date(time).toISOString();
  }
  return { since, json: flags.json === true, purge: flags.purge === true };
}

/** A question as one terminal line: control characters (a hostile question's escape codes) become spaces. */
function shown(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const plain = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
  return plain.length > SHOWN_CHARS ? `${plain.slice(0, SHOWN_CHARS - 1)}…` : plain;
}

function table(questions: LoggedQuestion[], since: string | undefined): string {
  const scope = since ? ` since ${since}` : '';
  if (questions.length === 0) return `No questions in the log${scope}.\n`;
  const lines = [
    `${questions.length} question(s) in the log${scope} (no answer, or voted down), most recently asked first:`,
    '',
    `${'COUNT'.padStart(5)}  ${'LAST ASKED (UTC)'.padEnd(16)}  ${'REASON'.padEnd(10)}  ${'WHERE'.padEnd(15)}  QUESTION`,
  ];
  for (const q of questions) {
    const last = q.lastSeen.slice(0, 16).replace('T', ' ');
    const where = q.platforms.join(',');
    lines.push(
      `${String(q.count).padStart(5)}  ${last.padEnd(16)}  ${q.reason.padEnd(10)}  ${where.padEnd(15)}  ${shown(q.text)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** What `--json` prints for each question. */
const toJson = (q: LoggedQuestion) => ({
  text: q.text,
  reason: q.reason,
  kind: q.kind ?? null,
  count: q.count,
  firstSeen: q.firstSeen,
  lastSeen: q.lastSeen,
  platforms: q.platforms,
});

/** Runs the command; 0 on success, 1 when the store cannot be opened, 2 on a usage error. */
export async function run(args: string[], io: CliIo): Promise<number> {
  let options: Options | 'help';
  try {
    options = readOptions(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`breachbot questions: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  const { environmentWithDotenv } = await import('./serve.js');
  const { loadConfig } = await import('../config.js');
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(environmentWithDotenv(io.env, io.cwd), io.cwd);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
    return 1;
  }
  const { createStore } = await import('../store/index.js');
  let store: Awaited<ReturnType<typeof createStore>>;
  try {
    store = await createStore(config);
  } catch (error) {
    io.stderr.write(`breachbot questions: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  try {
    if (options.purge) {
      const removed = await store.purgeQuestions();
      io.stdout.write(`Removed ${removed} question(s) from the log.\n`);
      return 0;
    }
    const retentionMs = config.questionLog.retentionDays * 86_400_000;
    await store.purgeQuestions({ before: new Date(Date.now() - retentionMs).toISOString() });
    const questions = await store.listQuestions({ since: options.since, limit: 1_000_000 });
    io.stdout.write(
      options.json ? `${JSON.stringify(questions.map(toJson), null, 2)}\n` : table(questions, options.since),
    );
    return 0;
  } finally {
    await store.close();
  }
}
