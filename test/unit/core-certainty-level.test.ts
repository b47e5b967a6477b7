// "how confident is the vendor that the group is from Ruritania?": the fact that states a level of certainty
// ("with moderate confidence") answers, not one that uses "confident" in passing ("named once the vendor is
// confident of its origin"). The certainty-cue list in data/language.yaml holds levels, not the bare word.
// Made-up write-up; the project's own synonym groups and language.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const input = madeUpWriteup({
  id: 'tin-lantern',
  title: 'Tin Lantern (2021)',
  summary: 'In 2021 an espionage group read the Tin Lantern mail of a ministry.',
  dates: { start: '2021-03-01' },
  attribution: {
    actor: 'Zorblab',
    summary: 'Globex tracks the group as Zorblab.',
    details: [
      {
        id: 'tl-name',
        title: 'Why Globex calls Zorblab by a temporary name',
        text: 'Globex gives Zorblab a temporary name and will give it a permanent one once Globex is confident of the Zorblab origin in Ruritania; Globex names Ruritania-based groups after rivers.',
        sources: ['h-src'],
      },
      {
        id: 'tl-level',
        title: 'Ruritania-based, with moderate confidence',
        text: 'Globex assessed with moderate confidence that the group is based in Ruritania.',
        sources: ['h-src'],
      },
    ],
  },
});

const { ask } = projectKbWith(input);

describe('a question of how sure: the fact that states a level of certainty leads', () => {
  it.each([
    'how confident is Globex that Zorblab is from Ruritania?',
    'how confident is globex that the tin lantern group is really from ruritania',
  ])('"%s"', (q) => {
    const a = ask(q);
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toContain('moderate confidence');
  });
});
