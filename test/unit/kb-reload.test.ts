// Change without restart, the parts without I/O: the holder swaps the knowledge base whole and says what changed;
// a message handler reads the knowledge base once per message; the next digest after a change says what changed.
import { describe, expect, it } from 'vitest';
import { createMessageHandler } from '../../src/chat/handle-message.js';
import { compareKnowledge, createKnowledgeHolder } from '../../src/chat/knowledge-holder.js';
import type { Answer } from '../../src/core/answer.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { type IncidentInput, incidentSchema } from '../../src/core/model.js';
import { createScheduler } from '../../src/digest/scheduler.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { projectLanguage } from '../fixtures/language.js';
import { makeSubscription } from '../store-contract.js';
import { fixtureIncident } from './digest-fixture.js';

function kbOf(incidents: IncidentInput[], version: string): KnowledgeBase {
  return createKnowledgeBase({
    incidents: incidents.map((i) => incidentSchema.parse(i)),
    synonyms: [],
    language: projectLanguage(),
    version,
    defaultIncident: incidents[0]?.id,
  });
}

const base = fixtureIncident();
const other = fixtureIncident({ id: 'other-breach', title: 'Another made-up breach', aliases: ['other'] });
const edited: IncidentInput = {
  ...base,
  timeline: [
    ...(base.timeline ?? []).map((e, n) => (n === 0 ? { ...e, title: `${e.title}, as corrected` } : e)),
    { id: 'tl-2024-01-02', date: '2024-01-02', title: 'A follow-up report is published', sources: ['src-b'] },
  ],
};

describe('the knowledge holder', () => {
  it('swaps the knowledge base whole and counts incidents and facts added, changed and removed', () => {
    const before = kbOf([base], 'v1');
    const after = kbOf([edited, other], 'v2');
    const holder = createKnowledgeHolder(before);
    expect(holder.live.version).toBe('v1');
    const change = holder.swap(after);
    expect(change).toMatchObject({
      fromVersion: 'v1',
      toVersion: 'v2',
      incidentsAdded: ['other-breach'],
      incidentsRemoved: [],
      factsChanged: 1,
    });
    expect(change.factsAdded).toBe(1 + countFacts(other));
    expect(holder.current()).toBe(after);
    expect(holder.live.version).toBe('v2');
    expect(holder.live.incident('other-breach')?.title).toBe('Another made-up breach');
    expect(compareKnowledge(after, before)).toMatchObject({ incidentsRemoved: ['other-breach'], factsRemoved: 1 });
  });

  it('answers a message from the knowledge base in place when it started, even across a swap', async () => {
    const holder = createKnowledgeHolder(kbOf([base], 'v1'));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // a slow handler (the hunt command's) gets the knowledge base the message started with
    const handle = createMessageHandler({
      kb: holder.current,
      hunt: async (_command, kb) => {
        const version = kb.version;
        await gate;
        return {
          kind: 'answer',
          intent: 'hunt',
          title: kb.incident(base.id)?.timeline[0]?.title,
          kbVersion: version,
        } as Answer;
      },
    });
    const inFlight = handle({ platform: 'web', text: 'hunt' });
    holder.swap(kbOf([edited], 'v2'));
    const after = await handle({ platform: 'web', text: 'timeline' });
    release();
    const answered = await inFlight;
    expect(answered.intent).toBe('hunt');
    expect(answered.kbVersion).toBe('v1');
    expect(answered.title).not.toContain('as corrected');
    expect(after.kbVersion).toBe('v2');
    expect(after.facts.some((f) => f.text.includes('as corrected'))).toBe(true);
  });
});

function countFacts(incident: IncidentInput): number {
  const kb = kbOf([incident], 'count');
  return compareKnowledge(kbOf([], 'empty'), kb).factsAdded;
}

describe('the next digest after a change', () => {
  it('says what changed: versions, incidents added, facts added and changed in its incident', async () => {
    const store = createMemoryStore();
    const sub = makeSubscription({ incident: base.id, kind: 'weekly', createdAt: '2026-11-01T00:00:00.000Z' });
    await store.saveSubscription(sub);
    let current = kbOf([base], 'v1');
    const posts: Answer[] = [];
    const scheduler = createScheduler({
      store,
      kb: () => current,
      deliver: {
        slack: async (_s, answer) => {
          posts.push(answer);
          return { ok: true };
        },
      },
      replicaId: 'r1',
    });
    await scheduler.runDuePass(new Date('2026-11-30T08:00:00.000Z'));
    expect(posts[0]?.sections.some((s) => s.heading === 'Knowledge base updated')).toBe(false);

    current = kbOf([edited, other], 'v2');
    await scheduler.runDuePass(new Date('2026-12-01T08:00:00.000Z'));
    const note = posts[1]?.sections[0];
    expect(note?.heading).toBe('Knowledge base updated');
    expect(note?.text).toBe(
      'The knowledge base changed since the last digest (version v1 → v2). Incidents added: other-breach. In demo-breach: 1 fact(s) added, 1 changed.',
    );

    await scheduler.runDuePass(new Date('2026-12-02T08:00:00.000Z'));
    expect(posts[2]?.sections.some((s) => s.heading === 'Knowledge base updated')).toBe(false);
  });
});
