// 👍 / 👎 in the shared chat layer: rated answers carry a signed token; a vote is checked, stored once per (surface,
// message, voter) without the voter, a vote down puts the question in the question log, and `feedback` summarizes
// the period. Forged, changed and malformed votes are refused, never thrown.
import { describe, expect, it } from 'vitest';
import { createAnswerMemo } from '../../src/chat/answer-memo.js';
import { createFeedbackWithKey, feedbackTokenOf, voteKeyOf } from '../../src/chat/feedback.js';
import { signFeedbackToken, TOKEN_QUESTION_CHARS, verifyFeedbackToken } from '../../src/chat/feedback-token.js';
import { createMessageHandler } from '../../src/chat/handle-message.js';
import type { Answer } from '../../src/core/answer.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { fixtureKb } from '../fixtures/core-kb.js';

const KEY = 'test-key-not-secret';
const NOW = new Date('2026-11-30T08:00:00.000Z');

function setup() {
  const store = createMemoryStore();
  const feedback = createFeedbackWithKey(KEY, { store, now: () => NOW });
  const handle = createMessageHandler({ kb: fixtureKb(), store, feedback, now: () => NOW });
  return { store, feedback, handle };
}

describe('feedback tokens', () => {
  const content = { question: 'when did it start', incident: 'alpha-2023', factIds: ['tl-1', 'tl-2'] };

  it('carry the question, incident and fact ids, signed', () => {
    const token = signFeedbackToken(KEY, content);
    expect(verifyFeedbackToken(KEY, token)).toEqual(content);
  });

  it('are refused when signed with another key, changed, truncated or not tokens at all', () => {
    const token = signFeedbackToken(KEY, content);
    const [payload, signature] = token.split('.') as [string, string];
    const changed = Buffer.from(JSON.stringify({ q: 'made up', i: null, f: [] })).toString('base64url');
    for (const bad of [
      signFeedbackToken('other-key', content),
      `${changed}.${signature}`,
      `${payload}.${signature.slice(0, -2)}`,
      payload,
      '',
      'a.b.c',
      42,
      null,
      { token },
      `${'A'.repeat(3000)}.${signature}`,
    ]) {
      expect(verifyFeedbackToken(KEY, bad)).toBeUndefined();
    }
  });

  it('stay short enough for a Slack button value with a long question and many facts', () => {
    const token = signFeedbackToken(KEY, {
      question: '日本語の質問'.repeat(200),
      incident: 'x'.repeat(200),
      factIds: Array.from({ length: 50 }, (_, i) => `fact-${'z'.repeat(100)}-${i}`),
    });
    expect(token.length).toBeLessThanOrEqual(2000);
    const content = verifyFeedbackToken(KEY, token);
    expect(content?.question).toHaveLength(TOKEN_QUESTION_CHARS);
    expect(content?.factIds.length).toBeGreaterThan(0);
  });
});

describe('the message handler', () => {
  it('gives a rated answer a token naming its question, incident and facts', async () => {
    const { handle } = setup();
    const answer = await handle({ platform: 'slack', text: 'timeline' });
    expect(answer.kind).toBe('answer');
    const content = verifyFeedbackToken(KEY, feedbackTokenOf(answer));
    expect(content).toEqual({
      question: 'timeline',
      incident: answer.incident,
      factIds: answer.facts.slice(0, 12).map((f) => f.id),
    });
  });

  it('gives no token to help, to questions it could not answer, or without a feedback service', async () => {
    const { handle } = setup();
    expect(feedbackTokenOf(await handle({ platform: 'slack', text: 'help' }))).toBeUndefined();
    const none = await handle({ platform: 'slack', text: 'zzqx blorp frobnicate' });
    expect(none.kind).not.toBe('answer');
    expect(feedbackTokenOf(none)).toBeUndefined();
    const plain = createMessageHandler({ kb: fixtureKb() });
    expect(feedbackTokenOf(await plain({ platform: 'slack', text: 'timeline' }))).toBeUndefined();
  });
});

describe('the feedback command without a feedback service', () => {
  it('says where the summary lives instead of searching the knowledge base for "feedback"', async () => {
    const plain = createMessageHandler({ kb: fixtureKb() });
    const answer = await plain({ platform: 'slack', text: 'feedback' });
    expect(answer.kind).toBe('none');
    expect(answer.title).toBe('No votes are kept here');
    expect(JSON.stringify(answer.sections)).toContain('breachbot feedback');
  });
});

