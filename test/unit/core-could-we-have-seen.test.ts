// "could we even have spotted this?" asks what a defender would have needed to see the attack: the logging advice,
// not whichever fact happens to use the word "spot". The verb's past forms ("spotted", "noticed", "seen") are the
// question's frame, like "spot" and "detect", and leave no subject of their own.
import { describe, expect, it } from 'vitest';
import { answerLead } from '../../src/cli/eval-score.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { alphaInput, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const technique = alphaInput.technique ?? { summary: '', details: [] };
const { kb, ask } = fixtureKbWithAlpha({
  ...alphaInput,
  technique: {
    ...technique,
    details: [
      ...(technique.details ?? []),
      {
        id: 'te-hard-to-spot',
        title: 'Forged tokens are hard to spot in your own apps',
        text: 'A researcher warned that forged tokens are hard to spot because token checks are not logged.',
        sources: ['s-blog'],
      },
    ],
  },
});

describe('"could we have spotted this"', () => {
  it.each([
    'could we even have spotted this?',
    'how would we have noticed it',
    'we are on the basic tier - could we have detected this?',
  ])('"%s" asks for the logging advice', (q) => {
    expect(readQuestion(kb, q).kind).toBe('list:logging');
    expect(answerLead(ask(q))).toContain('mailboxread');
  });
});
