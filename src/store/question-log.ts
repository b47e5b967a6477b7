/**
 * What the three stores share about the question log: the key that makes two askings one entry, the default
 * limits, the default list size and the retention cutoff.
 *
 * @example
 * questionLogKey('  Who was BEHIND it?? '); // 'who was behind it'
 */
import type { QuestionLogLimits } from './store.js';

/** The limits when none are given. */
export const DEFAULT_QUESTION_LOG_LIMITS: QuestionLogLimits = { maxEntries: 10_000, retentionDays: 90 };

/** The key two askings of one question share: lower case, single spaces, no end punctuation or quotes. */
export function questionLogKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'“‘«]+|["'”’»?!.…\s]+$/g, '');
}

/** Most questions `listQuestions` returns when no limit is given. */
export const DEFAULT_LIST_LIMIT = 1000;

/** The instant before which entries are too old to keep, counted back from `at`. */
export function retentionCutoff(at: string, retentionDays: number): string {
  return new Date(Date.parse(at) - retentionDays * 86_400_000).toISOString();
}
