import { beforeAll, describe, expect, it } from 'vitest';
import { cardFactIds } from '../../adapters/teams/render.js';
import { queryText, searchExtensionResponse } from '../../adapters/teams/search-extension.js';
import { createMessageHandler, type MessageHandler } from '../../src/chat/handle-message.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { createMemoryStore } from '../../src/store/memory.js';
import type { Store } from '../../src/store/store.js';
import { checkAdaptiveCard } from './teams-card-validator.js';

const NOW = new Date('2026-11-30T09:00:00Z');
let kb: KnowledgeBase;
let store: Store;
let handle: MessageHandler;
beforeAll(async () => {
  kb = createKnowledgeBase((await loadKnowledgeBase({ dir: 'data/incidents' })).data);
  store = createMemoryStore();
  handle = createMessageHandler({ kb, store, now: () => NOW });
});

type Result = { type: string; text?: string; attachments?: Array<{ content: unknown; preview?: unknown }> };
const resultOf = async (query: string) => (await searchExtensionResponse(handle, query)).composeExtension as Result;
const idsOf = (r: Result) =>
  (r.attachments ?? []).flatMap((a) => cardFactIds(a.content as Parameters<typeof cardFactIds>[0]));
const coreIds = (text: string) =>
  respond(kb, parseCommand(text, kb), { now: NOW })
    .facts.slice(0, 25)
    .map((f) => f.id);

describe('search-based message extension', () => {
  it.each(['victims', 'logging', 'indicators', 'key revoked'])(
    'offers one valid result card per fact the core finds for "%s"',
    async (query) => {
      const result = await resultOf(query);
      expect(result.type).toBe('result');
      expect(idsOf(result)).toEqual(coreIds(query));
      for (const a of result.attachments ?? []) {
        expect(checkAdaptiveCard(a.content).problems).toEqual([]);
        expect(a.preview).toMatchObject({ contentType: 'application/vnd.microsoft.card.thumbnail' });
      }
    },
  );

  it('shows the timeline when the box is opened empty (initialRun)', async () => {
    expect(queryText({ commandId: 'searchIncidents', parameters: [{ name: 'initialRun', value: 'true' }] })).toBe('');
    expect(idsOf(await resultOf(''))).toEqual(coreIds('timeline'));
  });

  it('says so, with suggestions, when nothing matches, and the query reaches the question log', async () => {
    const result = await resultOf('qwxz plorf zzyzx');
    expect(result.type).toBe('message');
    expect(result.text).toMatch(/Nothing in the knowledge base matches/);
    expect(await store.listQuestions()).toContainEqual(
      expect.objectContaining({ text: 'qwxz plorf zzyzx', platform: 'teams' }),
    );
  });

  it('never sets up a digest from the compose box', async () => {
    const result = await resultOf('digest daily 09:00 UTC');
    expect(result.type).toBe('message');
    expect(await store.listSubscriptions()).toEqual([]);
  });

  it('reads the query parameter and ignores malformed values', () => {
    expect(queryText({ parameters: [{ name: 'query', value: '  victims ' }] })).toBe('victims');
    expect(queryText({ parameters: 'nope' })).toBe('');
    expect(queryText(undefined)).toBe('');
  });
});
