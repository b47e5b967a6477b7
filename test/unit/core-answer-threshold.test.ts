// A searched answer needs less of the question met when every word of it is one the knowledge base knows: nothing
// in it names something the knowledge base lacks. A word it has never seen, or a question of bare numbers, keeps
// the stricter threshold, so questions about other things still get none or a clarify.
import { describe, expect, it } from 'vitest';
import { ANSWER_THRESHOLD, answerThreshold } from '../../src/core/compose/search-answer.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { acrossKb } from '../fixtures/core-across.js';

const kb = acrossKb();
const thresholdOf = (q: string) => answerThreshold(readQuestion(kb, q).query);

describe('answer threshold', () => {
  it('is lower for a question of known words only', () => {
    expect(thresholdOf('how did the intruder get the mfa prompts accepted')).toBeLessThan(ANSWER_THRESHOLD);
  });

  it('stays at the answer threshold with a word the knowledge base has never seen', () => {
    expect(thresholdOf('how did the intruder get the zorblax prompts accepted')).toBe(ANSWER_THRESHOLD);
  });

  it('stays at the answer threshold for bare numbers', () => {
    expect(thresholdOf('whats 17 times 23')).toBe(ANSWER_THRESHOLD);
  });
});
