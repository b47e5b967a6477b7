/**
 * What every reply is made of: the answer's fallback text and blocks, or a friendly failure line with a
 * correlation id (the details go to the log only).
 */
import { randomUUID } from 'node:crypto';
import type { Answer } from '../../src/core/answer.js';
import type { Logger } from '../../src/logger.js';
import { answerToSlackMessage, type RenderOptions } from './render.js';

/** The message body (fallback text + blocks) for an answer. */
export function answerMessage(answer: Answer, options: RenderOptions = {}) {
  return answerToSlackMessage(answer, options);
}

/**
 * The adapter's logger for one request: adds the id the server gave the HTTP request (Bolt's `context.requestId`,
 * see `http-route.ts`); Socket Mode requests have none.
 */
export function requestLog(log: Logger, context: object): Logger {
  const { requestId } = context as { requestId?: unknown };
  return typeof requestId === 'string' ? log.child({ requestId }) : log;
}

/** A friendly reply with a correlation id; the details go to the log only. */
export function failure(log: Logger, where: string, error: unknown): string {
  const ref = randomUUID().slice(0, 8);
  log.error('slack listener failed', { where, ref, error: error instanceof Error ? error : String(error) });
  return `Sorry, something went wrong while answering. If it keeps happening, tell whoever runs breachbot (reference ${ref}).`;
}
