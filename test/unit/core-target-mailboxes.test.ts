// "how did they get into people's mailboxes": the mailboxes are the incident's target, whoever owns them, so how
// the attack worked answers; before, a fact that merely says "mailboxes" led (the fixture's own "Only targeted
// mailboxes were read").
import { describe, expect, it } from 'vitest';
import { alphaWithTechnique, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const input = alphaWithTechnique({
  id: 'te-targeted',
  title: 'Only targeted mailboxes were read',
  text: 'The actor read the mailboxes of a few targeted staff only.',
  sources: ['s-vendor'],
});
const { ask } = fixtureKbWithAlpha(input);

describe('a part of the target, whoever owns it', () => {
  it.each([
    'how did they get into the mailboxes exactly?',
    "how did they get into people's mailboxes",
    "how did the attackers get into customers' inboxes?",
  ])('%s: how the attack worked', (q) => {
    const a = ask(q);
    expect(a.kind).toBe('answer');
    expect(a.title).not.toContain('Only targeted mailboxes');
    expect(`${a.title} ${a.facts[0]?.text ?? ''}`).toMatch(/forged authentication tokens/);
  });
});
