/**
 * 👍 / 👎 on answers, for the people who keep the knowledge base. Every answer of kind `answer` gets a signed
 * token (`feedback-token.ts`) that the adapters put behind two buttons; a click comes back here with the token,
 * the vote, the surface, the id of the message it was on and who clicked. The vote is stored with the question,
 * the answer's fact ids, the incident, the surface and the time; the voter only as part of a hash of (surface,
 * message id, voter), so one person gets one vote per answer message and nobody can be told apart in the store.
 * A vote down also counts the question as `downvoted` in the question log, which `breachbot questions` lists.
 *
 * @example
 * const feedback = await createFeedback({ store, log });
 * const token = feedback.tokenFor(answer);
 * await feedback.record({ token, vote: 'down', surface: 'slack', messageId: ts, voter: `${team}:${user}` });
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Answer } from '../core/answer.js';
import type { Logger } from '../logger.js';
import type { Store, Vote } from '../store/store.js';
import { type FeedbackSummary, type SummaryOptions, summarizeFeedback } from './feedback-summary.js';
import { type RatedContent, signFeedbackToken, verifyFeedbackToken } from './feedback-token.js';

/** An answer as the message handler returns it: with the token its feedback buttons carry, when it may be rated. */
export type RatedAnswer = Answer & { feedback?: string };

/** The token behind an answer's 👍 / 👎 buttons, or undefined when it has none. */
export const feedbackTokenOf = (answer: Answer): string | undefined => (answer as RatedAnswer).feedback;

/** Where a vote came from. */
export type FeedbackSurface = 'slack' | 'teams' | 'web';

/** A click on a feedback button, as an adapter read it (every field as received: nothing is trusted yet). */
export interface FeedbackInput {
  token: unknown;
  vote: unknown;
  surface: FeedbackSurface;
  /** the platform's id of the message the buttons were on (Slack ts, Teams activity id) */
  messageId: string;
  /** who clicked: only hashed, never stored */
  voter: string;
}

export type FeedbackOutcome =
  | { status: 'counted'; vote: Vote; content: RatedContent }
  | { status: 'duplicate' }
  | { status: 'invalid'; reason: string }
  | { status: 'unavailable' };

export interface Feedback {
  /**
   * the token for an answer's buttons, about `question` (default: the answer's own); undefined for answers that are
   * not rated (none, clarify, help, digest)
   */
  tokenFor(answer: Answer, question?: string): string | undefined;
  /** checks and stores one vote */
  record(input: FeedbackInput): Promise<FeedbackOutcome>;
  /** the owners' summary since an instant (`feedback-summary.ts`) */
  summarize(options: SummaryOptions): Promise<FeedbackSummary>;
}

export interface FeedbackOptions {
  store: Store;
  log?: Logger;
  now?: () => Date;
}

/** The name of the signing key in the store's shared secrets. */
export const FEEDBACK_KEY_NAME = 'feedback-token-key';
/** Intents whose answers are not about the knowledge base, so not rated. */
const UNRATED_INTENTS = new Set<string>(['help', 'digest']);
/** Longest message id or voter id taken into the vote key. */
const MAX_ID_CHARS = 256;

/** The hash that makes a vote one per (surface, message, voter), without keeping the voter. */
export function voteKeyOf(surface: string, messageId: string, voter: string): string {
  return createHash('sha256').update(`${surface}\u0000${messageId}\u0000${voter}`).digest('hex');
}

/** Reads the signing key from the store (made by the first replica to ask) and returns the feedback service. */
export async function createFeedback(options: FeedbackOptions): Promise<Feedback> {
  const key = await options.store.sharedSecret(FEEDBACK_KEY_NAME, () => randomBytes(32).toString('base64url'));
  return createFeedbackWithKey(key, options);
}

/** The feedback service with a known signing key. */
export function createFeedbackWithKey(key: string, options: FeedbackOptions): Feedback {
  const { store, log } = options;
  const now = options.now ?? (() => new Date());
  return {
    summarize: (summary) => summarizeFeedback(store, summary),
    tokenFor(answer, question) {
      if (answer.kind !== 'answer' || UNRATED_INTENTS.has(answer.intent)) return undefined;
      return signFeedbackToken(key, {
        question: question ?? answer.question ?? answer.title,
        incident: answer.incident,
        factIds: answer.facts.map((f) => f.id),
      });
    },
    async record(input) {
      if (input.vote !== 'up' && input.vote !== 'down') return { status: 'invalid', reason: 'vote must be up or down' };
      const content = verifyFeedbackToken(key, input.token);
      if (!content) return { status: 'invalid', reason: 'the feedback token is malformed or not signed by this bot' };
      const messageId = input.messageId.slice(0, MAX_ID_CHARS);
      const voter = input.voter.slice(0, MAX_ID_CHARS);
      if (messageId === '' || voter === '') return { status: 'invalid', reason: 'no message or voter to count it by' };
      const vote: Vote = input.vote;
      const at = now().toISOString();
      try {
        const counted = await store.recordFeedback({
          voteKey: voteKeyOf(input.surface, messageId, voter),
          ...content,
          surface: input.surface,
          vote,
          at,
        });
        if (!counted) return { status: 'duplicate' };
        if (vote === 'down' && content.question.trim() !== '') {
          await store
            .logQuestion({ text: content.question, platform: input.surface, at, reason: 'downvoted' })
            .catch((error: unknown) => log?.warn('down-voted question not logged', { error }));
        }
        log?.info('feedback', { surface: input.surface, vote, incident: content.incident });
        return { status: 'counted', vote, content };
      } catch (error) {
        log?.warn('feedback not stored', { error: error instanceof Error ? error.message : String(error) });
        return { status: 'unavailable' };
      }
    },
  };
}

/** What the person sees after voting. */
export function feedbackReply(outcome: FeedbackOutcome): string {
  switch (outcome.status) {
    case 'counted':
      return outcome.vote === 'up'
        ? 'Thanks — noted. 👍'
        : 'Thanks — noted. 👎 The people who keep the knowledge base will see this question.';
    case 'duplicate':
      return 'Thanks — your vote on this answer was already noted.';
    case 'invalid':
      return 'That vote could not be read, so it was not counted.';
    case 'unavailable':
      return 'Your vote could not be saved just now; please try again later.';
  }
}