describe('recording votes', () => {
  it('stores the vote with question, facts, incident, surface and time, and no voter or message id', async () => {
    const { handle, feedback, store } = setup();
    const answer = await handle({ platform: 'teams', text: 'timeline' });
    const outcome = await feedback.record({
      token: feedbackTokenOf(answer),
      vote: 'up',
      surface: 'teams',
      messageId: 'msg-1',
      voter: 'tenant-1:user-1',
    });
    expect(outcome.status).toBe('counted');
    const [stored] = await store.listFeedback();
    expect(stored).toEqual({
      question: 'timeline',
      incident: answer.incident,
      factIds: answer.facts.slice(0, 12).map((f) => f.id),
      surface: 'teams',
      vote: 'up',
      at: NOW.toISOString(),
    });
    expect(JSON.stringify(await store.listFeedback())).not.toMatch(/user-1|tenant-1|msg-1/);
  });

  it('counts one vote per message and voter; another voter or message counts again', async () => {
    const { handle, feedback, store } = setup();
    const token = feedbackTokenOf(await handle({ platform: 'slack', text: 'timeline' }));
    const vote = (messageId: string, voter: string, v = 'down') =>
      feedback.record({ token, vote: v, surface: 'slack', messageId, voter });
    expect((await vote('m1', 'T1:U1')).status).toBe('counted');
    expect((await vote('m1', 'T1:U1', 'up')).status).toBe('duplicate');
    expect((await vote('m1', 'T1:U2')).status).toBe('counted');
    expect((await vote('m2', 'T1:U1')).status).toBe('counted');
    expect(await store.listFeedback()).toHaveLength(3);
    expect(voteKeyOf('slack', 'm1', 'T1:U1')).not.toBe(voteKeyOf('teams', 'm1', 'T1:U1'));
  });

  it('puts a voted-down question in the question log as downvoted, with a count', async () => {
    const { handle, feedback, store } = setup();
    const token = feedbackTokenOf(await handle({ platform: 'web', text: 'timeline' }));
    await feedback.record({ token, vote: 'down', surface: 'web', messageId: 'a', voter: 'x' });
    await feedback.record({ token, vote: 'down', surface: 'slack', messageId: 'b', voter: 'y' });
    await feedback.record({ token, vote: 'up', surface: 'slack', messageId: 'c', voter: 'z' });
    const logged = await store.listQuestions();
    expect(logged.map((q) => [q.text, q.reason, q.count, q.platforms.sort()])).toEqual([
      ['timeline', 'downvoted', 2, ['slack', 'web']],
    ]);
  });

  it('refuses forged tokens, bad votes and missing ids without storing anything', async () => {
    const { handle, feedback, store } = setup();
    const token = feedbackTokenOf(await handle({ platform: 'slack', text: 'timeline' }));
    const forged = signFeedbackToken('guessed-key', { question: 'spam', incident: null, factIds: [] });
    const tries = [
      { token: forged, vote: 'down' },
      { token, vote: 'sideways' },
      { token, vote: undefined },
      { token: undefined, vote: 'up' },
      { token: { nested: true }, vote: 'up' },
    ];
    for (const t of tries) {
      const outcome = await feedback.record({ ...t, surface: 'slack', messageId: 'm', voter: 'v' });
      expect(outcome.status).toBe('invalid');
    }
    expect((await feedback.record({ token, vote: 'up', surface: 'slack', messageId: '', voter: 'v' })).status).toBe(
      'invalid',
    );
    expect(await store.listFeedback()).toEqual([]);
    expect(await store.listQuestions()).toEqual([]);
  });

  it('says the vote was not saved when the store fails', async () => {
    const store = createMemoryStore();
    const feedback = createFeedbackWithKey(KEY, { store, now: () => NOW });
    const token = signFeedbackToken(KEY, { question: 'q', incident: null, factIds: [] });
    await store.close();
    const outcome = await feedback.record({ token, vote: 'up', surface: 'web', messageId: 'm', voter: 'v' });
    expect(outcome.status).toBe('unavailable');
  });
});

describe('the feedback command', () => {
  it('summarizes the last 7 days: votes, the questions voted down most and the unanswered ones, with counts', async () => {
    const { handle, feedback, store } = setup();
    const timeline = feedbackTokenOf(await handle({ platform: 'slack', text: 'timeline' }));
    const sources = feedbackTokenOf(await handle({ platform: 'slack', text: 'sources' }));
    await feedback.record({ token: timeline, vote: 'down', surface: 'slack', messageId: '1', voter: 'a' });
    await feedback.record({ token: timeline, vote: 'down', surface: 'teams', messageId: '2', voter: 'b' });
    await feedback.record({ token: sources, vote: 'down', surface: 'slack', messageId: '3', voter: 'a' });
    await feedback.record({ token: sources, vote: 'up', surface: 'slack', messageId: '4', voter: 'c' });
    await handle({ platform: 'slack', text: 'zzqx blorp frobnicate' });
    await handle({ platform: 'teams', text: 'zzqx blorp frobnicate' });
    await store.recordFeedback({
      voteKey: 'old',
      question: 'an old vote',
      incident: null,
      factIds: [],
      surface: 'web',
      vote: 'down',
      at: '2026-11-01T00:00:00.000Z',
    });

    const answer = await handle({ platform: 'slack', text: 'feedback' });
    expect(answer.title).toBe('Feedback since 2026-11-23');
    expect(feedbackTokenOf(answer)).toBeUndefined();
    const text = JSON.stringify(answer.sections);
    expect(answer.sections[0]?.text).toBe('Since 2026-11-23: 4 votes, 1 👍 and 3 👎.');
    const down = answer.sections.find((s) => s.heading === 'Voted down most');
    expect(down?.items?.map((i) => [i.label, i.text])).toEqual([
      ['2×', 'timeline'],
      ['1×', 'sources'],
    ]);
    const unanswered = answer.sections.find((s) => s.heading === 'Not answered');
    expect(unanswered?.items?.map((i) => [i.label, i.text])).toEqual([['2×', 'zzqx blorp frobnicate']]);
    expect(text).not.toContain('an old vote');

    const month = await handle({ platform: 'slack', text: 'feedback 30d' });
    expect(JSON.stringify(month.sections)).toContain('an old vote');
  });

  it('is never kept by an answer memo', async () => {
    const { handle } = setup();
    const memo = createAnswerMemo<string>();
    const answer = await handle({ platform: 'slack', text: 'feedback' });
    memo.set('feedback', answer, 'rendered');
    expect(memo.get('feedback')).toBeUndefined();
  });
});

describe('the answer memo after a reload', () => {
  it('does not reuse an answer made from another knowledge-base version', () => {
    let version = 'v1';
    const memo = createAnswerMemo<string>({ version: () => version });
    const answer = { kind: 'answer', intent: 'timeline', kbVersion: 'v1' } as Answer;
    memo.set('timeline', answer, 'old rendering');
    expect(memo.get('timeline')).toBe('old rendering');
    version = 'v2';
    expect(memo.get('timeline')).toBeUndefined();
  });
});
