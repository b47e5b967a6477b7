// Slash commands and buttons through the real server: every main command answers privately (in the ack body) with
// what the core says for the same text; "Share in channel" posts the same facts publicly, attributed to the sharer.
import { describe, expect, it } from 'vitest';
import { blockAction, CHANNEL, postToSlackEndpoint, slashCommand, USER } from '../fixtures/slack.js';
import { blocksText, expectedSnippets, PING, shownText, useSlackBot } from './slack-harness.js';

interface AckBody {
  response_type?: string;
  text?: string;
  blocks?: Array<{ type: string; text?: { text: string }; elements?: Array<{ action_id?: string; value?: string }> }>;
}

const COMMANDS = [
  'help',
  'timeline',
  'timeline july 2023',
  'victims',
  'logging',
  'indicators',
  'actor',
  'technique',
  'status',
  'sources',
  'incidents',
  'how were the tokens forged?',
];

const slack = useSlackBot();

const buttons = (ack: AckBody) =>
  (ack.blocks ?? []).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

describe('slash commands', () => {
  it.each(COMMANDS)('"/breach %s" is answered privately with the core answer', async (text) => {
    const res = await postToSlackEndpoint(slack.bot.url, slashCommand({ text }));
    expect(res.status).toBe(200);
    const ack = res.json as AckBody;
    expect(ack.response_type).toBe('ephemeral');
    const expected = slack.bot.coreAnswer(text);
    const header = ack.blocks?.find((b) => b.type === 'header');
    expect(header?.text?.text).toBe(expected.title.slice(0, 150).replace(/</g, '‹').replace(/>/g, '›'));
    const shown = shownText(ack.blocks);
    for (const snippet of expectedSnippets(expected)) expect(shown).toContain(snippet);
    expect(ack.text?.length).toBeGreaterThan(0);
    const share = buttons(ack).find((b) => b.action_id?.startsWith('breach_share'));
    expect(share?.value).toBe(text);
    expect(res.text).not.toMatch(PING);
  });

  it('keeps the answer private and offers no sharing in a Slack Connect channel', async () => {
    const res = await postToSlackEndpoint(
      slack.bot.url,
      slashCommand({ text: 'victims', is_ext_shared_channel: 'true' }),
    );
    const ack = res.json as AckBody;
    expect(ack.response_type).toBe('ephemeral');
    expect(buttons(ack).some((b) => b.action_id?.startsWith('breach_share'))).toBe(false);
    expect(blocksText(ack.blocks)).toContain('shared with another organization');
  });

  it('answers an unknown slash command with a pointer to the right one', async () => {
    const res = await postToSlackEndpoint(slack.bot.url, slashCommand({ command: '/other', text: 'x' }));
    expect(res.status).toBe(200);
    expect((res.json as AckBody).text).toContain('/breach');
  });
});

describe('question log', () => {
  it('writes a question that got no answer with its text, time and platform only', async () => {
    const text = 'zzqx wibble frobnicate quux';
    const res = await postToSlackEndpoint(slack.bot.url, slashCommand({ text }));
    expect(res.status).toBe(200);
    expect(slack.bot.coreAnswer(text).kind).not.toBe('answer');
    const logged = (await slack.bot.running.store.listQuestions({ limit: 50 })).filter((q) => q.text === text);
    expect(logged).toHaveLength(1);
    expect(logged[0]?.platform).toBe('slack');
    expect(JSON.stringify(logged[0])).not.toContain(USER);
  });
});

describe('digest commands', () => {
  it('"/breach digest daily 09:00 Europe/Berlin" subscribes this channel and says so privately', async () => {
    const res = await postToSlackEndpoint(
      slack.bot.url,
      slashCommand({ text: 'digest daily 09:00 Europe/Berlin', channel_id: 'C000DIGEST' }),
    );
    expect((res.json as AckBody).response_type).toBe('ephemeral');
    const subs = await slack.bot.running.store.findSubscriptions({
      platform: 'slack',
      workspace: 'T000TEST',
      conversation: 'C000DIGEST',
    });
    expect(subs).toHaveLength(1);
    expect(subs[0]?.timeZone).toBe('Europe/Berlin');
    const status = await postToSlackEndpoint(
      slack.bot.url,
      slashCommand({ text: 'digest status', channel_id: 'C000DIGEST' }),
    );
    expect(blocksText((status.json as AckBody).blocks)).toContain('Europe/Berlin');
  });
});

