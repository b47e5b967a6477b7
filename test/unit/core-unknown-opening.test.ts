// "salesloft drift oauth tokens stolen to pull salesforce data - which actor?": a question that opens with two
// words the knowledge base has never seen (no fact, no list word, no typo it can fix) opens with the name of what
// it is about, so that incident is not loaded. Before, the known words after the name ("tokens stolen") found the
// loaded incident's facts about tokens and answered with its actor.
import { describe, expect, it } from 'vitest';
import { alphaWithTechnique, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const input = alphaWithTechnique({
  id: 'te-token-theft',
  title: 'Tokens stolen from a support vendor',
  text: 'The actor stole oauth tokens from a support vendor and used them to pull customer data.',
  sources: ['s-vendor'],
});
const { ask } = fixtureKbWithAlpha(input);

describe('a question that opens with two unknown words', () => {
  it('names an incident that is not loaded', () => {
    const a = ask('zorblax quuxly oauth tokens stolen to pull customer data - which actor and when?');
    expect(a.kind).toBe('none');
    expect(JSON.stringify(a)).toMatch(/zorblax quuxly/i);
  });

  it('a known name there is answered', () => {
    expect(ask('alpha cloud oauth tokens stolen to pull customer data - which actor and when?').kind).not.toBe('none');
  });

  it('one unknown word, or a typo of a known one, is not a name', () => {
    expect(ask('zorblax oauth tokens stolen to pull customer data - which actor?').kind).not.toBe('none');
    expect(ask('tokkens stolne to pull customer data - which actor?').kind).not.toBe('none');
  });
});

describe('the one who leaked it, what one is vulnerable to, what was disclosed', () => {
  it('an unknown name is not loaded', () => {
    expect(ask('zorblax leaked a support token giving access to customer data - when was that found').kind).toBe(
      'none',
    );
    expect(ask('are our vms vulnerable to zorbleed, which versions are fixed?').kind).toBe('none');
    expect(ask('when was zorbleed disclosed and what should we have been logging?').kind).toBe('none');
  });
});
