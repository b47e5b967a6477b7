// A sentence around the question that only says who asks or why ("we're a small shop.", "want to filter our
// logs") is context: the question is read without it, so it cannot turn "what hours were they active?" into a
// question about logging. A question with nothing else left is read whole.
import { describe, expect, it } from 'vitest';
import { expandContractions, readQuestion } from '../../src/core/reading/read-question.js';
import { acrossKb } from '../fixtures/core-across.js';

const kb = acrossKb();

describe('context around a question', () => {
  it('a trailing "want to …" sentence does not make the question about logs', () => {
    const bare = readQuestion(kb, 'what hours were they active?');
    const withWhy = readQuestion(kb, 'what hours were they active? want to filter our sign-in logs');
    expect(withWhy.kind).toBe(bare.kind);
    expect(withWhy.words).toEqual(bare.words);
  });

  it('a leading "we are …" sentence is left out, and so is one after a comma', () => {
    expect(readQuestion(kb, "we're a small shop. when did it start?").words).toEqual(
      readQuestion(kb, 'when did it start?').words,
    );
    expect(readQuestion(kb, 'who was behind it, trying to brief my team').words).toEqual(
      readQuestion(kb, 'who was behind it').words,
    );
  });

  it.each(['need the date for a vendor risk questionnaire', 'need it for my boss', 'need this for the exec brief'])(
    'a part that says what the answer is for ("%s") is left out',
    (why) => {
      expect(readQuestion(kb, `when did it start? ${why}`).words).toEqual(readQuestion(kb, 'when did it start?').words);
    },
  );

  it.each([
    'saw a repost saying zorbland',
    'read somewhere it was zorbland',
    'was told zorbland',
    'thinking of tuning zorbland alerts by time of day',
  ])(
    'a part that tells what the asker saw, heard or has in mind ("%s") is left out, and its unknown name with it',
    (hearsay) => {
      expect(readQuestion(kb, `when did it start? ${hearsay}`).words).toEqual(
        readQuestion(kb, 'when did it start?').words,
      );
      expect(readQuestion(kb, `when did it start? ${hearsay}`).unknown).toBeUndefined();
    },
  );

  it.each(['for a tabletop:', 'for an exec summary,', 'for my notes -', 'for our runbook:'])(
    'a part before the question that says what the answer is for ("%s") is left out',
    (why) => {
      expect(readQuestion(kb, `${why} when did it start?`).words).toEqual(readQuestion(kb, 'when did it start?').words);
    },
  );

  it('a guess after the question ("was it the regulator?") is left out too', () => {
    expect(readQuestion(kb, 'who noticed it first? was it the regulator').words).toEqual(
      readQuestion(kb, 'who noticed it first').words,
    );
  });

  it('a question of only little words ("who was that") asks about the context: it is read whole', () => {
    const r = readQuestion(kb, 'heard the regulator got hacked too, who was that');
    expect(r.words).toContain('hacked');
    expect(readQuestion(kb, 'i heard the regulator got hacked, when did it start?').words).not.toContain('hacked');
  });

  it('a question whose "their" points back at the context ("we use X - … their breach") keeps it: X is asked about', () => {
    const r = readQuestion(kb, 'we use zorblax - were we affected by their breach?');
    expect(r.unknown?.name).toMatch(/zorblax/);
    // the question names its own "their" first: the context is left out
    expect(readQuestion(kb, 'we use zorblax - did the regulator publish their report?').words).not.toContain('zorblax');
    // who asks never names what "their" means
    expect(readQuestion(kb, 'journalist here - which official had their mail read?').words).toEqual(
      readQuestion(kb, 'which official had their mail read?').words,
    );
  });

  it('a bare "it" points back only at a context that tells of an incident ("my boss wants a summary of the X hack")', () => {
    expect(readQuestion(kb, 'my boss wants a summary of the zorblax hack, when did it start?').unknown?.name).toMatch(
      /zorblax/,
    );
    expect(readQuestion(kb, 'my boss wants a summary of zorblax, when did it start?').words).toEqual(
      readQuestion(kb, 'when did it start?').words,
    );
  });

  it('a context that tells a story in many words of its own is what a pointing "they" means; a short one is not', () => {
    const r = readQuestion(
      kb,
      "we're a regional council and got the wider audit logging switched on by default last spring - which events did they leave out?",
    );
    expect(r.words).toContain('audit');
    expect(r.words).not.toContain('we');
    expect(
      readQuestion(kb, "we're a small council on the basic plan - which events did they leave out?").words,
    ).toEqual(readQuestion(kb, 'which events did they leave out?').words);
  });

  it('a part that says who wants the answer or what for ("my VP wants …", "need something for …") is left out', () => {
    expect(readQuestion(kb, 'could this have been prevented? my VP wants a one-liner').words).toEqual(
      readQuestion(kb, 'could this have been prevented?').words,
    );
    expect(readQuestion(kb, 'what user agents did they use? need something for a sentinel query').words).toEqual(
      readQuestion(kb, 'what user agents did they use?').words,
    );
  });

  it('an apology for how one asks ("sorry if my english is not good.") is left out', () => {
    expect(readQuestion(kb, 'Sorry if my english is not good. When was the key revoked?').words).toEqual(
      readQuestion(kb, 'When was the key revoked?').words,
    );
    expect(readQuestion(kb, 'sorry if my english is not good. when was the key revoked?').unknown).toBeUndefined();
  });

  it.each(['my boss wants to know', 'our ciso asked', 'the board is asking', 'someone asked me'])(
    'who the question is for ("%s when …") is left out, and the question keeps its kind',
    (who) => {
      const bare = readQuestion(kb, 'when was the key revoked?');
      const asked = readQuestion(kb, `${who} when was the key revoked?`);
      expect(asked.kind).toBe('when');
      expect(asked.words).toEqual(bare.words);
    },
  );

  it('"asked to …" and "asked for …" are not a question that follows who asks', () => {
    expect(readQuestion(kb, 'my boss asked for the timeline').words).toContain('boss');
    expect(readQuestion(kb, 'my boss asked to see the timeline').words).toContain('boss');
  });

  it('a part that says what the answer is for ("board slide on cover-ups.") is left out', () => {
    expect(readQuestion(kb, 'board slide on breach cover-ups. when was the key revoked?').words).toEqual(
      readQuestion(kb, 'when was the key revoked?').words,
    );
    expect(
      readQuestion(kb, 'board slide on zorbco-style cover-ups. when was the key revoked?').unknown,
    ).toBeUndefined();
  });

  it('a part that gives the reason for asking ("…, since it was a year later?") is left out', () => {
    expect(
      readQuestion(kb, 'how did the vendor learn about the breach, since it was almost a year later?').words,
    ).toEqual(readQuestion(kb, 'how did the vendor learn about the breach').words);
  });

  it('a statement after a question that already asks something is an aside', () => {
    expect(readQuestion(kb, 'does it have a new name yet? they usually rename such groups eventually').words).toEqual(
      readQuestion(kb, 'does it have a new name yet?').words,
    );
  });

  it('a yes-or-no guess after a question that asks what, who, how or when is left out ("… ? was teams hit?")', () => {
    expect(
      readQuestion(kb, 'which services did they use the forged tokens against? was the chat app hit?').words,
    ).toEqual(readQuestion(kb, 'which services did they use the forged tokens against?').words);
    // after a yes-or-no question, the next one is a question of its own
    expect(readQuestion(kb, 'is the review board still around? could they review our vendor').words).toContain(
      'vendor',
    );
  });

  it('a part after the question that asks or requests ("like when …", "need the event name") is kept', () => {
    expect(readQuestion(kb, 'what day did they find out? like when did the customer tip them off').words).toContain(
      'customer',
    );
    expect(readQuestion(kb, 'which audit event shows it? need the event name for a detection rule').words).toContain(
      'detection',
    );
    // no question before it: a statement is the question
    expect(readQuestion(kb, 'they usually rename such groups eventually').words).toContain('rename');
  });

  it('"who was it and what did they claim": a question that points back and only says someone said something asks about the context', () => {
    const r = readQuestion(
      kb,
      'i heard a vendor claimed the key reached beyond mail. who was it and what did they claim?',
    );
    expect(r.words).toContain('vendor');
    expect(r.words).not.toContain('heard');
    // a question with words of its own is read without the context
    expect(readQuestion(kb, 'i heard it was bad. when did the intrusion start?').words).not.toContain('bad');
  });

  it('"my CEO wants the one-line verdict …": who wants it and in how many words is no part of the question', () => {
    const r = readQuestion(kb, 'My CEO wants the one-line verdict from the review board. what was it?');
    expect(r.words).toContain('verdict');
    expect(r.words).not.toContain('wants');
    expect(r.words).not.toContain('one-line');
  });

  it('a question made only of context is read whole', () => {
    expect(readQuestion(kb, 'want to check our logs').words.length).toBeGreaterThan(2);
  });
});

describe('a short part before a colon that says who asks or what for', () => {
  it.each([
    'lawyer asking: when did it start?',
    'ciso board deck: when did it start?',
    'writing an explainer for new hires: when did it start?',
    'newbie question: when did it start?',
    'dumb q - when did it start?',
  ])('"%s" is read as the question alone, no unknown name', (q) => {
    const r = readQuestion(kb, q);
    expect(r.unknown).toBeUndefined();
    expect(r.words).toEqual(readQuestion(kb, 'when did it start?').words);
  });
});

describe('a time of a year written with a hyphen', () => {
  it('"late-2022" reads as two words; an id such as "cve-2021-44228" stays whole', () => {
    expect(expandContractions('per the late-2022 update, mid-2023 too')).toBe('per the late 2022 update, mid 2023 too');
    expect(expandContractions('was cve-2021-44228 used')).toBe('was cve-2021-44228 used');
  });
});

describe('"ex-" before a name or a word', () => {
  it('"an ex-employee": the word itself is read', () => {
    expect(readQuestion(kb, 'when did the ex-employee leave').words).toContain('employee');
    expect(readQuestion(kb, 'was it an ex-employee').words).not.toContain('ex-employee');
  });
});
