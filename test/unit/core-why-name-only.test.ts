// "why didn't MFA save retool?": the words the knowledge base knows only name the incident ("Retool MFA"); the rest
// asks why it happened in words no fact uses. How the attack worked answers it, not the incident's summary.
// Made-up write-up; the project's own language and synonyms.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const src = ['h-src'];
const zeta = madeUpWriteup({
  id: 'zeta-mfa',
  title: 'Zeta MFA',
  summary: 'In 2023 an intruder phished a Zeta engineer and took over a few customer accounts despite MFA.',
  dates: { start: '2023-08-27' },
  timeline: [{ id: 'z-1', date: '2023-08-27', title: 'A Zeta engineer falls for a phishing text.', sources: src }],
  technique: {
    summary: 'The authenticator app copied its one-time code seeds to the cloud, so the phished account held them.',
    details: [],
  },
});

const { ask } = projectKbWith(zeta);

describe('"why" with only the incident name known', () => {
  it.each([
    "why didn't MFA save zeta?",
    // the verb of what failed to work, and the incident noun after the name, ask nothing of the facts
    'zeta breach - why didnt MFA stop it?',
    "why didn't MFA stop the zeta breach?",
  ])('"%s" answers with how the attack worked', (q) => {
    const lead = leadOf(ask(q));
    expect(lead).toContain('How the Zeta MFA attack worked');
    expect(lead).toContain('seeds to the cloud');
  });

  it('a verb of stopping still counts when nothing failed ("why did zeta stop the rollout")', () => {
    expect(leadOf(ask('why did zeta stop the rollout?'))).not.toContain('How the Zeta MFA attack worked');
  });
});
