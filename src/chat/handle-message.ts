/**
 * The inbound handler every chat surface shares: text + who/where in, `Answer` out. It parses the command, routes
 * digest commands to the scheduler's subscription service, answers everything else with the core, and writes
 * questions that got `none` or `clarify` to the question log (text, time and platform only), at most
 * `questionsPerMinute` from one source (the rest are answered but not logged).
 *
 * @example
 * const handle = createMessageHandler({ kb, store, now: () => new Date() });
 * const answer = await handle({ platform: 'slack', text: 'timeline july 2023' });
 */
import { LRUCache } from 'lru-cache';
import type { Answer } from '../core/answer.js';
import type { Command } from '../core/command.js';
import type { KnowledgeBase } from '../core/knowledge-base.js';
import { parseCommand } from '../core/parse-command.js';
import { respond } from '../core/respond.js';
import type { Logger } from '../logger.js';
import type { ConversationKey, Store } from '../store/store.js';
import { markVolatile } from './answer-memo.js';
import type { Feedback, RatedAnswer } from './feedback.js';
import { feedbackSummaryAnswer, noFeedbackAnswer, periodStart } from './feedback-summary.js';

export interface Inbound {
  platform: 'slack' | 'teams' | 'web' | 'cli';
  /** the text with the bot's own mention already removed */
  text: string;
  /** where digests for this conversation would go (absent on web/cli) */
  conversation?: ConversationKey;
  /** the asker's IANA time zone, when the platform knows it (Slack user tz) */
  userTimeZone?: string;
  /** platform user id: used for `createdBy` on subscriptions, never logged with questions */
  userId?: string;
  /**
   * who sent it, for the question log's rate limit only (never stored): e.g. the web page's client address;
   * default: the platform with the user id, else the conversation
   */
  source?: string;
}

/** Handles `digest …` commands; provided by `src/digest/commands.ts`. */
export type DigestCommandHandler = (
  command: Command & { type: 'digest' },
  inbound: Inbound,
  now: Date,
) => Promise<Answer>;

/** Answers `hunt …` commands; provided by `src/hunt/respond-hunt.ts`. */
export type HuntCommandHandler = (command: Command & { type: 'hunt' }, kb: KnowledgeBase) => Answer | Promise<Answer>;

export interface MessageHandlerDeps {
  /** the knowledge base, or a function giving the current one (it is read once per message: a reload never mixes) */
  kb: KnowledgeBase | (() => KnowledgeBase);
  /** where unanswered questions are logged (none: not logged) */
  store?: Store;
  now?: () => Date;
  digest?: DigestCommandHandler;
  hunt?: HuntCommandHandler;
  log?: Logger;
  /** most questions one source may add to the log a minute (default 10); more are answered, not logged */
  questionsPerMinute?: number;
  /** the export of an incident's indicators (`/api/indicators`), where people can reach it: indicator answers link it */
  indicatorExport?: (incident: string) => string;
  /** 👍 / 👎: rated answers get a token for their buttons, and `feedback` shows the owners' summary */
  feedback?: Feedback;
}

/** `feedback`, `feedback 30d`, `feedback 30 days`: the owners' summary of that many days (default 7). */
const FEEDBACK_COMMAND = /^feedback(?:\s+(?:last\s+)?(\d{1,3})\s*d(?:ays?)?)?\s*$/i;
/** The period of `feedback` without a number of days. */
export const FEEDBACK_DEFAULT_DAYS = 7;

/** Sources whose rate is tracked at once; the least recently seen are forgotten first. */
const MAX_TRACKED_SOURCES = 10_000;
const MINUTE_MS = 60_000;

/** Who asked, for the rate limit. */
function sourceOf(inbound: Inbound): string {
  const who = inbound.source ?? inbound.userId ?? inbound.conversation?.conversation ?? 'anonymous';
  return `${inbound.platform}:${who}`;
}

/** The answer to a message; rated answers carry their feedback token (`feedbackTokenOf`). */
export type MessageHandler = (inbound: Inbound) => Promise<RatedAnswer>;

export function createMessageHandler(deps: MessageHandlerDeps): MessageHandler {
  const now = deps.now ?? (() => new Date());
  const perMinute = deps.questionsPerMinute ?? 10;
  const windows = new LRUCache<string, { start: number; count: number }>({ max: MAX_TRACKED_SOURCES });
  /** True while `source` has logged fewer than `perMinute` questions in its current minute. */
  const mayLog = (source: string, at: number): boolean => {
    const window = windows.get(source);
    if (!window || at - window.start >= MINUTE_MS) {
      windows.set(source, { start: at, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= perMinute;
  };
  const logQuestion = async (inbound: Inbound, answer: Answer, at: Date) => {
    if (!deps.store || (answer.kind !== 'none' && answer.kind !== 'clarify') || inbound.text.trim() === '') return;
    if (!mayLog(sourceOf(inbound), at.getTime())) {
      deps.log?.debug('question not logged: this source asked too many in a minute', { platform: inbound.platform });
      return;
    }
    try {
      await deps.store.logQuestion({
        text: inbound.text.slice(0, 500),
        platform: inbound.platform,
        at: at.toISOString(),
        reason: 'unanswered',
        kind: answer.kind,
      });
    } catch (error) {
      deps.log?.warn('question log write failed', { error });
    }
  };
  const currentKb = typeof deps.kb === 'function' ? deps.kb : () => deps.kb as KnowledgeBase;
  return async (inbound) => {
    const at = now();
    const kb = currentKb();
    const feedbackCommand = FEEDBACK_COMMAND.exec(inbound.text.trim());
    if (feedbackCommand && deps.feedback) {
      const days = Math.max(1, Number(feedbackCommand[1] ?? FEEDBACK_DEFAULT_DAYS));
      const summary = await deps.feedback.summarize({ since: periodStart(at, days) });
      return markVolatile(feedbackSummaryAnswer(summary, kb.version));
    }
    // here votes are not kept (the command line's `ask`, or votes turned off): say where the summary lives
    if (feedbackCommand) return noFeedbackAnswer(kb.version);
    const command = parseCommand(inbound.text, kb);
    const answer =
      command.type === 'digest' && deps.digest
        ? await deps.digest(command, inbound, at)
        : command.type === 'hunt' && deps.hunt
          ? await deps.hunt(command, kb)
          : respond(kb, command, { now: at });
    await logQuestion(inbound, answer, at);
    const linked = withExportLink(answer, deps.indicatorExport);
    const token = deps.feedback?.tokenFor(linked, inbound.text);
    return token ? { ...linked, feedback: token } : linked;
  };
}

/** An indicator answer about one incident ends with where to download all of them, when that place is known. */
function withExportLink(answer: Answer, exportUrl: ((incident: string) => string) | undefined): Answer {
  if (!exportUrl || answer.kind !== 'answer' || answer.intent !== 'indicators' || !answer.incident) return answer;
  const base = exportUrl(answer.incident);
  return {
    ...answer,
    sections: [
      ...answer.sections,
      { text: `Download every indicator: ${base}&format=stix (STIX 2.1), ${base}&format=csv, ${base}&format=json` },
    ],
  };
}
