/**
 * Digest delivery to Slack: `chat.postMessage` into the subscribed channel. Errors that need a person to act
 * (bot removed, channel gone or archived) are permanent; a rate limit carries the wait.
 *
 * @example
 * const deliver = createSlackDeliver(new WebClient(token, { rejectRateLimitedCalls: true }));
 */
import type { webApi } from '@slack/bolt';

type WebClient = webApi.WebClient;

import type { Deliver } from '../../src/digest/deliver.js';
import { answerToSlackMessage } from './render.js';

const PERMANENT = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'account_inactive',
  'invalid_auth',
  'token_revoked',
  'missing_scope',
  'restricted_action',
]);

interface SlackErrorShape {
  code?: string;
  data?: { error?: string };
  retryAfter?: number;
  statusCode?: number;
  message?: string;
}

/** Creates the Slack `Deliver` port over a WebClient (best created with `rejectRateLimitedCalls: true`). */
export function createSlackDeliver(client: WebClient): Deliver {
  return async (subscription, answer) => {
    try {
      const res = await client.chat.postMessage({
        channel: subscription.conversation,
        ...answerToSlackMessage(answer),
        unfurl_links: false,
        unfurl_media: false,
      });
      return { ok: true, messageId: typeof res.ts === 'string' ? res.ts : undefined };
    } catch (caught) {
      const error = caught as SlackErrorShape;
      if (error.code === 'slack_webapi_rate_limited_error') {
        return { ok: false, error: '429', permanent: false, retryAfterMs: (error.retryAfter ?? 30) * 1000 };
      }
      if (error.code === 'slack_webapi_platform_error') {
        const code = error.data?.error ?? 'unknown_error';
        return { ok: false, error: code, permanent: PERMANENT.has(code) };
      }
      if (error.code === 'slack_webapi_http_error') {
        return { ok: false, error: `http ${error.statusCode ?? '?'}`, permanent: false };
      }
      return { ok: false, error: error.message ?? String(caught), permanent: false };
    }
  };
}
