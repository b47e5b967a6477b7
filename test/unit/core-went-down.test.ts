// "zorblax hosted webmail went down in march 2023 - what was the entry point?": what went down names the incident
// asked about, so a name the knowledge base has never seen means that incident is not loaded. Before, one unknown
// word among known ones let the month read as a request for the loaded incident's timeline of that month.
import { describe, expect, it } from 'vitest';
import { alphaWithTechnique, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

// the knowledge base knows every word of the question but the name
const input = alphaWithTechnique({
  id: 'te-outage',
  title: 'The hosted webmail went down',
  text: 'The hosted webmail entry point went down for an hour when the key was revoked.',
  sources: ['s-vendor'],
});
const { ask } = fixtureKbWithAlpha(input);

describe('what went down', () => {
  it('is the incident asked about: an unknown one is not loaded', () => {
    const a = ask('zorblax hosted webmail went down in march 2023 - what was the entry point?');
    expect(a.kind).toBe('none');
    expect(JSON.stringify(a)).toMatch(/zorblax/i);
  });

  it('a known one is answered', () => {
    expect(ask('alpha cloud went down in march 2023 - what was the entry point?').kind).not.toBe('none');
  });
});
