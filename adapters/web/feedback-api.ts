/**
 * `POST /api/feedback`: the page's 👍 / 👎 under an answer. Body `{ "token": "…", "vote": "up" | "down" }`, the token
 * being the `feedback` field of the `/api/ask` answer. One vote per answer per client address (hashed, never
 * stored). 200 `{ status: "counted" | "duplicate", message }`; a malformed, changed or forged body gets 400 with
 * `{ error }`; 503 when the vote cannot be stored.
 *
 * @example
 * curl -s localhost:3978/api/feedback -H 'content-type: application/json' -d '{"token":"…","vote":"down"}'
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Feedback, feedbackReply } from '../../src/chat/feedback.js';
import type { Route } from '../../src/http/types.js';
import type { Logger } from '../../src/logger.js';
import { jsonObject, readJsonText, sendJson } from './json-body.js';

/** Largest body accepted (a token is at most 2,000 characters). */
export const MAX_FEEDBACK_BYTES = 4 * 1024;

export interface FeedbackRouteDeps {
  feedback: Feedback | undefined;
  log: Logger;
}

function parse(text: string): { token: string; vote: string } | { error: string } {
  const body = jsonObject(text, '{"token": "…", "vote": "up"}');
  if (!body.ok) return { error: body.error };
  const { token, vote } = body.value;
  if (typeof token !== 'string' || token === '') return { error: '"token" must be the answer\'s feedback token' };
  if (vote !== 'up' && vote !== 'down') return { error: '"vote" must be "up" or "down"' };
  return { token, vote };
}

async function handle(deps: FeedbackRouteDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const text = await readJsonText(req, res, { limit: MAX_FEEDBACK_BYTES, tooLarge: 'send one vote', what: 'the vote' });
  if (text === undefined) return;
  const parsed = parse(text);
  if ('error' in parsed) {
    sendJson(res, 400, { error: parsed.error });
    return;
  }
  if (!deps.feedback) {
    sendJson(res, 503, { error: 'votes are not being recorded on this server' });
    return;
  }
  const outcome = await deps.feedback.record({
    token: parsed.token,
    vote: parsed.vote,
    surface: 'web',
    messageId: parsed.token,
    voter: req.socket.remoteAddress ?? 'unknown',
  });
  if (outcome.status === 'invalid') {
    deps.log.info('web vote refused', { reason: outcome.reason });
    sendJson(res, 400, { error: outcome.reason });
  } else if (outcome.status === 'unavailable') sendJson(res, 503, { error: feedbackReply(outcome) });
  else sendJson(res, 200, { status: outcome.status, message: feedbackReply(outcome) });
}

/** The route the composition mounts next to the page's. */
export function createFeedbackRoute(deps: FeedbackRouteDeps): Route {
  return { method: 'POST', path: '/api/feedback', handle: (req, res) => handle(deps, req, res) };
}
