// "what other company said the same chinese group got into its cloud email?": the words that name the incident's
// actor by its nation ("the same chinese group") say which incident, like its name; every fact of it meets them, so
// the fact that tells of the other company leads, not the summary that repeats them. Made-up incident; the project's
// own synonym groups and language.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const input = madeUpWriteup({
  id: 'zinc-harbor',
  title: 'Zinc Harbor (2022)',
  summary: 'From 2022-02-01 a China-based espionage group read the cloud email of the Zinc Harbor port authority.',
  dates: { start: '2022-02-01' },
  attribution: {
    actor: 'Ember Crane',
    summary: 'Ember Crane is a China-based espionage group.',
    details: [
      {
        id: 'z-other',
        title: '',
        text: 'Globex later disclosed a similar attack by Ember Crane against its own cloud-based email environment.',
        sources: ['h-src'],
      },
    ],
  },
});

const { ask } = projectKbWith(input);

describe('the actor named by its nation', () => {
  it('names the incident: the fact about the other company leads', () => {
    const a = ask('what other company said the same chinese group got into its cloud email?');
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toContain('Globex');
  });
});
