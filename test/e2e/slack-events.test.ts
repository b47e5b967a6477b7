// Events through the real server: a mention gets exactly one threaded reply, Slack's retries (also across a
// restart) get none, Slack Connect and guests get a private reply, direct messages are answered in place, the Home
// tab is published, and a rate-limited post is retried after Retry-After and arrives once.
import { describe, expect, it } from 'vitest';
import { appMention, directMessage, eventCallback, postToSlackEndpoint, USER } from '../fixtures/slack.js';
import {
  blocksText,
  expectedSnippets,
  newDataDir,
  PING,
  shownText,
  startSlackBot,
  useSlackBot,
} from './slack-harness.js';

const slack = useSlackBot();

describe('app_mention', () => {
  it('answers in a thread under the mention with one chat.postMessage', async () => {
    const mention = appMention({ text: 'victims', channel: 'C000MENTION1', ts: '1700000100.000100' });
    const res = await postToSlackEndpoint(slack.bot.url, mention);
    expect(res.status).toBe(200);
    const [post] = await slack.fake.waitFor('chat.postMessage');
    expect(post?.params.channel).toBe('C000MENTION1');
    expect(post?.params.thread_ts).toBe('1700000100.000100');
    const shown = shownText(post?.params.blocks);
    for (const snippet of expectedSnippets(slack.bot.coreAnswer('victims'))) expect(shown).toContain(snippet);
    expect(post?.authorization).toBe('Bearer xoxb-0000-fake-token');
  });

  it('answers inside the thread the mention came from', async () => {
    await postToSlackEndpoint(
      slack.bot.url,
      appMention({ text: 'status', channel: 'C000MENTION2', ts: '1700000200.000200', thread_ts: '1700000199.000100' }),
    );
    const [post] = await slack.fake.waitFor('chat.postMessage');
    expect(post?.params.thread_ts).toBe('1700000199.000100');
  });

  it('drops a retry of the same event (x-slack-retry-num: 1): no second reply', async () => {
    const mention = appMention({ text: 'logging', channel: 'C000MENTION3' });
    await postToSlackEndpoint(slack.bot.url, mention);
    await slack.fake.waitFor('chat.postMessage');
    const retry = await postToSlackEndpoint(slack.bot.url, mention, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    // A later, different event is answered; by then the retry has long been handled.
    await postToSlackEndpoint(slack.bot.url, appMention({ text: 'status', channel: 'C000MENTION3' }));
    const posts = await slack.fake.waitFor('chat.postMessage', 2);
    expect(posts.map((p) => blocksText(p.params.blocks).includes(slack.bot.coreAnswer('status').title))).toEqual([
      false,
      true,
    ]);
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('replies privately in a Slack Connect channel and says why', async () => {
    await postToSlackEndpoint(
      slack.bot.url,
      appMention({ text: 'victims', channel: 'C000SHARED' }, { is_ext_shared_channel: true }),
    );
    const [eph] = await slack.fake.waitFor('chat.postEphemeral');
    expect(eph?.params.user).toBe(USER);
    expect(blocksText(eph?.params.blocks)).toContain('shared with another organization');
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('replies privately to a guest', async () => {
    slack.fake.setUser('U000GUEST2', { is_ultra_restricted: true });
    await postToSlackEndpoint(
      slack.bot.url,
      appMention({ text: 'victims', channel: 'C000MENTION4', user: 'U000GUEST2' }),
    );
    const [eph] = await slack.fake.waitFor('chat.postEphemeral');
    expect(eph?.params.user).toBe('U000GUEST2');
    expect(blocksText(eph?.params.blocks)).toContain('guest');
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('replies privately when the channel cannot be checked (fail closed)', async () => {
    slack.fake.setNextResponse('conversations.info', { ok: false, error: 'missing_scope' });
    const mention = appMention({ text: 'victims', channel: 'C000UNSURE' });
    const body = JSON.parse(mention.body) as Record<string, unknown>;
    delete body.is_ext_shared_channel;
    await postToSlackEndpoint(slack.bot.url, { ...mention, body: JSON.stringify(body) });
    const [eph] = await slack.fake.waitFor('chat.postEphemeral');
    expect(blocksText(eph?.params.blocks)).toContain('could not check');
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('retries a post that got 429 after Retry-After, and the message arrives once', async () => {
    slack.fake.ratelimit('chat.postMessage', 1, 1);
    await postToSlackEndpoint(slack.bot.url, appMention({ text: 'actor', channel: 'C000LIMITED' }));
    await slack.fake.waitFor('chat.postMessage', 1, 15_000);
    expect(slack.fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
  });

  it('never pings: <!channel>, <!here> and <@U…> in the question come back defused', async () => {
    await postToSlackEndpoint(
      slack.bot.url,
      appMention({ text: '<!channel> <!here> <@U0SOMEONE> &lt;b&gt; timeline', channel: 'C000PING' }),
    );
    const [post] = await slack.fake.waitFor('chat.postMessage');
    expect(JSON.stringify(post?.params.blocks)).not.toMatch(PING);
    expect(String(post?.params.text)).not.toMatch(PING);
  });
});

describe('retries across a restart', () => {
  it('drops the retry of an event answered before the server restarted on the same DATA_DIR', async () => {
    const dataDir = await newDataDir();
    const first = await startSlackBot(slack.fake, { dataDir });
    const mention = appMention({ text: 'victims', channel: 'C000RESTART' });
    try {
      await postToSlackEndpoint(first.url, mention);
      await slack.fake.waitFor('chat.postMessage');
    } finally {
      await first.close();
    }
    const second = await startSlackBot(slack.fake, { dataDir });
    try {
      const retry = await postToSlackEndpoint(second.url, mention, { headers: { 'x-slack-retry-num': '1' } });
      expect(retry.status).toBe(200);
      await postToSlackEndpoint(second.url, appMention({ text: 'status', channel: 'C000RESTART' }));
      await slack.fake.waitFor('chat.postMessage', 2);
      expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(2);
      expect(blocksText(slack.fake.callsTo('chat.postMessage')[1]?.params.blocks)).toContain(
        second.coreAnswer('status').title,
      );
    } finally {
      await second.close(true);
    }
  });
});

describe('direct messages and the Home tab', () => {
  it('answers a direct message in place', async () => {
    await postToSlackEndpoint(slack.bot.url, directMessage({ text: 'victims', channel: 'D000DM1' }));
    const [post] = await slack.fake.waitFor('chat.postMessage');
    expect(post?.params.channel).toBe('D000DM1');
    expect(post?.params.thread_ts).toBeUndefined();
  });

  it('ignores messages from bots and edits', async () => {
    const edited = eventCallback({
      type: 'message',
      channel_type: 'im',
      subtype: 'message_changed',
      channel: 'D000DM2',
      ts: '1.2',
    });
    const fromBot = eventCallback({
      type: 'message',
      channel_type: 'im',
      bot_id: 'B0OTHER',
      text: 'hi',
      channel: 'D000DM2',
      ts: '1.3',
    });
    expect((await postToSlackEndpoint(slack.bot.url, edited)).status).toBe(200);
    expect((await postToSlackEndpoint(slack.bot.url, fromBot)).status).toBe(200);
    await postToSlackEndpoint(slack.bot.url, directMessage({ text: 'status', channel: 'D000DM2' }));
    await slack.fake.waitFor('chat.postMessage');
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('publishes the Home tab with every loaded incident and example questions', async () => {
    await postToSlackEndpoint(
      slack.bot.url,
      eventCallback({ type: 'app_home_opened', user: USER, channel: 'D000HOME', tab: 'home', event_ts: '1.4' }),
    );
    const [publish] = await slack.fake.waitFor('views.publish');
    expect(publish?.params.user_id).toBe(USER);
    const view = publish?.params.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    for (const incident of slack.bot.running.kb.incidents) expect(blocksText(view.blocks)).toContain(incident.id);
    expect(JSON.stringify(view.blocks)).toContain('breach_ask');
  });
});
