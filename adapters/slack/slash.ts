/**
 * The slash command: answered privately, in the ack body when the answer is ready within the ack budget (it
 * nearly always is), otherwise acked empty and answered through `response_url`. "Share in channel" is offered
 * unless the channel is shared with another organization.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { createAnswerMemo } from '../../src/chat/answer-memo.js';
import type { SlackAppDeps } from './app.js';
import { PRIVATE_REASONS } from './audience.js';
import { fromSlashCommand } from './inbound.js';
import { ACK_BUDGET_MS } from './limits.js';
import type { RenderOptions } from './render.js';
import { answerMessage, failure, requestLog } from './reply.js';

type SlashArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
/** an ephemeral reply to a slash command: the ack body or the `response_url` post */
type PrivateReply = ReturnType<typeof answerMessage> & { response_type: 'ephemeral' };

/** Creates the listener for every slash command that reaches the app. */
export function createSlashHandler(deps: SlackAppDeps) {
  const { handle, audience } = deps;
  // keyed by channel kind and exact text: the share button carries the asker's own wording. Entries are frozen
  // whole replies, so the receiver serializes each one once.
  const answers = createAnswerMemo<PrivateReply>({
    ttlMs: deps.answerCacheMs,
    freeze: true,
    version: () => deps.kb.version,
  });

  return async ({ command, ack, respond, context }: SlashArgs): Promise<void> => {
    const log = requestLog(deps.log, context);
    if (command.command !== deps.command) {
      await ack({
        response_type: 'ephemeral',
        text: `breachbot only answers ${deps.command}, not ${command.command}.`,
      });
      return;
    }
    let acked = false;
    try {
      const inbound = fromSlashCommand(command);
      const extShared = (command as { is_ext_shared_channel?: string }).is_ext_shared_channel === 'true';
      const key = `${extShared ? 'x' : 's'}\u0000${inbound.text}`;
      const cached = answers.get(key);
      if (cached) {
        acked = true;
        await ack(cached);
        return;
      }
      const options: RenderOptions = extShared
        ? { privateNote: PRIVATE_REASONS.sharedChannel }
        : { shareText: inbound.text };
      // the asker's zone (cached users.info) is looked up inside the ack budget; digests default to it
      const pending = audience
        .timeZone(command.user_id, command.team_id, log)
        .then((userTimeZone) => handle(userTimeZone ? { ...inbound, userTimeZone } : inbound))
        .then((answer) =>
          answers.set(key, answer, { response_type: 'ephemeral' as const, ...answerMessage(answer, options) }),
        );
      let release: (value: undefined) => void = () => undefined;
      const budget = new Promise<undefined>((resolve) => {
        release = resolve;
      });
      const timer = setTimeout(() => release(undefined), ACK_BUDGET_MS);
      const ready = await Promise.race([pending, budget]);
      clearTimeout(timer);
      acked = true;
      if (ready) {
        await ack(ready);
        return;
      }
      await ack();
      await respond(await pending);
    } catch (error) {
      const text = failure(log, 'command', error);
      if (!acked) await ack({ response_type: 'ephemeral', text });
      else await respond({ response_type: 'ephemeral', text }).catch(() => undefined);
    }
  };
}
