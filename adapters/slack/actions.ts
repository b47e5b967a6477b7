/**
 * Buttons: "did you mean" and follow-up suggestions (`breach_ask`), "More" (`breach_more`) and "Share in channel"
 * (`breach_share`). A button carries only the question text; the handler answers it again from the knowledge
 * base, so nothing in a payload is trusted as state.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackAppDeps } from './app.js';
import { answerMessage, failure } from './app.js';
import { fromButton } from './inbound.js';
import { ACTIONS } from './render.js';

interface ActionBody {
  team?: { id?: string } | null;
  user: { id: string; team_id?: string };
  channel?: { id?: string };
  container?: { thread_ts?: string; type?: string };
  response_url?: string;
  view?: { type?: string };
}

/** Registers the button listeners. */
export function registerActions(app: App, deps: SlackAppDeps): void {
  const { handle, log, audience } = deps;

  const ask = async ({
    ack,
    body,
    action,
    respond,
    client,
  }: {
    ack: () => Promise<void>;
    body: BlockAction;
    action: ButtonAction;
    respond: (msg: Record<string, unknown>) => Promise<unknown>;
    client: App['client'];
  }) => {
    await ack();
    const b = body as unknown as ActionBody;
    try {
      const inbound = fromButton(action.value ?? '', b.team?.id ?? undefined, b.channel?.id, b.user.id);
      const answer = await handle(inbound);
      if (b.response_url) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          ...answerMessage(answer, { shareText: inbound.text }),
        });
      } else {
        // From the Home tab: there is no channel, so answer in the person's direct messages with the app.
        await client.chat.postMessage({ channel: b.user.id, unfurl_links: false, ...answerMessage(answer) });
      }
    } catch (error) {
      const text = failure(log, 'button', error);
      if (b.response_url)
        await respond({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
    }
  };

  app.action<BlockAction<ButtonAction>>(new RegExp(`^(${ACTIONS.ask}|${ACTIONS.more})(:|$)`), async (args) => {
    await ask({
      ack: () => args.ack(),
      body: args.body,
      action: args.action,
      respond: (msg) => args.respond(msg),
      client: args.client,
    });
  });

  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${ACTIONS.share}(:|$)`),
    async ({ ack, body, action, respond, client }) => {
      await ack();
      const b = body as unknown as ActionBody;
      try {
        const channel = b.channel?.id;
        const verdict = await audience.check({
          channelId: channel,
          teamId: b.team?.id ?? undefined,
          userId: b.user.id,
          userTeam: b.user.team_id,
        });
        if (!verdict.publicOk || !channel) {
          const reason = verdict.publicOk ? 'there is no channel to share into' : verdict.reason;
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: `This answer was not shared. ${reason}`,
          });
          return;
        }
        const answer = await handle(fromButton(action.value ?? '', b.team?.id ?? undefined, channel, b.user.id));
        await client.chat.postMessage({
          channel,
          thread_ts: b.container?.thread_ts,
          unfurl_links: false,
          ...answerMessage(answer, { sharedBy: b.user.id }),
        });
        await respond({ delete_original: true }).catch(() => undefined);
      } catch (error) {
        const text = failure(log, 'share', error);
        await respond({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
      }
    },
  );

  app.action(/^(?!breach_)/, async ({ ack }) => {
    await ack();
  });
}
