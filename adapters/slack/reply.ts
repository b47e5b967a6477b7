/**
 * What every reply is made of: the answer's fallback text and blocks, or a friendly failure line with a
 * correlation id (the details go to the log only).
 */
import { randomUUID } from 'node:crypto';
import { feedbackTokenOf } from '../../src/chat/feedback.js';
import type { Answer } from '../../src/core/answer.js';
import type { Logger } from '../../src/logger.js';
import { answerToSlackMessage, type RenderOptions } from './render.js';

/** The message body (fallback text + blocks) for an answer, with 👍 / 👎 when the answer carries a feedback token. */
export function answerMessage(answer: Answer, options: RenderOptions = {}) {
  const feedback = feedbackTokenOf(answer);
  return answerToSlackMessage(answer, feedback ? { feedback, ...options } : options);
}

/**
 * The adapter's logger for one request: adds the id the server gave the HTTP request (Bolt's `context.requestId`,
 * see `receiver.ts`); Socket Mode requests have none. The child logger is made on the first line written, so a
 * request that logs nothing costs nothing.
 */
export function requestLog(log: Logger, context: object): Logger {
  const { requestId } = context as { requestId?: unknown };
  if (typeof requestId !== 'string') return log;
  let child: Logger | undefined;
  const get = () => {
    child ??= log.child({ requestId });
    return child;
  };
  return {
    level: log.level,
    trace: (m, f) => get().trace(m, f),
    debug: (m, f) => get().debug(m, f),
    info: (m, f) => get().info(m, f),
    warn: (m, f) => get().warn(m, f),
    error: (m, f) => get().error(m, f),
    fatal: (m, f) => get().fatal(m, f),
    child: (fields) => get().child(fields),
  };
}

/** A friendly reply with a correlation id; the details go to the log only. */
export function failure(log: Logger, where: string, error: unknown): string {
  const ref = randomUUID().slice(0, 8);
  log.error('slack listener failed', { where, ref, error: error instanceof Error ? error : String(error) });
  return `Sorry, something went wrong while answering. If it keeps happening, tell whoever runs breachbot (reference ${ref}).`;
}
