/**
 * Teams end to end over real HTTP: the real server (unauthenticated loopback mode) against a fake Bot Connector.
 * Replies are compared with the CLI's answer for the same question.
 */
import { describe, expect, it } from 'vitest';
import { cardFactIds } from '../../adapters/teams/render.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import {
  hostileBodies,
  longQuestion,
  mentionActivity,
  OTHER_USER,
  searchQuery,
  submitActivity,
  teamsActivity,
} from '../fixtures/teams.js';
import { checkAdaptiveCard } from '../unit/teams-card-validator.js';
import { askCli, cardsOf, factIdsOf, useTeamsBot } from './teams-harness.js';

const teams = useTeamsBot();
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('Teams messages through the real server', () => {
  it('answers a personal message once, with a valid card whose facts are the CLI’s', async () => {
    const question = 'timeline july 2023';
    const activity = teamsActivity({ text: question, serviceUrl: teams.serviceUrl() });
    const [expected] = await askCli([question]);
    expect((await teams.bot.post(activity)).status).toBe(200);
    const [reply] = await teams.connector.waitFor(1);
    await settle();
    expect(teams.connector.activities).toHaveLength(1);
    expect(reply?.conversationId).toBe((activity.conversation as { id: string }).id);
    expect(reply?.replyToId).toBe(activity.id);
    const cards = cardsOf(reply!);
    expect(cards).toHaveLength(1);
    expect(checkAdaptiveCard(cards[0]).problems).toEqual([]);
    expect(factIdsOf(reply!)).toEqual(expected!.facts.map((f) => f.id).sort());
    expect(reply?.activity.summary).toBe(expected!.title);
  });

  it('answers a channel @-mention in the same reply chain, keeping the other person in the question', async () => {
    const activity = mentionActivity('who was affected', { serviceUrl: teams.serviceUrl(), also: [OTHER_USER] });
    const [expected] = await askCli([`who was affected ${OTHER_USER.name}`]);
    expect((await teams.bot.post(activity)).status).toBe(200);
    const [reply] = await teams.connector.waitFor(1);
    await settle();
    expect(teams.connector.activities).toHaveLength(1);
    expect(reply?.conversationId).toBe('19:channel-fake@thread.tacv2;messageid=1700000000001');
    expect(reply?.replyToId).toBe(activity.id);
    expect(checkAdaptiveCard(cardsOf(reply!)[0]).problems).toEqual([]);
    expect(factIdsOf(reply!)).toEqual(expected!.facts.map((f) => f.id).sort());
  });

  it('answers a group-chat @-mention and ignores one without a mention', async () => {
    const quiet = teamsActivity({ text: 'victims', serviceUrl: teams.serviceUrl(), conversationType: 'groupChat' });
    expect((await teams.bot.post(quiet)).status).toBe(200);
    const activity = mentionActivity('victims', { serviceUrl: teams.serviceUrl(), conversationType: 'groupChat' });
    const [expected] = await askCli(['victims']);
    expect((await teams.bot.post(activity)).status).toBe(200);
    const [reply] = await teams.connector.waitFor(1);
    await settle();
    expect(teams.connector.activities).toHaveLength(1);
    expect(reply?.replyToId).toBe(activity.id);
    expect(checkAdaptiveCard(cardsOf(reply!)[0]).problems).toEqual([]);
    expect(factIdsOf(reply!)).toEqual(expected!.facts.map((f) => f.id).sort());
  });

  it('takes a card button press back as a message and answers the follow-up', async () => {
    await teams.bot.post(teamsActivity({ text: 'timeline', serviceUrl: teams.serviceUrl() }));
    const [first] = await teams.connector.waitFor(1);
    const action = (cardsOf(first!)[0]?.actions ?? []).find((a) => a.type === 'Action.Submit');
    expect(action, 'the timeline answer offers at least one button').toBeDefined();
    const data = action?.data as { ask: string };
    const [expected] = await askCli([data.ask]);
    teams.connector.activities.length = 0;
    expect((await teams.bot.post(submitActivity(data, { serviceUrl: teams.serviceUrl() }))).status).toBe(200);
    const [reply] = await teams.connector.waitFor(1);
    expect(checkAdaptiveCard(cardsOf(reply!)[0]).problems).toEqual([]);
    expect(factIdsOf(reply!)).toEqual(expected!.facts.map((f) => f.id).sort());
    expect(reply?.activity.summary).toBe(expected!.title);
  });

  it('answers a compose-box search in the HTTP response with result cards, without calling the connector', async () => {
    const query = 'victims';
    const [expected] = await askCli([query]);
    const before = teams.connector.requests;
    const response = await teams.bot.post(searchQuery(query, { serviceUrl: teams.serviceUrl() }));
    expect(response.status).toBe(200);
    const body = JSON.parse(response.text) as {
      composeExtension: { type: string; attachments: Array<{ content: unknown; preview: unknown }> };
    };
    expect(body.composeExtension.type).toBe('result');
    const attachments = body.composeExtension.attachments;
    expect(attachments.length).toBeGreaterThan(0);
    const ids = attachments.flatMap((a) => cardFactIds(a.content as Parameters<typeof cardFactIds>[0]));
    expect(ids).toEqual(expected!.facts.slice(0, 25).map((f) => f.id));
    for (const a of attachments) {
      expect(checkAdaptiveCard(a.content).problems).toEqual([]);
      expect(a.preview).toBeDefined();
    }
    expect(teams.connector.requests).toBe(before);
  });

  it('answers an empty personal message with help', async () => {
    const expected = respond(teams.bot.running.kb, parseCommand('', teams.bot.running.kb), { now: new Date() });
    expect(expected.intent).toBe('help');
    expect((await teams.bot.post(teamsActivity({ text: '', serviceUrl: teams.serviceUrl() }))).status).toBe(200);
    const [reply] = await teams.connector.waitFor(1);
    expect(reply?.activity.summary).toBe(expected.title);
    expect(checkAdaptiveCard(cardsOf(reply!)[0]).problems).toEqual([]);
  });

  it('answers a 10 KB message instead of failing', async () => {
    expect((await teams.bot.post(teamsActivity({ text: longQuestion, serviceUrl: teams.serviceUrl() }))).status).toBe(
      200,
    );
    const [reply] = await teams.connector.waitFor(1);
    expect(checkAdaptiveCard(cardsOf(reply!)[0]).problems).toEqual([]);
  });

  it.each(Object.entries(hostileBodies))('answers a %s body with 400, promptly', async (_name, body) => {
    const response = await teams.bot.post(body);
    expect(response.status).toBe(400);
    expect(teams.connector.activities).toHaveLength(0);
  });

  it('replies with a friendly message and a correlation id when a turn fails, the detail in the log', async () => {
    teams.connector.failNext(400);
    expect((await teams.bot.post(teamsActivity({ text: 'victims', serviceUrl: teams.serviceUrl() }))).status).toBe(200);
    const [reply] = await teams.connector.waitFor(1);
    const text = String(reply?.activity.text);
    const id = /reference: ([0-9a-f]{8})/.exec(text)?.[1];
    expect(id, text).toBeDefined();
    expect(text).not.toMatch(/Error|stack|at /);
    const logged = teams.bot.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged.some((l) => l.msg === 'teams turn failed' && l.correlationId === id && l.level === 'error')).toBe(
      true,
    );
  });
});
