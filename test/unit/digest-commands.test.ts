import { describe, expect, it } from 'vitest';
import { createMessageHandler, type Inbound } from '../../src/chat/handle-message.js';
import type { Answer } from '../../src/core/answer.js';
import type { Command } from '../../src/core/command.js';
import { createDigestCommandHandler } from '../../src/digest/commands.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { fixtureKb } from './digest-fixture.js';

const kb = fixtureKb();
const NOW = new Date('2026-11-30T10:00:00.000Z'); // Monday
const where = { platform: 'slack' as const, workspace: 'T0TEST', conversation: 'C0CMD' };
const inbound = (extra: Partial<Inbound> = {}): Inbound => ({
  platform: 'slack',
  text: 'digest',
  conversation: where,
  userId: 'U0ASK',
  ...extra,
});
const digest = (
  body: Command extends infer C ? (C extends { type: 'digest' } ? Omit<C, 'raw' | 'type'> : never) : never,
) => ({ type: 'digest', raw: 'digest', ...body }) as Command & { type: 'digest' };
const text = (a: Answer) => [a.title, ...a.sections.map((s) => `${s.heading ?? ''}\n${s.text ?? ''}`)].join('\n');

function setup() {
  const store = createMemoryStore();
  let n = 0;
  const handle = createDigestCommandHandler({ store, kb, newId: () => `sub-${++n}` });
  return { store, handle };
}

