// 👍 / 👎 in Slack through the real server and signed requests: every answer carries the two buttons, a click is
// acked and answered privately with "Thanks — noted", a second click on the same message by the same person is not
// counted again, a forged button value is not counted (and breaks nothing), and `/breach feedback` shows the
// owners the week's votes and unanswered questions. No Slack user or team id reaches the store.
import { describe, expect, it } from 'vitest';
import { blockAction, postToSlackEndpoint, slashCommand, TEAM, USER } from '../fixtures/slack.js';
import { blocksText, useSlackBot } from './slack-harness.js';

interface AckBody {
  text?: string;
  blocks?: Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>;
}

const slack = useSlackBot();

const voteButtons = (ack: AckBody) =>
  (ack.blocks ?? [])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.action_id?.startsWith('breach_vote:'));

async function askForToken(text: string): Promise<string> {
  const res = await postToSlackEndpoint(slack.bot.url, slashCommand({ text }));
  const buttons = voteButtons(res.json as AckBody);
  expect(buttons.map((b) => b.action_id)).toEqual(['breach_vote:up', 'breach_vote:down']);
  const [up, down] = buttons;
  expect(up?.value).toBe(down?.value);
  return up?.value as string;
}

async function vote(id: string, actionId: string, value: string, user = USER) {
  const res = await postToSlackEndpoint(
    slack.bot.url,
    blockAction({ actionId, value, user, responseUrl: slack.fake.responseUrl(id) }),
  );
  expect(res.status).toBe(200);
  const [reply] = await slack.fake.waitForResponse(id);
  return reply?.body as { text?: string; response_type?: string; replace_original?: boolean };
}

describe('👍 / 👎 in Slack', () => {
  it('puts the two buttons on answers, and none on help', async () => {
    await askForToken('timeline');
    const help = await postToSlackEndpoint(slack.bot.url, slashCommand({ text: 'help' }));
    expect(voteButtons(help.json as AckBody)).toEqual([]);
  });

  it('thanks the voter privately, counts one vote per message and person, and stores no Slack id', async () => {
    const token = await askForToken('who were the victims?');
    const first = await vote('vote-1', 'breach_vote:down', token);
    expect(first.response_type).toBe('ephemeral');
    expect(first.replace_original).toBe(false);
    expect(first.text).toContain('Thanks — noted');
    const again = await vote('vote-2', 'breach_vote:up', token);
    expect(again.text).toContain('already noted');
    const other = await vote('vote-3', 'breach_vote:up', token, 'U000OTHER');
    expect(other.text).toContain('Thanks — noted');

    const stored = await slack.bot.running.store.listFeedback();
    const mine = stored.filter((v) => v.question === 'who were the victims?');
    expect(mine.map((v) => v.vote).sort()).toEqual(['down', 'up']);
    expect(mine[0]).toMatchObject({ surface: 'slack', incident: 'storm-0558' });
    expect(mine[0]?.factIds.length).toBeGreaterThan(0);
    const dump = JSON.stringify(stored);
    for (const id of [USER, 'U000OTHER', TEAM, '1700000000.000100']) expect(dump).not.toContain(id);
    const logged = await slack.bot.running.store.listQuestions();
    expect(logged.find((q) => q.reason === 'downvoted')).toMatchObject({ text: 'who were the victims?', count: 1 });
  });

  it('does not count a forged or changed button value, and keeps answering', async () => {
    const token = await askForToken('logging');
    const [payload] = token.split('.');
    const forged = `${Buffer.from('{"q":"spam spam","i":null,"f":[]}').toString('base64url')}.${token.split('.')[1]}`;
    for (const [i, value] of [forged, `${payload}.AAAAAAAAAAAAAAAAAAAAAA`, 'not-a-token', ''].entries()) {
      const reply = await vote(`forged-${i}`, 'breach_vote:down', value);
      expect(reply.text).toContain('could not be read');
    }
    const sideways = await vote('sideways', 'breach_vote:sideways', token);
    expect(sideways.text).toContain('could not be read');
    const stored = await slack.bot.running.store.listFeedback();
    expect(stored.some((v) => v.question === 'spam spam' || v.question === 'logging')).toBe(false);
    const still = await postToSlackEndpoint(slack.bot.url, slashCommand({ text: 'timeline' }));
    expect(still.status).toBe(200);
  });

  it('refuses an unsigned vote with 401 before any listener runs', async () => {
    const token = await askForToken('actor');
    const before = (await slack.bot.running.store.listFeedback()).length;
    const res = await postToSlackEndpoint(
      slack.bot.url,
      blockAction({ actionId: 'breach_vote:down', value: token, responseUrl: slack.fake.responseUrl('unsigned') }),
      { secret: false },
    );
    expect(res.status).toBe(401);
    expect((await slack.bot.running.store.listFeedback()).length).toBe(before);
  });

  it('/breach feedback shows the week: votes, the questions voted down most, the unanswered ones', async () => {
    const token = await askForToken('technique');
    await vote('summary-1', 'breach_vote:down', token, 'U000SUMMARY1');
    await vote('summary-2', 'breach_vote:down', token, 'U000SUMMARY2');
    await postToSlackEndpoint(slack.bot.url, slashCommand({ text: 'zzqx blorp frobnicate' }));
    const res = await postToSlackEndpoint(slack.bot.url, slashCommand({ text: 'feedback' }));
    const shown = blocksText((res.json as AckBody).blocks);
    expect(shown).toMatch(/Feedback since \d{4}-\d{2}-\d{2}/);
    expect(shown).toMatch(/\d+ 👍 and \d+ 👎/);
    expect(shown).toContain('Voted down most');
    expect(shown).toMatch(/2×.*technique/s);
    expect(shown).toContain('Not answered');
    expect(shown).toContain('zzqx blorp frobnicate');
  });
});
