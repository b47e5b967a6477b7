// A name written before a kind of attack ("X ransomware", "X cryptojacking") names an incident: when the knowledge
// base has never heard of it, the question is about an incident that is not loaded.
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { acrossKb } from '../fixtures/core-across.js';

const kb = acrossKb();

describe('a name before a kind of attack', () => {
  it.each([
    'zelkova k8s console cryptojacking thing from 2018, were aws creds exposed?',
    'zelkova cryptomining campaign in 2019 - which servers were hit',
    'the zelkova card skimming from 2018, what was taken',
  ])('"%s" names an incident that is not loaded', (q) => {
    expect(readQuestion(kb, q).unknown?.name).toMatch(/zelkova/);
  });
});

describe('a name after a preposition', () => {
  it('"the hearing on the X hack" names X, not the hearing', () => {
    expect(readQuestion(kb, 'when was the senate hearing on the gammasoft hack').unknown).toBeUndefined();
    expect(readQuestion(kb, 'when was the senate hearing on the zelkova hack').unknown?.name).toBe('zelkova');
  });
});

describe('the edges of a name that is not loaded', () => {
  it('"affected by the X breach" names X, not what came before "by"', () => {
    expect(readQuestion(kb, 'were we affected by the zelkova breach?').unknown?.name).toBe('zelkova');
  });

  it('"X - were we hit" ends the name at the verb\'s helper', () => {
    expect(readQuestion(kb, 'zelkova - were we affected by the breach?').unknown?.name).toBe('zelkova');
  });
});

describe('a name that pays a ransom or is asked why it acted', () => {
  it('"how much ransom did X pay", "why did X tell everyone to …" name an incident that is not loaded', () => {
    expect(readQuestion(kb, 'how much ransom did zelkova health pay').unknown?.name).toMatch(/zelkova/);
    expect(readQuestion(kb, 'why did zelkova tell everyone to rotate their secrets').unknown?.name).toBe('zelkova');
  });
});

describe('a name at the start, then what happened to it', () => {
  it('"X got owned …" names X', () => {
    expect(readQuestion(kb, 'zelkova resorts got owned in 2023 right? who did it').unknown?.name).toMatch(/zelkova/);
    expect(readQuestion(kb, 'gammasoft got hacked how').unknown).toBeUndefined();
  });
});

describe('whom a name attributed its intrusion to', () => {
  it('"who did X attribute it to" names X; a known X asks for the actor', () => {
    expect(readQuestion(kb, 'who did zelkova attribute its 2023 intrusion to?').unknown?.name).toBe('zelkova');
    const known = readQuestion(kb, 'who did gammasoft attribute the intrusion to');
    expect(known.unknown).toBeUndefined();
    expect(known.kind).toBe('actor');
  });
});
