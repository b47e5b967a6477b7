import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { activityToInbound, baseConversationId, mentionsBot, stripBotMention } from '../../adapters/teams/inbound.js';
import { BOT, mention, mentionActivity, OTHER_USER, submitActivity, TENANT, teamsActivity } from '../fixtures/teams.js';

const serviceUrl = 'http://127.0.0.1:1/';
const asActivity = (value: Record<string, unknown>) => value as unknown as Activity;

describe('activityToInbound', () => {
  it('takes plain text in a personal chat as the question', () => {
    const inbound = activityToInbound(asActivity(teamsActivity({ text: 'timeline july 2023', serviceUrl })));
    expect(inbound).toMatchObject({ platform: 'teams', text: 'timeline july 2023' });
    expect(inbound?.conversation).toEqual({ platform: 'teams', workspace: TENANT, conversation: 'a:personal-7e57' });
  });

  it('ignores a channel message that does not mention the bot', () => {
    const activity = teamsActivity({ text: 'timeline', serviceUrl, conversationType: 'channel' });
    expect(activityToInbound(asActivity(activity))).toBeUndefined();
  });

  it('strips only the bot mention and keeps other people as part of the question', () => {
    const activity = mentionActivity('did this affect', { serviceUrl, also: [OTHER_USER] });
    expect(mentionsBot(asActivity(activity))).toBe(true);
    expect(activityToInbound(asActivity(activity))?.text).toBe('did this affect Sam Sample');
  });

  it('does not strip a mention of someone else who has the bot’s display name', () => {
    const impostor = { id: '29:impostor', name: BOT.name };
    const activity = teamsActivity({
      text: `<at>${BOT.name}</at> timeline`,
      serviceUrl,
      conversationType: 'groupChat',
      entities: [mention(impostor)],
    });
    expect(activityToInbound(asActivity(activity))).toBeUndefined();
    expect(stripBotMention(asActivity({ ...activity, conversation: { conversationType: 'personal' } }))).toBe(
      'breachbot timeline',
    );
  });

  it('keys a channel reply chain by the channel, without ;messageid=', () => {
    const activity = mentionActivity('victims', { serviceUrl });
    expect(activityToInbound(asActivity(activity))?.conversation?.conversation).toBe('19:channel-fake@thread.tacv2');
    expect(baseConversationId('19:x@thread.tacv2;messageid=42')).toBe('19:x@thread.tacv2');
  });

  it('takes a card button press (value.ask) as typed text, also in a channel without a mention', () => {
    const activity = submitActivity({ ask: 'logging' }, { serviceUrl, conversationType: 'channel' });
    expect(activityToInbound(asActivity(activity))?.text).toBe('logging');
  });

  it('decodes the HTML entities Teams puts in text', () => {
    const activity = teamsActivity({ text: 'AT&amp;T&nbsp;logs &lt;2023&gt;', serviceUrl });
    expect(activityToInbound(asActivity(activity))?.text).toBe('AT&T logs <2023>');
  });

  it('cuts a 10 KB message to a bounded question', () => {
    const activity = teamsActivity({ text: 'x '.repeat(5000), serviceUrl });
    expect(activityToInbound(asActivity(activity))?.text.length).toBeLessThanOrEqual(2000);
  });
});

describe('rich-text messages', () => {
  it('drops the HTML tags Teams wraps formatted text in', () => {
    const activity = teamsActivity({
      text: '<p><at>breachbot</at> <b>timeline</b> july 2023</p>',
      serviceUrl,
      entities: [mention(BOT)],
    });
    expect(activityToInbound(asActivity(activity))?.text).toBe('timeline july 2023');
  });
});

describe('own messages', () => {
  it('ignores a message from the bot itself', () => {
    const activity = teamsActivity({ text: 'timeline', serviceUrl, from: BOT });
    expect(activityToInbound(asActivity(activity))).toBeUndefined();
  });
});
