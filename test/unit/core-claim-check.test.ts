// "my manager says the intruders stole an enterprise signing key. is that accurate?": the claim is what the facts
// must meet; the part that only asks whether it holds ("is that accurate?") is no word of it. Its words ("accurate")
// held by no fact made the question look unmet, and it was asked back. A part that asks something of its own
// ("when did they actually find out") is kept. Made-up write-up; the project's own synonym groups and language.
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const input = madeUpWriteup({
  id: 'slate-heron',
  title: 'Slate Heron (2022)',
  summary: 'In 2022 an espionage group read the mail of a ministry with tokens it forged with a stolen signing key.',
  dates: { start: '2022-03-01', detected: '2022-06-01' },
  technique: {
    summary: 'The group forged tokens with a stolen signing key.',
    details: [
      {
        id: 'sh-key',
        title: 'A consumer signing key, not an enterprise one',
        text: 'The stolen signing key was an old consumer signing key; the intruders never held an enterprise signing key.',
        sources: ['h-src'],
      },
      {
        id: 'sh-tokens',
        title: 'Forged tokens for the ministry mail',
        text: 'With the stolen key the intruders forged tokens for the ministry mail service.',
        sources: ['h-src'],
      },
    ],
  },
});

const { ask, kb } = projectKbWith(input);

describe('a claim to check', () => {
  it.each([
    'my manager says the slate heron intruders stole an enterprise signing key. is that accurate?',
    'my manager keeps saying the slate heron hackers stole an enterprise signing key. is that accurate?',
  ])('"%s" is answered from the claim', (q) => {
    expect(readQuestion(kb, q).query.concepts.map((c) => c.text)).not.toContain('accurate');
    const a = ask(q);
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toContain('consumer signing key');
  });

  it('a part that asks something of its own is kept', () => {
    const q =
      'my manager says the slate heron intruders were seen in may. is that right? when did they actually find out';
    expect(leadOf(ask(q))).toMatch(/2022-06-01|1 June 2022/);
  });
});
