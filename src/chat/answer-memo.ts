/**
 * A short-lived memo of rendered answers, shared by the chat adapters. Within one process (one knowledge-base
 * version) the same text gets the same answer, except for time-relative wording, so a hit is valid for `ttlMs`.
 * Only answers of kind `answer` that are not digest commands are kept: `none`/`clarify` must still reach the
 * question log, and digest commands change state and depend on the conversation. The value type is whatever the
 * adapter renders (Slack message, Teams activity).
 *
 * @example
 * const memo = createAnswerMemo<Reply>({ normalize: questionKey });
 * const reply = memo.get(text) ?? memo.set(text, answer, render(answer));
 */
import { LRUCache } from 'lru-cache';
import type { Answer } from '../core/answer.js';

export interface AnswerMemo<T> {
  get(key: string): T | undefined;
  /** stores `value` when `answer` may be reused; returns `value` */
  set(key: string, answer: Answer, value: T): T;
  readonly size: number;
}

export interface AnswerMemoOptions {
  /** entries kept at most (least recently used go first); 500 by default */
  max?: number;
  /** how long an entry is valid; 0 turns the memo off; 60 s by default */
  ttlMs?: number;
  /** milliseconds clock; `Date.now` by default */
  now?: () => number;
  /** maps a key before use (e.g. {@link questionKey}); keys are used as given by default */
  normalize?: (key: string) => string;
  /**
   * the knowledge base's version now: an entry made from another version is not reused (the knowledge base was
   * reloaded since)
   */
  version?: () => string;
  /**
   * freeze each kept value and everything in it, since it is handed to many requests: a change would leak into
   * later answers, and frozen values let the Slack receiver reuse their JSON
   */
  freeze?: boolean;
}

/** Freezes `value` and every object in it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Answers that depend on state at the moment they were made (the feedback summary): never kept. */
const volatileAnswers = new WeakSet<Answer>();

/** Marks `answer` as one no memo may keep; returns it. */
export function markVolatile<T extends Answer>(answer: T): T {
  volatileAnswers.add(answer);
  return answer;
}

/** The question text with case and spacing folded, so "Timeline  July" and " timeline july " share an entry. */
export const questionKey = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** Creates an LRU memo of rendered answers (lru-cache, with a time to live from when an entry is stored). */
export function createAnswerMemo<T>(options: AnswerMemoOptions = {}): AnswerMemo<T> {
  const ttlMs = options.ttlMs ?? 60_000;
  const normalize = options.normalize ?? ((key: string) => key);
  const now = options.now ?? Date.now;
  // ages are read from `now` on every use (ttlResolution 0), so an injected clock is followed exactly; lru-cache
  // takes a start time of 0 for "no start", so its clock runs one millisecond ahead (ages are differences)
  const perf = { now: () => now() + 1 };
  const entries =
    ttlMs > 0
      ? new LRUCache<string, { value: T; version: string }>({
          max: options.max ?? 500,
          ttl: ttlMs,
          ttlResolution: 0,
          perf,
        })
      : undefined;
  return {
    get(key) {
      const entry = entries?.get(normalize(key));
      if (!entry) return undefined;
      if (options.version && entry.version !== options.version()) {
        entries?.delete(normalize(key));
        return undefined;
      }
      return entry.value;
    },
    set(key, answer, value) {
      if (!entries || answer.kind !== 'answer' || answer.intent === 'digest' || volatileAnswers.has(answer))
        return value;
      if (options.freeze) deepFreeze(value);
      entries.set(normalize(key), { value, version: answer.kbVersion });
      return value;
    },
    get size() {
      return entries?.size ?? 0;
    },
  };
}
