/**
 * 👍 / 👎 in Teams over real HTTP against the Bot Connector stand-in: every answer card ends with the two
 * Action.Submit buttons (and stays a valid card), a press comes back through the shared message path and is
 * thanked, a second press on the same message by the same person is not counted, a forged press is answered and
 * not counted, and `feedback` shows the owners' summary. No Teams user or tenant id reaches the store.
 */
import { describe, expect, it } from 'vitest';
import { VOTE_KEY } from '../../adapters/teams/feedback.js';
import { OTHER_USER, submitActivity, TENANT, teamsActivity, USER } from '../fixtures/teams.js';
import { checkAdaptiveCard } from '../unit/teams-card-validator.js';
import { cardsOf, useTeamsBot } from './teams-harness.js';

const teams = useTeamsBot();

interface ActionSet {
  type: string;
  id?: string;
  actions?: Array<{ type: string; title: string; data: Record<string, unknown> }>;
}

/** Asks `text` and returns the feedback token of the answer card, and the id of the activity it answered. */
async function ask(text: string): Promise<{ token: string | undefined; replyId: string }> {
  teams.connector.activities.length = 0;
  const activity = teamsActivity({ text, serviceUrl: teams.serviceUrl() });
  expect((await teams.bot.post(activity)).status).toBe(200);
  const [reply] = await teams.connector.waitFor(1);
  const card = cardsOf(reply!)[0];
  expect(checkAdaptiveCard(card).problems).toEqual([]);
  const set = ((card?.body ?? []) as ActionSet[]).find((e) => e.type === 'ActionSet' && e.id === 'feedback');
  const token = set?.actions?.[0]?.data.feedback as string | undefined;
  if (set) {
    expect(set.actions?.map((a) => [a.type, a.data[VOTE_KEY]])).toEqual([
      ['Action.Submit', 'up'],
      ['Action.Submit', 'down'],
    ]);
  }
  return { token, replyId: `bot-reply-to-${activity.id as string}` };
}

/** Presses a vote button on the message `replyToId` and returns the bot's text reply. */
async function press(data: unknown, replyToId: string, from = USER): Promise<string> {
  teams.connector.activities.length = 0;
  const activity = submitActivity(data, { serviceUrl: teams.serviceUrl(), from, extra: { replyToId } });
  const response = await teams.bot.post(activity);
  expect(response.status).toBe(200);
  const [reply] = await teams.connector.waitFor(1);
  return String(reply?.activity.text ?? '');
}

describe('👍 / 👎 in Teams', () => {
  it('ends every answer card with the two buttons, and help without them', async () => {
    expect((await ask('timeline')).token).toEqual(expect.any(String));
    expect((await ask('help')).token).toBeUndefined();
  });

  it('thanks the voter, counts one vote per message and person, and stores no Teams id', async () => {
    const { token, replyId } = await ask('who were the victims?');
    expect(await press({ [VOTE_KEY]: 'down', feedback: token }, replyId)).toContain('Thanks — noted');
    expect(await press({ [VOTE_KEY]: 'up', feedback: token }, replyId)).toContain('already noted');
    expect(await press({ [VOTE_KEY]: 'up', feedback: token }, replyId, OTHER_USER)).toContain('Thanks — noted');
    expect(await press({ [VOTE_KEY]: 'up', feedback: token }, `${replyId}-other-message`)).toContain('Thanks — noted');

    const stored = await teams.bot.running.store.listFeedback();
    const mine = stored.filter((v) => v.question === 'who were the victims?');
    expect(mine.map((v) => v.vote).sort()).toEqual(['down', 'up', 'up']);
    expect(mine[0]).toMatchObject({ surface: 'teams', incident: 'storm-0558' });
    const dump = JSON.stringify(stored);
    for (const id of [USER.id, USER.aadObjectId, OTHER_USER.id, TENANT, replyId]) expect(dump).not.toContain(id);
  });

  it('answers a forged or malformed press without counting it, and keeps answering', async () => {
    const { token, replyId } = await ask('logging');
    const signature = token?.split('.')[1];
    const forged = `${Buffer.from('{"q":"spam","i":null,"f":[]}').toString('base64url')}.${signature}`;
    for (const data of [
      { [VOTE_KEY]: 'down', feedback: forged },
      { [VOTE_KEY]: 'down', feedback: 42 },
      { [VOTE_KEY]: 'down' },
      { [VOTE_KEY]: 'maybe', feedback: token },
      { [VOTE_KEY]: ['down'], feedback: [token] },
    ]) {
      expect(await press(data, replyId)).toContain('could not be read');
    }
    const stored = await teams.bot.running.store.listFeedback();
    expect(stored.some((v) => v.question === 'spam' || v.question === 'logging')).toBe(false);
    expect((await ask('timeline')).token).toEqual(expect.any(String));
  });

  it('"feedback" shows the owners the week: votes, voted down most, unanswered', async () => {
    const { token, replyId } = await ask('technique');
    await press({ [VOTE_KEY]: 'down', feedback: token }, replyId);
    await ask('zzqx blorp frobnicate');
    teams.connector.activities.length = 0;
    await teams.bot.post(teamsActivity({ text: 'feedback', serviceUrl: teams.serviceUrl() }));
    const [reply] = await teams.connector.waitFor(1);
    const shown = JSON.stringify(cardsOf(reply!));
    expect(shown).toMatch(/Feedback since \d{4}-\d{2}-\d{2}/);
    expect(shown).toContain('Voted down most');
    expect(shown).toContain('technique');
    expect(shown).toContain('Not answered');
    expect(shown).toContain('zzqx blorp frobnicate');
  });
});

describe('👍 / 👎 as a Universal Action (Action.Execute)', () => {
  const invoke = (data: Record<string, unknown>, verb = VOTE_KEY) => ({
    ...teamsActivity({ serviceUrl: teams.serviceUrl(), extra: { replyToId: 'bot-card-execute' } }),
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });

  it('answers the vote in the invoke response: 200 with thanks, then already noted', async () => {
    const { token } = await ask('status');
    const first = await teams.bot.post(invoke({ [VOTE_KEY]: 'up', feedback: token }));
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text)).toMatchObject({ statusCode: 200, value: expect.stringContaining('Thanks — noted') });
    const again = await teams.bot.post(invoke({ [VOTE_KEY]: 'down', feedback: token }));
    expect(JSON.parse(again.text)).toMatchObject({ value: expect.stringContaining('already noted') });
  });

  it('answers a forged or malformed vote with 400, and another action politely', async () => {
    const { token } = await ask('sources');
    const forged = `${Buffer.from('{"q":"spam","i":null,"f":[]}').toString('base64url')}.${token?.split('.')[1]}`;
    for (const data of [{ [VOTE_KEY]: 'down', feedback: forged }, { [VOTE_KEY]: 'sideways', feedback: token }, {}]) {
      const response = await teams.bot.post(invoke(data));
      expect(response.status).toBe(400);
      expect(JSON.parse(response.text)).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    }
    const other = await teams.bot.post(invoke({}, 'somethingElse'));
    expect(other.status).toBe(200);
    const stored = await teams.bot.running.store.listFeedback();
    expect(stored.some((v) => v.question === 'spam' || v.question === 'sources')).toBe(false);
  });
});
