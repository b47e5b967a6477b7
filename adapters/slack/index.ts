/**
 * The Slack adapter: a Bolt app over HTTP (our server's `POST /slack/events`, signing secret) or Socket Mode
 * (`SLACK_APP_TOKEN`, no route), chosen by the configuration. Returns an `AdapterHandle` for the server and a
 * `Deliver` for digests.
 *
 * @example
 * const slack = await createSlackAdapter({ config: config.slack, handle, store, kb, log });
 * server.mount(slack.routes);
 */
import { App, type LogLevel, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Feedback } from '../../src/chat/feedback.js';
import type { MessageHandler } from '../../src/chat/handle-message.js';
import type { SlackConfig } from '../../src/config.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import type { Deliver } from '../../src/digest/deliver.js';
import type { AdapterHandle } from '../../src/http/types.js';
import { consoleStyleLogger, type Logger } from '../../src/logger.js';
import type { Store } from '../../src/store/store.js';
import { registerSlackListeners } from './app.js';
import { createAudienceChecker } from './audience.js';
import { createSlackDeliver } from './deliver.js';
import { SlackRequestReceiver } from './receiver.js';
import { slackClientOptions } from './web-client.js';

export { slackClientOptions } from './web-client.js';

export interface SlackAdapterDeps {
  config: SlackConfig;
  handle: MessageHandler;
  store: Store;
  kb: KnowledgeBase;
  log: Logger;
  now?: () => Date;
  /** how long a rendered slash-command answer may be reused (default 60 s; 0 turns the memo off) */
  answerCacheMs?: number;
  /** records 👍 / 👎 clicks (none: the buttons are answered as not counted) */
  feedback?: Feedback;
}

export interface SlackAdapter extends AdapterHandle {
  mode: 'http' | 'socket';
  /** posts digests into Slack channels */
  deliver: Deliver;
}

/** HTTP when a signing secret is set and no app token; Socket Mode when `SLACK_APP_TOKEN` is set. */
export function selectSlackMode(config: Pick<SlackConfig, 'appToken' | 'signingSecret'>): 'http' | 'socket' {
  return config.appToken ? 'socket' : 'http';
}

/** How long shutdown waits for Slack to answer the WebSocket's close frame. */
const SOCKET_CLOSE_WAIT_MS = 2000;

async function closeSocket(receiver: SocketModeReceiver, log: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), SOCKET_CLOSE_WAIT_MS);
  });
  const outcome = await Promise.race([receiver.client.disconnect().then(() => 'closed' as const), waited]);
  clearTimeout(timer);
  if (outcome === 'timeout')
    log.warn('slack socket: no answer to the close frame; dropped it', { waitedMs: SOCKET_CLOSE_WAIT_MS });
  else log.info('slack socket: closed');
}

/** Creates and initializes the Slack adapter (calls `auth.test` once). */
export async function createSlackAdapter(deps: SlackAdapterDeps): Promise<SlackAdapter> {
  const { config } = deps;
  const log = deps.log.child({ adapter: 'slack' });
  // Bolt's, the Socket Mode client's and the Web API client's own lines go through our logger, as JSON
  const logger = consoleStyleLogger<LogLevel>(log, { component: 'bolt' });
  const mode = selectSlackMode(config);
  const clientOptions = slackClientOptions(config.apiUrl);

  let httpReceiver: SlackRequestReceiver | undefined;
  let socketReceiver: SocketModeReceiver | undefined;
  if (mode === 'socket') {
    // the receiver's own Web API client opens the connection (apps.connections.open): it must use the same base
    // URL as every other call, or Socket Mode would reach for slack.com whatever SLACK_API_URL says
    socketReceiver = new SocketModeReceiver({
      appToken: config.appToken as string,
      logger,
      installerOptions: { clientOptions: { slackApiUrl: config.apiUrl, timeout: clientOptions.timeout } },
    });
  } else {
    httpReceiver = new SlackRequestReceiver({ signingSecret: config.signingSecret as string, log });
  }
  const app = new App({
    receiver: socketReceiver ?? httpReceiver,
    token: config.botToken,
    logger,
    clientOptions,
    convoStore: false,
    deferInitialization: true,
  });

  const audience = createAudienceChecker(app.client, log);
  registerSlackListeners(
    app,
    {
      handle: deps.handle,
      store: deps.store,
      kb: deps.kb,
      log,
      audience,
      command: config.command,
      now: deps.now,
      answerCacheMs: deps.answerCacheMs,
      feedback: deps.feedback,
    },
    // over HTTP our receiver has already refused malformed payloads with 400
    { checkPayloads: mode === 'socket' },
  );
  try {
    await app.init();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Slack did not confirm the bot token (auth.test at ${config.apiUrl}): ${detail}. Check SLACK_BOT_TOKEN (Slack app settings → OAuth & Permissions) and that SLACK_API_URL is reachable.`,
    );
  }

  const deliverClient = new webApi.WebClient(config.botToken, {
    ...clientOptions,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });

  return {
    name: 'slack',
    mode,
    deliver: createSlackDeliver(deliverClient),
    routes: httpReceiver
      ? [
          {
            method: 'POST',
            path: '/slack/events',
            handle: httpReceiver.handle,
          },
        ]
      : [],
    async start() {
      if (!socketReceiver) return;
      try {
        await app.start();
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new Error(
          `Slack Socket Mode could not connect (apps.connections.open at ${config.apiUrl}): ${detail}. Check SLACK_APP_TOKEN (an xapp- token with connections:write, Slack app settings → Basic Information → App-Level Tokens), that Socket Mode is on for the app, and that SLACK_API_URL is reachable.`,
        );
      }
      log.info('slack socket: connected');
    },
    async stop() {
      // Bolt's stop() does not wait for the WebSocket's closing handshake; wait for it (bounded), so a SIGTERM
      // leaves Slack with a cleanly closed connection rather than a dropped one
      if (socketReceiver) await closeSocket(socketReceiver, log);
    },
  };
}
