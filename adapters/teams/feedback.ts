/**
 * 👍 / 👎 on Teams answers. The card gets an `ActionSet` of two `Action.Submit` buttons whose data carries the
 * answer's feedback token; a click arrives as a message activity with that data in `value` and goes through the
 * bot's shared message path here: the vote is counted once per message (`replyToId`) and person (tenant and user
 * id, hashed by `src/chat/feedback.ts`, never stored), and the person is thanked. A changed or forged payload is
 * not counted and gets a short reply; it never fails the turn. The same vote sent as a Universal Action
 * (`Action.Execute` with verb `breachbotVote`, an `adaptiveCard/action` invoke) is answered in the invoke's own
 * response: 200 with the thanks, 400 for a malformed or forged one.
 *
 * @example
 * const reply = answerWithFeedback(answer); // the activity, with the buttons when the answer is rated
 * if (await handleVote(context, feedback, log)) return; // it was a vote
 */
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import { type Feedback, type FeedbackOutcome, feedbackReply, feedbackTokenOf } from '../../src/chat/feedback.js';
import type { Answer } from '../../src/core/answer.js';
import type { Logger } from '../../src/logger.js';
import { tenantOf } from './inbound.js';
import { MAX_CARD_BYTES } from './limits.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard, answerToActivity, type CardElement } from './render.js';

/** The key of a vote in an `Action.Submit`'s data (the value is `up` or `down`). */
export const VOTE_KEY = 'breachbotVote';

/** The two buttons, as an element at the end of the card's body. */
export function feedbackActionSet(token: string): CardElement {
  const button = (title: string, vote: 'up' | 'down') => ({
    type: 'Action.Submit',
    title,
    data: { [VOTE_KEY]: vote, feedback: token },
  });
  return {
    type: 'ActionSet',
    id: 'feedback',
    spacing: 'Medium',
    actions: [button('👍 Helpful', 'up'), button('👎 Not helpful', 'down')],
  };
}

/** The message activity for an answer: with 👍 / 👎 when the answer carries a feedback token. */
export function answerWithFeedback(answer: Answer) {
  const token = feedbackTokenOf(answer);
  if (!token) return answerToActivity(answer);
  const buttons = feedbackActionSet(token);
  // the card with its buttons stays inside the same budget as every other card
  const extra = Buffer.byteLength(JSON.stringify(buttons), 'utf8') + 1;
  const activity = answerToActivity(answer, { maxBytes: MAX_CARD_BYTES - extra });
  const [attachment] = activity.attachments;
  if (attachment?.contentType !== ADAPTIVE_CARD_CONTENT_TYPE) return activity;
  const card = attachment.content as AdaptiveCard;
  return { ...activity, attachments: [{ ...attachment, content: { ...card, body: [...card.body, buttons] } }] };
}

/** The vote in a button press, or undefined when the activity is not one. */
export function submittedVote(activity: TurnContext['activity']): { vote: unknown; token: unknown } | undefined {
  const value = activity.value as Record<string, unknown> | undefined;
  if (!value || typeof value !== 'object' || !(VOTE_KEY in value)) return undefined;
  return { vote: value[VOTE_KEY], token: value.feedback };
}

/** Counts one vote from a button press of either kind. */
async function recordTeamsVote(
  activity: TurnContext['activity'],
  submitted: { vote: unknown; token: unknown },
  feedback: Feedback | undefined,
  log: Logger,
): Promise<FeedbackOutcome> {
  const voter = activity.from?.aadObjectId ?? activity.from?.id ?? '';
  const outcome = feedback
    ? await feedback.record({
        token: submitted.token,
        vote: submitted.vote,
        surface: 'teams',
        messageId: activity.replyToId ?? (typeof submitted.token === 'string' ? submitted.token : ''),
        voter: voter ? `${tenantOf(activity)}:${voter}` : '',
      })
    : ({ status: 'unavailable' } as const);
  if (outcome.status === 'invalid') log.warn('teams vote refused', { reason: outcome.reason });
  return outcome;
}

/** Counts the vote when the activity is one (true), replying to the voter; false for anything else. */
export async function handleVote(context: TurnContext, feedback: Feedback | undefined, log: Logger): Promise<boolean> {
  const submitted = submittedVote(context.activity);
  if (!submitted) return false;
  const outcome = await recordTeamsVote(context.activity, submitted, feedback, log);
  await context.sendActivity(feedbackReply(outcome));
  return true;
}

/** The invoke response to an `Action.Execute` vote, or undefined when the action is not a vote. */
export async function voteInvokeResponse(
  context: TurnContext,
  invokeValue: AdaptiveCardInvokeValue,
  feedback: Feedback | undefined,
  log: Logger,
): Promise<AdaptiveCardInvokeResponse | undefined> {
  if (invokeValue.action?.verb !== VOTE_KEY) return undefined;
  const data = (invokeValue.action.data ?? {}) as Record<string, unknown>;
  const outcome = await recordTeamsVote(
    context.activity,
    { vote: data[VOTE_KEY], token: data.feedback },
    feedback,
    log,
  );
  if (outcome.status === 'invalid' || outcome.status === 'unavailable') {
    return {
      statusCode: outcome.status === 'invalid' ? 400 : 503,
      type: 'application/vnd.microsoft.error',
      value: {
        code: outcome.status === 'invalid' ? 'BadRequest' : 'ServiceUnavailable',
        message: feedbackReply(outcome),
      },
    };
  }
  // a message response's value is the text itself (Universal Actions); botframework-schema types it as an object
  const text = feedbackReply(outcome) as unknown as Record<string, unknown>;
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
}
