/**
 * A short-lived memo of rendered slash-command answers. The answer to the same text is the same for the whole
 * process (one knowledge-base version) except for time-relative wording, so a hit is valid for `ttlMs`. Only
 * answers of kind `answer` that are not digest commands are kept: `none`/`clarify` must still reach the question
 * log, and digest commands change state and depend on the channel.
 *
 * @example
 * const cache = createAnswerCache();
 * const hit = cache.get(key) ?? cache.set(key, answer, render(answer));
 */
import type { Answer } from '../../src/core/answer.js';

export interface AnswerCache<T> {
  get(key: string): T | undefined;
  /** stores `value` when `answer` may be reused; returns `value` */
  set(key: string, answer: Answer, value: T): T;
  readonly size: number;
}

/** Creates an LRU memo with at most `max` entries, each valid for `ttlMs` (0 disables it). */
export function createAnswerCache<T>(max = 500, ttlMs = 60_000): AnswerCache<T> {
  const entries = new Map<string, { at: number; value: T }>();
  return {
    get(key) {
      if (ttlMs <= 0) return undefined;
      const hit = entries.get(key);
      if (!hit) return undefined;
      if (Date.now() - hit.at > ttlMs) {
        entries.delete(key);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, hit);
      return hit.value;
    },
    set(key, answer, value) {
      if (ttlMs <= 0 || answer.kind !== 'answer' || answer.intent === 'digest') return value;
      entries.set(key, { at: Date.now(), value });
      if (entries.size > max) entries.delete(entries.keys().next().value as string);
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}
