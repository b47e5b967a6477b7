/**
 * A bare botbuilder bot that replies with a fixed text: the benchmark's baseline for the Teams adapter's
 * throughput. Benchmark code only, so it lives here and not in adapters/teams (the only place the server imports
 * botbuilder).
 *
 * @example
 * const bare = createBareTeamsBot();
 * http.createServer((req, res) => void bare.handle(req, res));
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Activity, ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { createMessagesHandler } from '../adapters/teams/http.js';
import { silentLogger } from '../src/logger.js';

export interface BareTeamsBot {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/**
 * An unauthenticated CloudAdapter + ActivityHandler answering every message with `reply`: a fixed text, or a fixed
 * message (e.g. a pre-rendered card, to measure what the card's size costs).
 */
export function createBareTeamsBot(reply: string | Partial<Activity> = 'ok'): BareTeamsBot {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler().onMessage(async (context, next) => {
    await context.sendActivity(typeof reply === 'string' ? reply : { ...reply });
    await next();
  });
  // unauthenticated like breachbot in the benchmark, so both pass the same local checks before botbuilder runs
  return {
    handle: createMessagesHandler(adapter, (context) => bot.run(context), silentLogger, { anonymous: true }),
  };
}
