// The confidence model reads whether a search led with the incident's overview (its summary): an overview meets
// many of a question's words and answers few questions, so an answer it leads is less often right (in the
// development sets, 23 of 124 such answers were wrong against 158 of 2,777 others). The same holds for the one
// passage that tells the whole story of how the attack worked (11 of 68 search answers it led were wrong, against
// 82 of 1,136 search answers in all). The fitted model must weigh it.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { features } from '../../src/core/compose/confidence.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { alphaInput, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const { kb, ask } = fixtureKbWithAlpha(alphaInput);
const x = (q: string) => features(ask(q), readQuestion(kb, q));

describe('an overview-led answer', () => {
  it('is marked when the summary leads a search, not when a fact does', () => {
    expect(ask('stolen signing key forge tokens read email example ministry').title).toContain('Alpha Cloud:');
    expect(x('stolen signing key forge tokens read email example ministry').overview).toBe(1);
    expect(x('proxy relays').overview).toBe(0);
    expect(x('timeline').overview).toBe(0);
  });

  it('is marked when the story of how the attack worked leads a search, not when one step of it does', () => {
    expect(ask('which authentication tokens did the webmail service accept').title).toBe('How the attack worked');
    expect(x('which authentication tokens did the webmail service accept').overview).toBe(1);
    expect(ask('proxy relays').title).not.toBe('How the attack worked');
    expect(x('proxy relays').overview).toBe(0);
  });

  it('lowers the bundled model’s confidence', () => {
    const model = parse(readFileSync(new URL('../../data/confidence.yaml', import.meta.url), 'utf8')) as {
      weights: Record<string, number>;
    };
    expect(model.weights.overview).toBeLessThan(0);
  });
});
