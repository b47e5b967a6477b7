// "how did russia get the signing key?": the nation the incident is attributed to, written as the one who did the
// deed (after a helper verb, before a verb that is no speaking), is the actor, like "they"; the facts of how the key
// was taken need not name the nation. A nation that speaks ("what did russia say") or is said of the actor ("is it
// russian") stays a word to find. Made-up write-up; the project's own synonym groups and language.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const input = madeUpWriteup({
  id: 'copper-kite',
  title: 'Copper Kite (2021)',
  summary: 'In 2021 an espionage group read ministry mail through the Globex cloud with forged tokens.',
  dates: { start: '2021-01-15' },
  attribution: {
    actor: 'Zorblab',
    summary: 'Globex attributes Copper Kite to Zorblab, a Russia-based espionage group.',
    details: [
      {
        id: 'ck-denial',
        title: 'Russia denies involvement',
        text: 'A Russian embassy spokesman said Russia had nothing to do with Copper Kite.',
        sources: ['h-src'],
      },
    ],
  },
  technique: {
    summary: 'The group forged tokens with a signing key.',
    details: [
      {
        id: 'ck-key',
        title: 'How the signing key was taken is unknown',
        text: 'Globex withdrew its crash dump account of how the signing key was taken; nobody knows how it was.',
        sources: ['h-src'],
      },
      {
        id: 'ck-servers',
        title: '',
        text: 'Russia-based operators used the forged tokens from leased servers and got into the mail of the ministry.',
        sources: ['h-src'],
      },
      {
        id: 'ck-mail',
        title: 'Mail read with forged tokens',
        text: 'With the forged tokens the group read the mail of 20 ministry staff.',
        sources: ['h-src'],
      },
    ],
  },
});

const { ask } = projectKbWith(input);

describe('the attributed nation as the doer', () => {
  // the nation is met by every fact of the incident, so the question is met in full: the answer is as sure as for
  // "how did they get the key" (without the rule, "russia" is a word the key fact lacks, and the answer is unsure)
  it.each([
    'so how did russia actually get the copper kite signing key? the crash dump thing right?',
    'how did russia get the key',
  ])('"%s" finds how the key was taken, as surely as "they" would', (q) => {
    const a = ask(q);
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toContain('signing key was taken');
    expect(a.confidence).toBeGreaterThanOrEqual(ask(q.replace('russia', 'they')).confidence - 0.05);
  });

  it('"what did russia say" still finds what the nation said', () => {
    expect(leadOf(ask('what did russia say about copper kite?'))).toContain('Russia denies involvement');
  });
});