describe('Share in channel', () => {
  it('posts the same answer publicly with chat.postMessage, attributed to the sharer, and removes the private copy', async () => {
    const text = 'timeline july 2023';
    const responseUrl = slack.fake.responseUrl('share-1');
    const res = await postToSlackEndpoint(
      slack.bot.url,
      blockAction({ actionId: 'breach_share:0', value: text, responseUrl }),
    );
    expect(res.status).toBe(200);
    const [post] = await slack.fake.waitFor('chat.postMessage');
    expect(post?.params.channel).toBe(CHANNEL);
    const shown = shownText(post?.params.blocks);
    for (const snippet of expectedSnippets(slack.bot.coreAnswer(text))) expect(shown).toContain(snippet);
    expect(shown).toContain(`Shared by <@${USER}>`);
    expect(shown.replace(`<@${USER}>`, '')).not.toMatch(PING);
    const [cleanup] = await slack.fake.waitForResponse('share-1');
    expect(cleanup?.body.delete_original).toBe(true);
  });

  it('refuses to share into a channel shared with another organization', async () => {
    slack.fake.setChannel('C000CONNECT', { is_ext_shared: true });
    await postToSlackEndpoint(
      slack.bot.url,
      blockAction({
        actionId: 'breach_share:0',
        value: 'victims',
        channel: 'C000CONNECT',
        responseUrl: slack.fake.responseUrl('share-2'),
      }),
    );
    const [reply] = await slack.fake.waitForResponse('share-2');
    expect(String(reply?.body.text)).toContain('not shared');
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('refuses to share for a guest account', async () => {
    slack.fake.setUser('U000GUEST', { is_restricted: true });
    await postToSlackEndpoint(
      slack.bot.url,
      blockAction({
        actionId: 'breach_share:0',
        value: 'victims',
        user: 'U000GUEST',
        responseUrl: slack.fake.responseUrl('share-3'),
      }),
    );
    const [reply] = await slack.fake.waitForResponse('share-3');
    expect(String(reply?.body.text)).toContain('guest');
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('fails closed when Slack cannot tell whether the channel is shared', async () => {
    slack.fake.setNextResponse('conversations.info', { ok: false, error: 'channel_not_found' });
    await postToSlackEndpoint(
      slack.bot.url,
      blockAction({
        actionId: 'breach_share:0',
        value: 'victims',
        channel: 'C000UNKNOWN',
        responseUrl: slack.fake.responseUrl('share-4'),
      }),
    );
    const [reply] = await slack.fake.waitForResponse('share-4');
    expect(String(reply?.body.text)).toContain('could not check');
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('buttons', () => {
  it('a suggestion button answers the question it carries, privately, through response_url', async () => {
    await postToSlackEndpoint(
      slack.bot.url,
      blockAction({ actionId: 'breach_ask:0', value: 'victims', responseUrl: slack.fake.responseUrl('ask-1') }),
    );
    const [reply] = await slack.fake.waitForResponse('ask-1');
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(reply?.body.replace_original).toBe(false);
    const shown = shownText(reply?.body.blocks);
    for (const snippet of expectedSnippets(slack.bot.coreAnswer('victims'))) expect(shown).toContain(snippet);
  });

  it('"More" answers the next-page command it carries', async () => {
    await postToSlackEndpoint(
      slack.bot.url,
      blockAction({ actionId: 'breach_more:0', value: 'timeline', responseUrl: slack.fake.responseUrl('more-1') }),
    );
    const [reply] = await slack.fake.waitForResponse('more-1');
    const header = (reply?.body.blocks as AckBody['blocks'])?.find((b) => b.type === 'header');
    expect(header?.text?.text).toBe(slack.bot.coreAnswer('timeline').title.slice(0, 150));
  });
});
