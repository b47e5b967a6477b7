/**
 * `breachbot questions [--since ISO-8601] [--json] [--purge]`: the questions nobody could answer and the ones whose
 * answer was voted down (👎), for the people who keep the knowledge base. Each distinct question once per reason,
 * with how often and when it was asked (or voted down), most recently first; `REASON` (`reason` in JSON) says
 * which. JSON adds, for a voted-down question, the votes up and down in the period, the incidents and the fact ids
 * its answers showed. It reads the configured store (SQLite under
 * DATA_DIR, or DATABASE_URL), drops what is past QUESTION_LOG_RETENTION_DAYS first, and `--purge` empties the log.
 *
 * @example
 * breachbot questions --since 2026-11-01 --json
 */
import { questionLogKey } from '../store/question-log.js';
import type { FeedbackRecord, LoggedQuestion } from '../store/store.js';
import { type CliIo, parseFlags, UsageError } from './io.js';

const USAGE = `Usage:
  breachbot questions [--since ISO-8601] [--json]   questions nobody could answer or voted down, with counts
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

interface VoteTally {
  up: number;
  down: number;
  incidents: string[];
  factIds: string[];
}

/** The votes of the period per question (keyed as the question log keys it). */
function tallyVotes(votes: FeedbackRecord[]): Map<string, VoteTally> {
  const tallies = new Map<string, VoteTally>();
  for (const v of votes) {
    const key = questionLogKey(v.question);
    let tally = tallies.get(key);
    if (!tally) {
      tally = { up: 0, down: 0, incidents: [], factIds: [] };
      tallies.set(key, tally);
    }
    tally[v.vote]++;
    if (v.vote !== 'down') continue;
    if (v.incident && !tally.incidents.includes(v.incident)) tally.incidents.push(v.incident);
    for (const id of v.factIds) if (!tally.factIds.includes(id)) tally.factIds.push(id);
  }
  return tallies;
}

/** What `--json` prints for each question (fields are only ever added). */
const toJson = (q: LoggedQuestion, tallies: Map<string, VoteTally>) => {
  const tally = q.reason === 'downvoted' ? tallies.get(questionLogKey(q.text)) : undefined;
  return {
    text: q.text,
    reason: q.reason,
    kind: q.kind ?? null,
    count: q.count,
    firstSeen: q.firstSeen,
    lastSeen: q.lastSeen,
    platforms: q.platforms,
    votes: tally ? { up: tally.up, down: tally.down } : null,
    incidents: tally?.incidents ?? [],
    factIds: tally?.factIds ?? [],
  };
};

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
  const { openConfiguredStore } = await import('./open-store.js');
  const opened = await openConfiguredStore(io, 'questions');
  if (!opened) return 1;
  const { config, store } = opened;
  try {
    if (options.purge) {
      const removed = await store.purgeQuestions();
      // votes keep their question too: emptying the log empties them
      const votes = await store.purgeFeedback();
      io.stdout.write(`Removed ${removed} question(s) from the log.\n`);
      if (votes > 0) io.stdout.write(`Removed ${votes} vote(s) on answers.\n`);
      return 0;
    }
    const retentionMs = config.questionLog.retentionDays * 86_400_000;
    const cutoff = new Date(Date.now() - retentionMs).toISOString();
    await store.purgeQuestions({ before: cutoff });
    await store.purgeFeedback({ before: cutoff });
    const questions = await store.listQuestions({ since: options.since, limit: 1_000_000 });
    if (!options.json) {
      io.stdout.write(table(questions, options.since));
      return 0;
    }
    const tallies = tallyVotes(await store.listFeedback({ since: options.since, limit: 1_000_000 }));
    io.stdout.write(
      `${JSON.stringify(
        questions.map((q) => toJson(q, tallies)),
        null,
        2,
      )}\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
