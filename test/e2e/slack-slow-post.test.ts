// Issue 12.2: a chat.postMessage that Slack answers slowly (12 s) has been posted; the Web API client must not
// send it again when it stops waiting. The fake Web API records each call on arrival and answers this one after
// 12 s; a control mention answered afterwards shows everything before it has been handled.
import { expect, it } from 'vitest';
import { appMention, postToSlackEndpoint } from '../fixtures/slack.js';
import { useSlackBot } from './slack-harness.js';

const slack = useSlackBot();

it('posts a slowly answered reply once, and says no "Sorry"', async () => {
  slack.fake.delayNext('chat.postMessage', 12_000);
  const res = await postToSlackEndpoint(slack.bot.url, appMention({ text: 'victims', channel: 'C000SLOW' }));
  expect(res.status).toBe(200);
  await slack.fake.waitForCall(
    'chat.postMessage',
    (c) => c.params.channel === 'C000SLOW' && c.answered === true,
    20_000,
  );
  await postToSlackEndpoint(slack.bot.url, appMention({ text: 'status', channel: 'C000CONTROL' }));
  await slack.fake.waitForCall('chat.postMessage', (c) => c.params.channel === 'C000CONTROL');
  expect(slack.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C000SLOW')).toHaveLength(1);
  expect(slack.fake.callsTo('chat.postEphemeral')).toHaveLength(0);
}, 30_000);
