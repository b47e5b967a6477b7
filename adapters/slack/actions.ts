/**
 * Buttons: "did you mean" and follow-up suggestions (`breach_ask`), "More" (`breach_more`), "Share in channel"
 * (`breach_share`) and 👍 / 👎 (`breach_vote`, in `vote.ts`). A button carries only the question text; the handler answers it again from the knowledge
 * base, so nothing in a payload is trusted as state.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';
import type { SlackAppDeps } from './app.js';
import { fromButton } from './inbound.js';
import { ACTIONS } from './render.js';
import { answerMessage, failure, requestLog } from './reply.js';
import { recordVote } from './vote.js';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
type ActionBody = BlockAction;

/** Creates the listener for every button click. */
export function createActionHandler(deps: SlackAppDeps) {
  const { handle, audience } = deps;

  const ask = async (args: ActionArgs, body: ActionBody, value: string, log: Logger) => {
    try {
      const teamId = body.team?.id;
      const inbound = fromButton(value, teamId, body.channel?.id, body.user.id);
      const userTimeZone = await audience.timeZone(body.user.id, teamId, log);
      const answer = await handle(userTimeZone ? { ...inbound, userTimeZone } : inbound);
      if (body.response_url) {
        await args.respond({
          response_type: 'ephemeral',
          replace_original: false,
          ...answerMessage(answer, { shareText: inbound.text }),
        });
      } else {
        // From the Home tab: there is no channel, so answer in the person's direct messages with the app.
        await args.client.chat.postMessage({ channel: body.user.id, unfurl_links: false, ...answerMessage(answer) });
      }
    } catch (error) {
      const text = failure(log, 'button', error);
      if (body.response_url) {
        await args.respond({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
      }
    }
  };

  const share = async (args: ActionArgs, body: ActionBody, value: string, log: Logger) => {
    try {
      const channel = body.channel?.id;
      const verdict = await audience.check(
        { channelId: channel, teamId: body.team?.id, userId: body.user.id, userTeam: body.user.team_id },
        log,
      );
      if (!verdict.publicOk || !channel) {
        const reason = verdict.publicOk ? 'There is no channel to share it in.' : verdict.reason;
        await args.respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: `This answer was not shared. ${reason}`,
        });
        return;
      }
      const answer = await handle(fromButton(value, body.team?.id, channel, body.user.id));
      await args.client.chat.postMessage({
        channel,
        thread_ts: body.container?.thread_ts,
        unfurl_links: false,
        ...answerMessage(answer, { sharedBy: body.user.id }),
      });
      await args.respond({ delete_original: true }).catch(() => undefined);
    } catch (error) {
      const text = failure(log, 'share', error);
      await args.respond({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
    }
  };

  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const { action, body } = args;
    if (action.type !== 'button' || typeof action.value !== 'string') return;
    const kind = (action.action_id ?? '').split(':')[0];
    const log = requestLog(deps.log, args.context);
    if (kind === ACTIONS.ask || kind === ACTIONS.more) await ask(args, body, action.value, log);
    else if (kind === ACTIONS.share) await share(args, body, action.value, log);
    else if (kind === ACTIONS.vote) await recordVote(args, deps.feedback, log);
  };
}
