/**
 * How breachbot's Slack Web API client sends calls: to the configured base URL, with a timeout, and sent again
 * only when that cannot post anything twice. A `chat.postMessage` that Slack answered slowly has been posted, even
 * if our client gave up waiting; sending it again would post it twice. So a call is repeated only after a 429
 * (the client waits for `Retry-After` first) or when the connection was never made (refused, no such host), and
 * never after a timeout, a reset or an HTTP error.
 *
 * @example
 * const client = new webApi.WebClient(token, slackClientOptions('https://slack.com/api/'));
 */
import type { webApi } from '@slack/bolt';

/** How long one Web API call may take; Slack answers in well under a second, a slow post can take ~10 s. */
export const SLACK_CALL_TIMEOUT_MS = 30_000;

/** Connection errors that prove the request never reached Slack. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/** The error codes of `error` and the errors it wraps (`original`, `cause`), outermost first. */
function codes(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { code, original, cause } = current as { code?: unknown; original?: unknown; cause?: unknown };
    if (typeof code === 'string') out.push(code);
    current = original ?? cause;
  }
  return out;
}

/**
 * The WebClient's own signal that it met a 429 and has already waited for `Retry-After`: it throws a plain `Error`
 * with this message, which it then wraps in a request error like any other failure.
 */
const RATE_LIMIT_WAITED = /^A rate limit was exceeded/;

/** The innermost wrapped error (`original`, `cause`). */
function innermost(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { original, cause } = current as { original?: unknown; cause?: unknown };
    if (original === undefined && cause === undefined) break;
    current = original ?? cause;
  }
  return current;
}

/**
 * True when a failed attempt may be sent again: after a 429 (the client has waited for `Retry-After`), or when the
 * connection was never made. Never after a timeout, a reset or an HTTP error: Slack may have acted on the call.
 */
export function mayRetry(error: unknown): boolean {
  const [outer, ...inner] = codes(error);
  if (outer !== 'slack_webapi_request_error') return false;
  const root = innermost(error);
  if (root instanceof Error && root.constructor === Error && RATE_LIMIT_WAITED.test(root.message)) return true;
  return inner.some((code) => NEVER_SENT.has(code));
}

/** The retry policy: up to 3 more attempts, quickly, and only when `mayRetry` says so. */
const retryConfig: webApi.RetryOptions & { onFailedAttempt(error: unknown): void } = {
  retries: 3,
  factor: 2,
  minTimeout: 50,
  maxTimeout: 2000,
  // p-retry (behind the WebClient) calls this after each failed attempt; throwing stops the retries
  onFailedAttempt(error) {
    if (!mayRetry(error)) throw error;
  },
};

/** Web API client options: the configured base URL, the timeout and the retry policy above. */
export function slackClientOptions(apiUrl: string) {
  return { slackApiUrl: apiUrl, timeout: SLACK_CALL_TIMEOUT_MS, retryConfig };
}
