// A digest schedule without a zone uses the asker's Slack time zone (users.info → tz), else UTC. The zone comes from
// the same cached users.info the guest check uses: one call per person, whether they use /breach, a mention or a DM.
import { describe, expect, it } from 'vitest';
import { appMention, directMessage, postToSlackEndpoint, slashCommand, TEAM } from '../fixtures/slack.js';
import { blocksText, useSlackBot } from './slack-harness.js';

const slack = useSlackBot();

/** The UTC time of day ("08:00") of the first `hh:mm` in `zone` after `from`, worked out from the date (DST-safe). */
function nextLocalTimeInUtc(hhmm: string, zone: string, from = new Date()): string {
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const start = Math.ceil(from.getTime() / 900_000) * 900_000;
  for (let t = start; t < start + 3 * 86_400_000; t += 900_000) {
    if (local.format(new Date(t)) === hhmm) return new Date(t).toISOString().slice(11, 16);
  }
  throw new Error(`${hhmm} never happens in ${zone}`);
}

const ackText = (res: { json?: unknown }) => blocksText((res.json as { blocks?: unknown }).blocks);

async function subscriptionZone(channel: string): Promise<string | undefined> {
  const subs = await slack.bot.running.store.findSubscriptions({
    platform: 'slack',
    workspace: TEAM,
    conversation: channel,
  });
  return subs[0]?.timeZone;
}

describe('digest time zone', () => {
  it('"/breach digest daily 09:00" uses the asker\'s Slack zone, and "digest status" shows it with UTC', async () => {
    const user = 'U000BERLIN';
    const channel = 'C000TZBERLIN';
    slack.fake.setUser(user, { tz: 'Europe/Berlin' });
    const utc = nextLocalTimeInUtc('09:00', 'Europe/Berlin');
    const month = new Date().getUTCMonth();
    if (month === 0 || month === 1 || month === 10 || month === 11) expect(utc).toBe('08:00'); // winter: CET = UTC+1

    const res = await postToSlackEndpoint(
      slack.bot.url,
      slashCommand({ text: 'digest daily 09:00', user_id: user, channel_id: channel }),
    );
    expect(res.status).toBe(200);
    expect(ackText(res)).toContain('daily 09:00 Europe/Berlin');
    expect(await subscriptionZone(channel)).toBe('Europe/Berlin');

    const status = await postToSlackEndpoint(
      slack.bot.url,
      slashCommand({ text: 'digest status', user_id: user, channel_id: channel }),
    );
    const shown = ackText(status);
    expect(shown).toContain('Schedule: daily 09:00 Europe/Berlin');
    expect(shown).toContain(`in UTC: daily ${utc} UTC`);
    expect(shown).toContain(`09:00 Europe/Berlin (${utc} UTC`);
    // the zone came from one users.info call, reused by the second command
    expect(slack.fake.callsTo('users.info').filter((c) => c.params.user === user)).toHaveLength(1);
  });

  it("a zone named in the command wins over the asker's zone", async () => {
    slack.fake.setUser('U000TOKYO', { tz: 'Asia/Tokyo' });
    await postToSlackEndpoint(
      slack.bot.url,
      slashCommand({ text: 'digest daily 09:00 America/New_York', user_id: 'U000TOKYO', channel_id: 'C000TZNAMED' }),
    );
    expect(await subscriptionZone('C000TZNAMED')).toBe('America/New_York');
  });

  it('falls back to UTC when Slack has no zone for the asker', async () => {
    await postToSlackEndpoint(
      slack.bot.url,
      slashCommand({ text: 'digest daily 09:00', user_id: 'U000NOZONE', channel_id: 'C000TZNONE' }),
    );
    expect(await subscriptionZone('C000TZNONE')).toBe('UTC');
  });

  it('falls back to UTC when users.info fails', async () => {
    slack.fake.setNextResponse('users.info', { ok: false, error: 'user_not_found' });
    await postToSlackEndpoint(
      slack.bot.url,
      slashCommand({ text: 'digest daily 09:00', user_id: 'U000FAILS', channel_id: 'C000TZFAIL' }),
    );
    expect(await subscriptionZone('C000TZFAIL')).toBe('UTC');
  });

  it("a mention uses the asker's zone, with a single users.info for the guest check and the zone", async () => {
    slack.fake.setUser('U000NEWYORK', { tz: 'America/New_York' });
    await postToSlackEndpoint(
      slack.bot.url,
      appMention({ text: 'digest weekly monday 07:30', user: 'U000NEWYORK', channel: 'C000TZMENTION' }),
    );
    await slack.fake.waitFor('chat.postMessage');
    expect(await subscriptionZone('C000TZMENTION')).toBe('America/New_York');
    expect(slack.fake.callsTo('users.info')).toHaveLength(1);
  });

  it("a direct message uses the asker's zone", async () => {
    slack.fake.setUser('U000DMZONE', { tz: 'Asia/Tokyo' });
    await postToSlackEndpoint(slack.bot.url, directMessage({ text: 'digest daily 06:00', user: 'U000DMZONE' }));
    const [post] = await slack.fake.waitFor('chat.postMessage');
    expect(blocksText(post?.params.blocks)).toContain('daily 06:00 Asia/Tokyo');
  });
});
