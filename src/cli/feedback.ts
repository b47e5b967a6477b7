/**
 * `breachbot feedback [--since 7d|ISO-8601] [--json]`: the owners' summary of a period (default the last 7 days):
 * votes up and down on answers, the questions voted down most and the questions nobody could answer, with counts.
 * The same summary as `/breach feedback` in Slack and `feedback` in Teams; it reads the configured store.
 *
 * @example
 * breachbot feedback --since 30d --json
 */
import { FEEDBACK_DEFAULT_DAYS } from '../chat/handle-message.js';
import { type CliIo, parseFlags, UsageError } from './io.js';

const USAGE = `Usage:
  breachbot feedback [--since 7d|ISO-8601] [--json]   votes on answers, the questions voted down most and the
                                                      questions nobody could answer (default: the last 7 days)
`;

/** Most questions in each list. */
const TOP = 20;
/** Longest question shown in a terminal row; JSON carries the whole text. */
const SHOWN_CHARS = 100;

/** `7d` (days back from `now`) or an ISO date or instant → an ISO instant. */
export function readSince(value: string | undefined, now: Date): string {
  if (value === undefined) return new Date(now.getTime() - FEEDBACK_DEFAULT_DAYS * 86_400_000).toISOString();
  const days = /^(\d{1,4})d$/.exec(value);
  if (days) return new Date(now.getTime() - Number(days[1]) * 86_400_000).toISOString();
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time)) {
    throw new UsageError(`--since must be a number of days (7d) or an ISO-8601 date, e.g. 2026-11-01 (got "${value}")`);
  }
  return new Date(time).toISOString();
}

function shown(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const plain = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
  return plain.length > SHOWN_CHARS ? `${plain.slice(0, SHOWN_CHARS - 1)}…` : plain;
}

/** Runs the command; 0 on success, 1 when the store cannot be opened, 2 on a usage error. */
export async function run(args: string[], io: CliIo): Promise<number> {
  let since: string;
  let json: boolean;
  try {
    const { flags, positional } = parseFlags(args, { since: 'string', json: 'boolean', help: 'boolean' });
    if (flags.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    if (positional.length > 0) throw new UsageError(`unexpected "${positional.join(' ')}"`);
    since = readSince(typeof flags.since === 'string' ? flags.since : undefined, new Date());
    json = flags.json === true;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`breachbot feedback: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  const { openConfiguredStore } = await import('./open-store.js');
  const opened = await openConfiguredStore(io, 'feedback');
  if (!opened) return 1;
  try {
    const { summarizeFeedback } = await import('../chat/feedback-summary.js');
    const summary = await summarizeFeedback(opened.store, { since, top: TOP });
    if (json) {
      io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      return 0;
    }
    const lines = [`Feedback since ${since}: ${summary.up} up, ${summary.down} down.`, ''];
    lines.push(summary.downVoted.length > 0 ? 'Voted down most:' : 'No answer was voted down.');
    for (const q of summary.downVoted) {
      const where = q.incidents.length > 0 ? `  [${q.incidents.join(', ')}]` : '';
      lines.push(`${String(q.down).padStart(5)}  ${shown(q.question)}${where}`);
    }
    lines.push('');
    lines.push(summary.unanswered.length > 0 ? 'Not answered:' : 'Every question got an answer.');
    for (const q of summary.unanswered) lines.push(`${String(q.count).padStart(5)}  ${shown(q.question)}`);
    io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await opened.store.close();
  }
}
