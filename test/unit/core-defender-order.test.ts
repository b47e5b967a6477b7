// "Were we affected?" leads with who was told; a question that names what it wants to check ("which audit event",
// "what user agents") leads with that check, never with a yes or no about the asker. Words that only name the
// incident itself ("the Quay mail service") name no check. Made-up incident; the project's own language.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { projectKbWith } from '../fixtures/core-across.js';

const gullInput: IncidentInput = {
  id: 'gull-mail',
  title: 'Gull Post hosted mail intrusion (2021)',
  aliases: ['Gull Post'],
  victim: 'Gull Post customers',
  summary: 'In 2021 an intruder read hosted Gull Post mailboxes with forged session cookies.',
  status: { text: 'Closed.', asOf: '2022-06', sources: ['g-src'] },
  dates: { start: '2021-02-01', disclosed: '2021-03-15' },
  timeline: [{ id: 'g-start', date: '2021-02-01', title: 'The intruder first reads mail', sources: ['g-src'] }],
  attribution: { actor: 'Unknown', summary: 'Nobody was named.', details: [] },
  defender: {
    notification: [
      { id: 'g-told', text: 'Gull Post emailed the administrators of every affected tenant.', sources: ['g-src'] },
    ],
    checks: [
      {
        id: 'g-chk-cookie',
        title: 'Session cookies reused from two countries',
        text: 'A forged cookie shows up as one session used from far-apart places.',
        log: 'Sign-in log',
        sources: ['g-src'],
      },
      {
        id: 'g-chk-agents',
        title: 'The intruder’s browser strings',
        text: 'The intruder sent the user agent GullFetch/2.1 with each hosted mail request.',
        lookFor: 'User-agent strings GullFetch/2.1',
        log: 'Web request log',
        sources: ['g-src'],
      },
    ],
  },
  sources: [
    {
      id: 'g-src',
      publisher: 'Example Writer',
      title: 'Gull write-up',
      url: 'https://example.com/g',
      kind: 'research',
    },
  ],
  origin: 'native',
};

const { ask } = projectKbWith(gullInput);

describe('what a defender should check, in the order the question asks', () => {
  it('"were we affected" leads with who was told', () => {
    const a = ask('gull post: were we affected?');
    expect(a.kind).toBe('answer');
    expect(a.facts[0]?.text).toMatch(/emailed the administrators/);
    expect(a.title).not.toMatch(/^(yes|no)\b/i);
  });

  it('a question naming the check it wants leads with that check', () => {
    const a = ask('gull post: what user agent strings should we hunt for in our logs?');
    expect(a.kind).toBe('answer');
    expect(a.facts[0]?.text).toMatch(/GullFetch/);
  });

  it('words that only name the incident pick no check', () => {
    const a = ask('gull post hosted mail: were we affected, do we need to do anything?');
    expect(a.facts[0]?.text).toMatch(/emailed the administrators/);
  });
});