describe('digest commands', () => {
  it('subscribes daily in the named zone and says when the next post is, in the zone and in UTC', async () => {
    const { store, handle } = setup();
    const answer = await handle(digest({ action: 'daily', time: '09:00', timeZone: 'Europe/Berlin' }), inbound(), NOW);
    expect(answer).toMatchObject({
      kind: 'answer',
      intent: 'digest',
      incident: 'demo-breach',
      title: 'Digest scheduled',
    });
    expect(text(answer)).toContain('Next post: Tuesday, 1 December 2026, 09:00 Europe/Berlin (08:00 UTC).');
    expect(await store.listSubscriptions()).toEqual([
      expect.objectContaining({
        id: 'sub-1',
        ...where,
        incident: 'demo-breach',
        cron: '0 9 * * *',
        timeZone: 'Europe/Berlin',
        label: 'daily 09:00 Europe/Berlin',
        kind: 'daily',
        createdAt: NOW.toISOString(),
        createdBy: 'U0ASK',
        consecutiveFailures: 0,
        paused: false,
      }),
    ]);
  });

  it("uses the asker's time zone when none is given, else UTC", async () => {
    const { store, handle } = setup();
    await handle(
      digest({ action: 'weekly', day: 1, time: '08:30' }),
      inbound({ userTimeZone: 'America/New_York' }),
      NOW,
    );
    expect((await store.listSubscriptions())[0]?.label).toBe('weekly Monday 08:30 America/New_York');
    await handle(digest({ action: 'daily', time: '07:00' }), inbound(), NOW);
    expect((await store.listSubscriptions()).map((s) => s.label)).toEqual(['daily 07:00 UTC']);
  });

  it('replaces the subscription of the conversation and keeps what it already posted', async () => {
    const { store, handle } = setup();
    await handle(digest({ action: 'daily', time: '09:00', timeZone: 'UTC' }), inbound(), NOW);
    await store.updateSubscription('sub-1', { lastPostedAt: '2026-11-30T09:00:00.000Z', state: '{"rotation":4}' });
    const answer = await handle(digest({ action: 'weekly', day: 5, time: '16:00', timeZone: 'UTC' }), inbound(), NOW);
    expect(answer.title).toBe('Digest schedule changed');
    expect(text(answer)).toContain('replaces the earlier schedule (daily 09:00 UTC)');
    const subs = await store.listSubscriptions();
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({
      id: 'sub-2',
      kind: 'weekly',
      lastPostedAt: '2026-11-30T09:00:00.000Z',
      state: '{"rotation":4}',
    });
  });

  it.each([
    [{ action: 'daily' as const, time: '24:00', timeZone: 'UTC' }, /not a time of day/],
    [{ action: 'daily' as const, time: '09:00', timeZone: 'Europe/Atlantis' }, /not a time zone/],
    [{ action: 'weekly' as const, day: 9, time: '09:00', timeZone: 'UTC' }, /day of the week/],
    [{ action: 'invalid' as const, error: 'Say daily or weekly.' }, /Say daily or weekly/],
  ])('refuses %o with an example and stores nothing', async (body, message) => {
    const { store, handle } = setup();
    const answer = await handle(digest(body), inbound(), NOW);
    expect(answer.kind).toBe('clarify');
    expect(text(answer)).toMatch(message);
    expect(answer.suggestions).toContain('digest daily 09:00 Europe/Berlin');
    expect(await store.listSubscriptions()).toEqual([]);
  });

  it('needs a conversation to subscribe', async () => {
    const { store, handle } = setup();
    const answer = await handle(
      digest({ action: 'daily', time: '09:00' }),
      inbound({ platform: 'cli', conversation: undefined }),
      NOW,
    );
    expect(text(answer)).toMatch(/Slack channel or a Teams conversation/);
    expect(await store.listSubscriptions()).toEqual([]);
  });

  it('status: schedule, next and last post, last error; paused subscriptions say so', async () => {
    const { store, handle } = setup();
    expect((await handle(digest({ action: 'status' }), inbound(), NOW)).title).toBe('No digest in this conversation');
    await handle(digest({ action: 'weekly', day: 1, time: '09:00', timeZone: 'America/New_York' }), inbound(), NOW);
    await store.updateSubscription('sub-1', {
      lastPostedAt: '2026-11-23T14:00:00.000Z',
      lastKbVersion: 'kb-1',
      lastError: 'not_in_channel',
      lastErrorAt: '2026-11-30T14:00:00.000Z',
      consecutiveFailures: 1,
    });
    const status = text(await handle(digest({ action: 'status' }), inbound(), NOW));
    expect(status).toContain('Schedule: weekly Monday 09:00 America/New_York (in UTC: weekly Monday 14:00 UTC)');
    expect(status).toContain('Next post: Monday, 30 November 2026, 09:00 America/New_York (14:00 UTC)');
    expect(status).toContain(
      'Last post: Monday, 23 November 2026, 09:00 America/New_York (14:00 UTC) (knowledge base kb-1)',
    );
    expect(status).toContain('Last error: not_in_channel at Monday, 30 November 2026, 09:00 America/New_York');
    await store.updateSubscription('sub-1', { consecutiveFailures: 3, paused: true });
    const paused = text(await handle(digest({ action: 'status' }), inbound(), NOW));
    expect(paused).toContain('Paused after 3 failed posts in a row');
    expect(paused).not.toContain('Next post');
  });

  it('off removes the subscription; a second off says there was none', async () => {
    const { store, handle } = setup();
    await handle(digest({ action: 'daily', time: '09:00', timeZone: 'UTC' }), inbound(), NOW);
    expect((await handle(digest({ action: 'off' }), inbound(), NOW)).title).toBe('Digest turned off');
    expect(await store.listSubscriptions()).toEqual([]);
    expect((await handle(digest({ action: 'off' }), inbound(), NOW)).title).toBe('No digest to turn off');
  });

  it('preview shows the digest that would be posted, and says when a daily one would stay silent', async () => {
    const { store, handle } = setup();
    const first = await handle(digest({ action: 'preview' }), inbound(), NOW);
    expect(first.title).toMatch(/^Preview: Demo breach: digest, /);
    await handle(digest({ action: 'daily', time: '09:00', timeZone: 'UTC' }), inbound(), NOW);
    const { factHashes } = await import('../../src/core/fact-hashes.js');
    const incident = kb.defaultIncident;
    if (!incident) throw new Error('no incident');
    await store.updateSubscription('sub-1', { state: JSON.stringify({ hashes: factHashes(incident), rotation: 1 }) });
    const quiet = await handle(digest({ action: 'preview' }), inbound(), NOW);
    expect(text(quiet)).toContain('daily digest would stay silent');
  });

  it('is what the shared message handler calls for digest commands', async () => {
    const store = createMemoryStore();
    const handler = createMessageHandler({
      kb,
      store,
      digest: createDigestCommandHandler({ store, kb }),
      now: () => NOW,
    });
    const answer = await handler(inbound({ text: 'digest weekly monday 09:00 America/New_York' }));
    expect(answer.intent).toBe('digest');
    expect((await store.listSubscriptions()).map((s) => s.label)).toEqual(['weekly Monday 09:00 America/New_York']);
  });
});
