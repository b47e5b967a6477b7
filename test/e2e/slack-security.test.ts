// Requests that are not from Slack, or not what Slack sends, never reach a listener: forged, stale, altered or
// unsigned requests get 401; malformed or hostile payloads get a clear reply or a 4xx, never a 500 and never a ping.
import { describe, expect, it } from 'vitest';
import {
  appMention,
  postToSlackEndpoint,
  type SlackRequest,
  sign,
  slashCommand,
  urlVerification,
} from '../fixtures/slack.js';
import { blocksText, PING, useSlackBot } from './slack-harness.js';

const slack = useSlackBot();

/** Sends a valid mention and waits for its reply, so anything sent before it has been handled too. */
async function expectOnlyTheControlMentionAnswered() {
  await postToSlackEndpoint(slack.bot.url, appMention({ text: 'status', channel: 'C000CONTROL' }));
  await slack.fake.waitFor('chat.postMessage');
  expect(slack.fake.callsTo('chat.postMessage').map((c) => c.params.channel)).toEqual(['C000CONTROL']);
}

describe('signature checks', () => {
  const mention = () => appMention({ text: 'victims', channel: 'C000FORGED' });
  const cases: Array<[string, (r: SlackRequest) => ReturnType<typeof postToSlackEndpoint>]> = [
    ['a forged signature', (r) => postToSlackEndpoint(slack.bot.url, r, { secret: 'not-the-signing-secret' })],
    [
      'a timestamp older than 5 minutes',
      (r) => postToSlackEndpoint(slack.bot.url, r, { ts: Math.floor(Date.now() / 1000) - 6 * 60 }),
    ],
    [
      'a timestamp more than 5 minutes in the future',
      (r) => postToSlackEndpoint(slack.bot.url, r, { ts: Math.floor(Date.now() / 1000) + 6 * 60 }),
    ],
    [
      'a body changed after signing',
      (r) => postToSlackEndpoint(slack.bot.url, r, { tamper: (b) => b.replace('victims', 'timeline') }),
    ],
    ['missing signature headers', (r) => postToSlackEndpoint(slack.bot.url, r, { secret: false })],
    [
      'a missing timestamp header',
      (r) => {
        const { 'x-slack-signature': signature } = sign(r.body);
        return fetch(`${slack.bot.url}/slack/events`, {
          method: 'POST',
          headers: { 'content-type': r.contentType, 'x-slack-signature': signature },
          body: r.body,
        }).then(async (res) => ({ status: res.status, text: await res.text(), json: undefined, headers: res.headers }));
      },
    ],
  ];

  it.each(cases)('%s gets 401 and no listener runs (event)', async (_name, send) => {
    const res = await send(mention());
    expect(res.status).toBe(401);
    await expectOnlyTheControlMentionAnswered();
  });

  it.each(cases)('%s gets 401 and no answer (slash command)', async (_name, send) => {
    const res = await send(slashCommand({ text: 'victims', response_url: slack.fake.responseUrl('forged') }));
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('victims');
    await expectOnlyTheControlMentionAnswered();
    expect(slack.fake.responses).toHaveLength(0);
  });

  it("answers Slack's unsigned ssl_check with 200 and runs nothing, even with a command smuggled in", async () => {
    const probe = new URLSearchParams({ ssl_check: '1', token: 'x', command: '/breach', text: 'victims' }).toString();
    const res = await postToSlackEndpoint(
      slack.bot.url,
      { body: probe, contentType: 'application/x-www-form-urlencoded' },
      { secret: false },
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    await expectOnlyTheControlMentionAnswered();
  });

  it('answers url_verification only when signed', async () => {
    const signed = await postToSlackEndpoint(slack.bot.url, urlVerification('chal-123'));
    expect(signed.status).toBe(200);
    expect(signed.json).toEqual({ challenge: 'chal-123' });
    const unsigned = await postToSlackEndpoint(slack.bot.url, urlVerification('chal-123'), { secret: false });
    expect(unsigned.status).toBe(401);
    expect(unsigned.text).not.toContain('chal-123');
  });
});

describe('hostile payloads', () => {
  const ack = (res: { json: unknown }) => res.json as { response_type?: string; blocks?: unknown[]; text?: string };

  it('a 10 KB question gets a private answer inside the limits, not a 500', async () => {
    const text = `timeline ${'overflow '.repeat(1200)}`.slice(0, 10_240);
    const res = await postToSlackEndpoint(slack.bot.url, slashCommand({ text }));
    expect(res.status).toBe(200);
    expect(ack(res).response_type).toBe('ephemeral');
    const blocks = ack(res).blocks as Array<{
      type: string;
      text?: { text: string };
      elements?: Array<{ text: string }>;
    }>;
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const b of blocks) {
      if (b.type === 'section') expect(b.text?.text.length).toBeLessThanOrEqual(3000);
      if (b.type === 'context') for (const e of b.elements ?? []) expect(e.text.length).toBeLessThanOrEqual(2000);
    }
  });

  it.each([
    ['<!channel> timeline', '<!channel>'],
    ['<!here|here> victims', '<!here'],
    ['<@U0123ABCD> who was affected', '<@U0123ABCD>'],
    ['<!subteam^S012|@security> status', '<!subteam'],
    ['*bold* _it_ <script>alert(1)</script> &amp; `code`', '<script>'],
    ['@channel @here @everyone', '@channel'],
  ])('"%s" never pings or injects markup', async (text) => {
    const res = await postToSlackEndpoint(slack.bot.url, slashCommand({ text }));
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(PING);
    expect(res.text).not.toContain('<script>');
    expect(blocksText(ack(res).blocks)).not.toMatch(/(^|[^\u2060])@(channel|here|everyone)\b/);
  });

  it('invalid JSON (signed) gets 400', async () => {
    const res = await postToSlackEndpoint(slack.bot.url, {
      body: '{"type":"event_callback",',
      contentType: 'application/json',
    });
    expect(res.status).toBe(400);
  });

  it('a form body sent with the wrong content type gets a 4xx', async () => {
    const res = await postToSlackEndpoint(slack.bot.url, {
      ...slashCommand({ text: 'help' }),
      contentType: 'text/plain',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('a signed payload breachbot does not handle gets 400', async () => {
    const res = await postToSlackEndpoint(slack.bot.url, {
      body: JSON.stringify({ type: 'something_else' }),
      contentType: 'application/json',
    });
    expect(res.status).toBe(400);
    const shortcut = new URLSearchParams({ payload: JSON.stringify({ type: 'view_submission' }) }).toString();
    const res2 = await postToSlackEndpoint(slack.bot.url, {
      body: shortcut,
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res2.status).toBe(400);
  });

  it.each([
    ['block_actions without actions', { payload: JSON.stringify({ type: 'block_actions', user: { id: 'U1' } }) }],
    [
      'block_actions with an empty action',
      { payload: JSON.stringify({ type: 'block_actions', user: { id: 'U1' }, actions: [{}] }) },
    ],
    ['a slash command with only a command', { command: '/breach' }],
    ['a slash command with a non-string user', { command: '/breach', text: 'help', user_id: '' }],
  ])('signed but malformed form payload (%s) gets 200 or 4xx, never 500', async (_name, fields) => {
    const body = new URLSearchParams(fields as Record<string, string>).toString();
    const res = await postToSlackEndpoint(slack.bot.url, { body, contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBeLessThan(500);
    expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it.each([
    ['an event without an event type', { type: 'event_callback', event: {} }],
    [
      'a mention without channel or user',
      { type: 'event_callback', event_id: 'EvBare1', event: { type: 'app_mention' } },
    ],
    [
      'a mention with non-string text',
      {
        type: 'event_callback',
        event_id: 'EvBare2',
        event: { type: 'app_mention', text: 42, channel: 'C1', user: 'U1' },
      },
    ],
  ])('signed but malformed event (%s) gets 200 or 4xx, never 500', async (_name, payload) => {
    const res = await postToSlackEndpoint(slack.bot.url, {
      body: JSON.stringify(payload),
      contentType: 'application/json',
    });
    expect(res.status).toBeLessThan(500);
  });

  it('an empty body gets a 4xx', async () => {
    const res = await postToSlackEndpoint(slack.bot.url, { body: '', contentType: 'application/json' });
    expect([400, 401]).toContain(res.status);
  });

  it('a body over 1 MB gets 413', async () => {
    const res = await postToSlackEndpoint(slack.bot.url, slashCommand({ text: 'x'.repeat(1_100_000) }));
    expect(res.status).toBe(413);
  });
});

describe('interactions no listener takes', () => {
  const blockActions = (actions: unknown[] | undefined) => {
    const payload = {
      type: 'block_actions',
      user: { id: 'U000ASKER', team_id: 'T000TEST' },
      team: { id: 'T000TEST' },
      channel: { id: 'C000NOACTION' },
      response_url: slack.fake.responseUrl('no-action'),
      ...(actions ? { actions } : {}),
    };
    return {
      body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      contentType: 'application/x-www-form-urlencoded',
    };
  };

  it.each([
    ['no actions', []],
    ['an unknown action id', [{ type: 'button', action_id: 'not_ours:0', block_id: 'b1', value: 'victims' }]],
    ['an action without an action id', [{ type: 'button', value: 'victims' }]],
  ])('a signed block_actions payload with %s is acked at once with 200 and nothing is posted', async (_n, actions) => {
    const started = performance.now();
    const res = await postToSlackEndpoint(slack.bot.url, blockActions(actions));
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);
    await expectOnlyTheControlMentionAnswered();
    expect(slack.fake.responses).toHaveLength(0);
  });

  it('a signed block_actions payload without an actions field is refused at once with 400', async () => {
    const started = performance.now();
    const res = await postToSlackEndpoint(slack.bot.url, blockActions(undefined));
    expect(res.status).toBe(400);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("request ids in the Slack adapter's log", () => {
  it('a listener failure is logged with the request id the server returned', async () => {
    slack.fake.setNextResponse('chat.postMessage', { ok: false, error: 'channel_not_found' });
    const res = await postToSlackEndpoint(slack.bot.url, appMention({ text: 'victims', channel: 'C000REQID' }));
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(/^[\w.-]+$/);
    await slack.fake.waitFor('chat.postEphemeral');
    const failed = slack.bot.lines
      .map((line) => JSON.parse(line) as { msg?: string; requestId?: string; adapter?: string })
      .filter((line) => line.msg === 'slack listener failed' && line.requestId === requestId);
    expect(failed).toHaveLength(1);
    expect(failed[0]?.adapter).toBe('slack');
  });
});

describe('the HTTP server around it', () => {
  it('returns a request id, 404 for unknown paths and 405 for a wrong method', async () => {
    const notFound = await fetch(`${slack.bot.url}/nope`);
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
    const wrongMethod = await fetch(`${slack.bot.url}/slack/events`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    const given = await fetch(`${slack.bot.url}/healthz`, { headers: { 'x-request-id': 'req-abc.1' } });
    expect(given.headers.get('x-request-id')).toBe('req-abc.1');
  });

  it('is healthy and ready', async () => {
    expect((await fetch(`${slack.bot.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${slack.bot.url}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('never writes the signing secret or the bot token to the log', () => {
    const all = slack.bot.lines.join('\n');
    expect(all).not.toContain('fake-signing-secret');
    expect(all).not.toContain('xoxb-0000-fake-token');
  });
});
