/**
 * A short-lived memo of rendered answers by question text. Within one process (one knowledge-base version) the
 * same text gets the same answer, except for time-relative wording, so a hit is valid for `ttlMs`. Only answers of
 * kind `answer` that are not digest commands are kept: `none`/`clarify` must still reach the question log, and
 * digest commands change state and depend on the conversation.
 *
 * @example
 * const cache = createAnswerCache<Reply>({ now: () => Date.now() });
 * const reply = cache.get(text) ?? cache.set(text, answer, render(answer));
 */
import type { Answer } from '../../src/core/answer.js';

export interface AnswerCache<T> {
  get(text: string): T | undefined;
  /** stores `value` when `answer` may be reused; returns `value` */
  set(text: string, answer: Answer, value: T): T;
}

export interface AnswerCacheOptions {
  /** entries kept at most (least recently used go first) */
  max?: number;
  /** how long an entry is valid; 0 turns the memo off */
  ttlMs?: number;
  /** milliseconds clock */
  now: () => number;
}

const keyOf = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

export function createAnswerCache<T>(options: AnswerCacheOptions): AnswerCache<T> {
  const max = options.max ?? 500;
  const ttlMs = options.ttlMs ?? 60_000;
  const entries = new Map<string, { at: number; value: T }>();
  return {
    get(text) {
      if (ttlMs <= 0) return undefined;
      const key = keyOf(text);
      const hit = entries.get(key);
      if (!hit) return undefined;
      entries.delete(key);
      if (options.now() - hit.at > ttlMs) return undefined;
      entries.set(key, hit);
      return hit.value;
    },
    set(text, answer, value) {
      if (ttlMs <= 0 || answer.kind !== 'answer' || answer.intent === 'digest') return value;
      entries.set(keyOf(text), { at: options.now(), value });
      if (entries.size > max) entries.delete(entries.keys().next().value as string);
      return value;
    },
  };
}
