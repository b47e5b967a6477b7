/**
 * Install, welcome, conversation references, proactive posts and removal, through the real server and a fake Bot
 * Connector.
 */
import { describe, expect, it } from 'vitest';
import { WELCOME_TEXT } from '../../adapters/teams/bot.js';
import type { Answer } from '../../src/core/answer.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { installUpdate, membersAdded, membersRemoved, TEAM_ID, TENANT, teamsActivity } from '../fixtures/teams.js';
import { checkAdaptiveCard } from '../unit/teams-card-validator.js';
import { cardsOf, factIdsOf, teamsSubscription, useTeamsBot } from './teams-harness.js';

const teams = useTeamsBot();

const answerFor = (text: string): Answer =>
  respond(teams.bot.running.kb, parseCommand(text, teams.bot.running.kb), { now: new Date('2026-11-30T09:00:00Z') });

describe('personal install', () => {
  const conversation = 'a:personal-7e57';

  it('welcomes on install and stores the conversation reference', async () => {
    expect((await teams.bot.post(installUpdate('add', { serviceUrl: teams.serviceUrl() }))).status).toBe(200);
    const [welcome] = await teams.connector.waitFor(1);
    expect(welcome?.activity.text).toBe(WELCOME_TEXT);
    expect(checkAdaptiveCard(cardsOf(welcome!)[0]).problems).toEqual([]);
    const record = await teams.bot.running.store.getConversationReference(conversation);
    expect(record).toMatchObject({ conversationId: conversation, tenantId: TENANT, removed: false });
    const reference = JSON.parse(record!.reference) as { serviceUrl: string; conversation: { id: string } };
    expect(reference.serviceUrl).toBe(teams.serviceUrl());
    expect(reference.conversation.id).toBe(conversation);
  });

  it('posts proactively through the stored reference', async () => {
    const answer = answerFor('status');
    const result = await teams.bot.teams.deliver(teamsSubscription(conversation), answer);
    expect(result).toMatchObject({ ok: true });
    const [posted] = await teams.connector.waitFor(1);
    expect(posted?.conversationId).toBe(conversation);
    expect(checkAdaptiveCard(cardsOf(posted!)[0]).problems).toEqual([]);
    expect(answer.facts.length).toBeGreaterThan(0);
    expect(factIdsOf(posted!)).toEqual([...new Set(answer.facts.map((f) => f.id))].sort());
  });

  it('reports 403 as permanent and 429 with the wait Teams asked for', async () => {
    teams.connector.failNext(403);
    expect(await teams.bot.teams.deliver(teamsSubscription(conversation), answerFor('status'))).toMatchObject({
      ok: false,
      permanent: true,
    });
    for (let i = 0; i < 4; i++) teams.connector.failNext(429, { 'retry-after': '1' });
    expect(await teams.bot.teams.deliver(teamsSubscription(conversation), answerFor('status'))).toEqual({
      ok: false,
      error: '429',
      permanent: false,
      retryAfterMs: 1000,
    });
  });

  it('saves a digest subscription under the key the reference is stored under', async () => {
    await teams.bot.post(teamsActivity({ text: 'digest daily 09:00 UTC', serviceUrl: teams.serviceUrl() }));
    await teams.connector.waitFor(1);
    const subs = await teams.bot.running.store.findSubscriptions({
      platform: 'teams',
      workspace: TENANT,
      conversation,
    });
    expect(subs.length).toBe(1);
    expect(await teams.bot.running.store.getConversationReference(subs[0]!.conversation)).toBeDefined();
  });

  it('marks the reference removed on uninstall and refuses to post there without calling the connector', async () => {
    expect((await teams.bot.post(installUpdate('remove', { serviceUrl: teams.serviceUrl() }))).status).toBe(200);
    expect((await teams.bot.running.store.getConversationReference(conversation))?.removed).toBe(true);
    const before = teams.connector.requests;
    const result = await teams.bot.teams.deliver(teamsSubscription(conversation), answerFor('status'));
    expect(result).toMatchObject({ ok: false, permanent: true });
    expect(teams.connector.requests).toBe(before);
  });

  it('refuses a conversation it was never installed in, without calling the connector', async () => {
    const before = teams.connector.requests;
    expect(await teams.bot.teams.deliver(teamsSubscription('19:never@thread.v2'), answerFor('status'))).toMatchObject({
      ok: false,
      permanent: true,
    });
    expect(teams.connector.requests).toBe(before);
  });
});

describe('team install', () => {
  const general = TEAM_ID;
  const channel = '19:channel-fake@thread.tacv2';

  it('stores the team on conversationUpdate and each channel it is asked in', async () => {
    const added = membersAdded({
      serviceUrl: teams.serviceUrl(),
      conversationType: 'channel',
      conversationId: general,
    });
    expect((await teams.bot.post(added)).status).toBe(200);
    expect(await teams.bot.running.store.getConversationReference(general)).toMatchObject({ removed: false });
    const asked = teamsActivity({
      text: '<at>breachbot</at> status',
      serviceUrl: teams.serviceUrl(),
      conversationType: 'channel',
      entities: [
        {
          type: 'mention',
          text: '<at>breachbot</at>',
          mentioned: { id: '28:00000000-0000-0000-0000-00000000b07a', name: 'breachbot' },
        },
      ],
    });
    await teams.bot.post(asked);
    await teams.connector.waitFor(1);
    expect(await teams.bot.running.store.getConversationReference(channel)).toMatchObject({ removed: false });
  });

  it('marks the team and its channels with a digest removed when the bot leaves the team', async () => {
    await teams.bot.running.store.saveSubscription(teamsSubscription(channel));
    const removed = membersRemoved({
      serviceUrl: teams.serviceUrl(),
      conversationType: 'channel',
      conversationId: general,
    });
    expect((await teams.bot.post(removed)).status).toBe(200);
    expect((await teams.bot.running.store.getConversationReference(general))?.removed).toBe(true);
    expect((await teams.bot.running.store.getConversationReference(channel))?.removed).toBe(true);
    const before = teams.connector.requests;
    expect(await teams.bot.teams.deliver(teamsSubscription(channel), answerFor('status'))).toMatchObject({
      ok: false,
      permanent: true,
    });
    expect(teams.connector.requests).toBe(before);
  });
});
