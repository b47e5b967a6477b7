// Issue 12, Slack items, against the real server on loopback: signed payloads of a shape Slack never sends get 400
// and nothing is posted (12.9, 12.14 url_verification), other bots are not answered (12.14), and /slack/events
// stops a chunked body over its limit with 413 and a closed connection instead of reading it to the end (12.11).
import { describe, expect, it } from 'vitest';
import { SLACK_BODY_LIMIT } from '../../adapters/slack/receiver.js';
import { appMention, directMessage, eventCallback, postToSlackEndpoint, sign } from '../fixtures/slack.js';
import { upload } from '../http-upload.js';
import { useSlackBot, waitForLogLine } from './slack-harness.js';

const slack = useSlackBot();

/** After a control mention is answered, nothing else was posted or sent to a response_url. */
async function expectNothingButTheControl() {
  await postToSlackEndpoint(slack.bot.url, appMention({ text: 'status', channel: 'C000CONTROL' }));
  await slack.fake.waitForCall('chat.postMessage', (c) => c.params.channel === 'C000CONTROL');
  expect(slack.fake.callsTo('chat.postMessage').map((c) => c.params.channel)).toEqual(['C000CONTROL']);
  expect(slack.fake.callsTo('chat.postEphemeral')).toHaveLength(0);
  expect(slack.fake.responses).toHaveLength(0);
}

const form = (fields: Record<string, string>) => ({
  body: new URLSearchParams(fields).toString(),
  contentType: 'application/x-www-form-urlencoded',
});

describe('signed but malformed payloads get 400, never a 500 or a "Sorry" post (12.9)', () => {
  it('a block_actions click without a user', async () => {
    const payload = {
      type: 'block_actions',
      team: { id: 'T000TEST' },
      channel: { id: 'C000MALFORMED' },
      response_url: slack.fake.responseUrl('no-user'),
      actions: [{ type: 'button', action_id: 'breach_ask:0', block_id: 'b1', value: 'victims' }],
    };
    const res = await postToSlackEndpoint(slack.bot.url, form({ payload: JSON.stringify(payload) }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('user');
    await expectNothingButTheControl();
  });

  it('a direct message whose text is an object', async () => {
    const dm = JSON.parse(directMessage({ text: 'victims', channel: 'D000MALFORMED' }).body) as {
      event: Record<string, unknown>;
    };
    dm.event.text = { nested: 'victims' };
    const res = await postToSlackEndpoint(slack.bot.url, { body: JSON.stringify(dm), contentType: 'application/json' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('event.text');
    await expectNothingButTheControl();
  });

  it('a mention whose text is a number, and one without a channel', async () => {
    const numeric = eventCallback({ type: 'app_mention', text: 42, channel: 'C000MALFORMED', user: 'U1', ts: '1.2' });
    expect((await postToSlackEndpoint(slack.bot.url, numeric)).status).toBe(400);
    const nowhere = eventCallback({ type: 'app_mention', text: 'victims', user: 'U1', ts: '1.2' });
    expect((await postToSlackEndpoint(slack.bot.url, nowhere)).status).toBe(400);
    await expectNothingButTheControl();
  });

  it('a slash command without a user', async () => {
    const base = { command: '/breach', team_id: 'T000TEST', channel_id: 'C000MALFORMED', text: 'victims' };
    const res = await postToSlackEndpoint(slack.bot.url, form(base));
    expect(res.status).toBe(400);
    expect(res.text).toContain('user_id');
    await expectNothingButTheControl();
  });
});

describe('people only (12.14)', () => {
  it('a mention from another bot or app is acked and not answered', async () => {
    const request = appMention({ text: 'victims', user: 'U0OTHERBOT', channel: 'C000BOTS' });
    const body = JSON.parse(request.body) as { event: Record<string, unknown> };
    Object.assign(body.event, { bot_id: 'B0OTHER', bot_profile: { id: 'B0OTHER', name: 'other app' } });
    const res = await postToSlackEndpoint(slack.bot.url, { ...request, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    await waitForLogLine(slack.bot.lines, 'slack event ignored: from a bot');
    await expectNothingButTheControl();
  });
});

describe('url_verification (12.14)', () => {
  it('a signed challenge that is not a string gets 400, not "[object Object]"', async () => {
    const body = JSON.stringify({ type: 'url_verification', token: 'x', challenge: { a: 1 } });
    const res = await postToSlackEndpoint(slack.bot.url, { body, contentType: 'application/json' });
    expect(res.status).toBe(400);
    expect(res.text).not.toContain('[object Object]');
  });

  it('a string challenge is still echoed', async () => {
    const body = JSON.stringify({ type: 'url_verification', token: 'x', challenge: 'c-42' });
    const res = await postToSlackEndpoint(slack.bot.url, { body, contentType: 'application/json' });
    expect(res).toMatchObject({ status: 200, json: { challenge: 'c-42' } });
  });
});

describe('body limit while reading (12.11)', () => {
  const signedJson = () => ({ 'content-type': 'application/json', ...sign('') });

  it('stops a chunked body over 1 MB: 413, Connection: close, connection closed', async () => {
    const sent = await upload(`${slack.bot.url}/slack/events`, 3 * SLACK_BODY_LIMIT, { headers: signedJson() });
    expect(sent).toMatchObject({ status: 413, connection: 'close' });
    expect(JSON.parse(sent.text)).toEqual({ error: expect.stringMatching(/larger than 1 MB/) });
  });

  it('answers 413 (not a reset) to a client that never stops sending', async () => {
    const sent = await upload(`${slack.bot.url}/slack/events`, Number.POSITIVE_INFINITY, { headers: signedJson() });
    expect(sent).toMatchObject({ status: 413, connection: 'close' });
    expect(sent.error).toBeUndefined();
  });

  it('keeps answering Slack afterwards', async () => {
    await expectNothingButTheControl();
  });
});
