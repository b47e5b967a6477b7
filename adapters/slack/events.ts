/**
 * Events: `app_mention` (answer in a thread, privately in Slack Connect channels or to guests), `message.im` (answer
 * in place), `app_home_opened` (publish the Home tab). Slack's retries of an event already seen are dropped, using
 * the store, so they never cause a second reply, also after a restart.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Inbound } from '../../src/chat/handle-message.js';
import type { Logger } from '../../src/logger.js';
import type { SlackAppDeps } from './app.js';
import { buildHomeView } from './home.js';
import { fromMessageEvent } from './inbound.js';
import { answerMessage, failure, requestLog } from './reply.js';

type EventArgs = SlackEventMiddlewareArgs & AllMiddlewareArgs;

interface EventShape {
  type: string;
  channel?: string;
  channel_type?: string;
  user?: string;
  user_team?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  subtype?: string;
  bot_id?: string;
  tab?: string;
}

interface EnvelopeShape {
  event_id?: string;
  team_id?: string;
  is_ext_shared_channel?: boolean;
}

/** Creates the listener for every event. */
export function createEventHandler(deps: SlackAppDeps) {
  const { handle, store, audience } = deps;
  const now = deps.now ?? (() => new Date());
  /** the inbound with the asker's Slack time zone (shares the guest check's cached users.info) */
  const withTimeZone = async (inbound: Inbound, teamId: string | undefined, log: Logger): Promise<Inbound> => {
    const userTimeZone = await audience.timeZone(inbound.userId, teamId, log);
    return userTimeZone ? { ...inbound, userTimeZone } : inbound;
  };

  const mention = async (event: EventShape, envelope: EnvelopeShape, args: EventArgs, log: Logger) => {
    const channel = event.channel ?? '';
    const user = event.user;
    const threadTs = event.thread_ts ?? event.ts;
    try {
      const [verdict, inbound] = await Promise.all([
        audience.check(
          {
            channelId: event.channel,
            teamId: envelope.team_id,
            userId: user,
            extShared: envelope.is_ext_shared_channel,
            userTeam: event.user_team,
          },
          log,
        ),
        withTimeZone(fromMessageEvent(event, envelope.team_id, args.context.botUserId), envelope.team_id, log),
      ]);
      const answer = await handle(inbound);
      if (verdict.publicOk) {
        await args.client.chat.postMessage({
          channel,
          thread_ts: threadTs,
          unfurl_links: false,
          ...answerMessage(answer),
        });
      } else if (user) {
        const message = answerMessage(answer, { privateNote: verdict.reason });
        await args.client.chat.postEphemeral({ channel, user, thread_ts: threadTs, ...message });
      }
    } catch (error) {
      const text = failure(log, 'app_mention', error);
      if (user)
        await args.client.chat.postEphemeral({ channel, user, thread_ts: threadTs, text }).catch(() => undefined);
    }
  };

  const directMessage = async (event: EventShape, envelope: EnvelopeShape, args: EventArgs, log: Logger) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined || event.bot_id || !event.channel) return;
    const channel = event.channel;
    try {
      const inbound = fromMessageEvent(event, envelope.team_id, args.context.botUserId);
      const answer = await handle(await withTimeZone(inbound, envelope.team_id, log));
      await args.client.chat.postMessage({
        channel,
        thread_ts: event.thread_ts,
        unfurl_links: false,
        ...answerMessage(answer),
      });
    } catch (error) {
      const text = failure(log, 'message.im', error);
      await args.client.chat.postMessage({ channel, text }).catch(() => undefined);
    }
  };

  const homeOpened = async (event: EventShape, args: EventArgs, log: Logger) => {
    if (event.tab !== 'home' || !event.user) return;
    try {
      await args.client.views.publish({ user_id: event.user, view: buildHomeView(deps.kb, deps.command) });
    } catch (error) {
      failure(log, 'app_home_opened', error);
    }
  };

  return async (args: EventArgs): Promise<void> => {
    const event = args.event as unknown as EventShape;
    const envelope = args.body as unknown as EnvelopeShape;
    if (!['app_mention', 'message', 'app_home_opened'].includes(event.type)) return;
    const log = requestLog(deps.log, args.context);
    if (typeof envelope.event_id === 'string') {
      const first = await store.markEventSeen(envelope.event_id, now().toISOString());
      if (!first) {
        log.info('slack event dropped: already seen', { eventId: envelope.event_id, retryNum: args.context.retryNum });
        return;
      }
    }
    if (event.type === 'app_mention') await mention(event, envelope, args, log);
    else if (event.type === 'message') await directMessage(event, envelope, args, log);
    else await homeOpened(event, args, log);
  };
}
