// `hunt …` in a Teams personal chat through the real server and botbuilder against the fake Bot Connector: one
// reply, a valid Adaptive Card that carries the queries for the platform asked for.
import { describe, expect, it } from 'vitest';
import { huntQueries } from '../../src/hunt/hunt-queries.js';
import { teamsActivity } from '../fixtures/teams.js';
import { checkAdaptiveCard } from '../unit/teams-card-validator.js';
import { cardsOf, useTeamsBot } from './teams-harness.js';

const teams = useTeamsBot();

describe('Teams hunt command', () => {
  it('answers "hunt splunk" with a valid card carrying every SPL query', async () => {
    const activity = teamsActivity({ text: 'hunt splunk', serviceUrl: teams.serviceUrl() });
    expect((await teams.bot.post(activity)).status).toBe(200);
    const [reply] = await teams.connector.waitFor(1);
    const cards = cardsOf(reply!);
    expect(cards).toHaveLength(1);
    expect(checkAdaptiveCard(cards[0]).problems).toEqual([]);
    const shown = JSON.stringify(cards[0]);
    const incident = teams.bot.running.kb.incident('storm-0558');
    if (!incident) throw new Error('storm-0558 is not loaded');
    for (const q of huntQueries(incident, 'spl'))
      expect(shown).toContain(JSON.stringify(q.query.split('\n')[0]).slice(1, -1));
  });
});
