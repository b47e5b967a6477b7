// "what kind of key did the attackers get hold of in the 2023 email hack - enterprise or something else?": a
// question that says this much besides its year asks one thing; the year only places the incident. Before, with
// one incident loaded, any question with a period and a word like "did" became a timeline of that period
// filtered by all its words.
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../src/core/knowledge-base.js';
import { incidentSchema } from '../../src/core/model.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { alphaInput, fixtureData } from '../fixtures/core-kb.js';

const kb = createKnowledgeBase(fixtureData({ incidents: [incidentSchema.parse(alphaInput)] }));
const ask = (q: string) => respond(kb, parseCommand(q, kb), { now: new Date('2024-06-01T12:00:00Z') });

describe('a long question with a year in it, one incident loaded', () => {
  it('is no timeline of that year', () => {
    const a = ask(
      'what kind of key did the attackers get hold of in 2023 to read webmail - a ministry tenant signing key or something else?',
    );
    expect(a.intent).not.toBe('timeline');
  });

  it('a short one that asks for one name or one payment is not', () => {
    expect(ask('what was the name of the custom alert rule on april 10 2023').intent).not.toBe('timeline');
    expect(ask('what was alpha cloud paying to revoke the key in april 2023').intent).not.toBe('timeline');
    // the same words without the name or the payment, asking for events, list the period's events (asked for no
    // events, words that meet one event of the period get that event in full: core-one-event-of-period)
    expect(ask('what happened with the custom alert rule on april 10 2023').intent).toBe('timeline');
  });

  it('a short one is', () => {
    expect(ask('what happened in april 2023').intent).toBe('timeline');
    expect(ask('what did the attackers read in 2023').intent).toBe('timeline');
  });
});
