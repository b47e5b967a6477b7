/**
 * 👍 / 👎 on an answer (`breach_vote:up`, `breach_vote:down`, the button value is the answer's feedback token).
 * Acked before this runs (within Slack's 3 s); the vote is counted once per message and person (team and user id,
 * hashed with the message ts by `src/chat/feedback.ts`, never stored) and the person alone sees "Thanks — noted".
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { type Feedback, feedbackReply } from '../../src/chat/feedback.js';
import type { Logger } from '../../src/logger.js';
import { failure } from './reply.js';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** Counts the vote of one click and tells the voter privately. */
export async function recordVote(args: ActionArgs, feedback: Feedback | undefined, log: Logger): Promise<void> {
  const { action, body } = args;
  if (action.type !== 'button') return;
  const vote = (action.action_id ?? '').split(':')[1];
  try {
    const outcome = feedback
      ? await feedback.record({
          token: action.value,
          vote,
          surface: 'slack',
          // the message the buttons are on: ephemeral messages have a ts in the container too
          messageId: body.container?.message_ts ?? body.message?.ts ?? String(action.value ?? ''),
          voter: `${body.team?.id ?? body.user.team_id ?? ''}:${body.user.id}`,
        })
      : ({ status: 'unavailable' } as const);
    if (outcome.status === 'invalid') log.warn('slack vote refused', { reason: outcome.reason });
    if (body.response_url) {
      await args.respond({ response_type: 'ephemeral', replace_original: false, text: feedbackReply(outcome) });
    }
  } catch (error) {
    const text = failure(log, 'vote', error);
    if (body.response_url) {
      await args.respond({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
    }
  }
}
