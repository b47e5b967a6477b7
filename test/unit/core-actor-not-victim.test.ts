// "Did <the actor> hit any other company …?": the incident's actor is who hit, not a victim to look up. Before, the
// question was a victim check of the actor's name and answered "Not recorded as a victim: <the actor>".
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { fixtureKb } from '../fixtures/core-kb.js';

const kb = fixtureKb();

describe('a victim check of an actor', () => {
  it('is not one when the name is a loaded incident’s actor', () => {
    expect(readQuestion(kb, 'did gamma group hit any other ministry').kind).not.toBe('victim-check');
  });

  it('is one for anybody else', () => {
    expect(readQuestion(kb, 'did the deputy minister get hit').kind).toBe('victim-check');
    expect(readQuestion(kb, 'was acme corp hit').kind).toBe('victim-check');
  });
});
