import { beforeAll, describe, expect, it } from 'vitest';
import { cardFactIds } from '../../adapters/teams/render.js';
import { queryText, searchExtensionResponse } from '../../adapters/teams/search-extension.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { checkAdaptiveCard } from './teams-card-validator.js';

const NOW = new Date('2026-11-30T09:00:00Z');
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = createKnowledgeBase((await loadKnowledgeBase({ dir: 'data/incidents' })).data);
});

type Result = { type: string; text?: string; attachments?: Array<{ content: unknown; preview?: unknown }> };
const resultOf = (query: string) => searchExtensionResponse(kb, query, NOW).composeExtension as Result;
const idsOf = (r: Result) =>
  (r.attachments ?? []).flatMap((a) => cardFactIds(a.content as Parameters<typeof cardFactIds>[0]));
const coreIds = (text: string) =>
  respond(kb, parseCommand(text, kb), { now: NOW })
    .facts.slice(0, 25)
    .map((f) => f.id);

describe('search-based message extension', () => {
  it.each(['victims', 'logging', 'indicators', 'key revoked'])(
    'offers one valid result card per fact the core finds for "%s"',
    (query) => {
      const result = resultOf(query);
      expect(result.type).toBe('result');
      expect(idsOf(result)).toEqual(coreIds(query));
      for (const a of result.attachments ?? []) {
        expect(checkAdaptiveCard(a.content).problems).toEqual([]);
        expect(a.preview).toMatchObject({ contentType: 'application/vnd.microsoft.card.thumbnail' });
      }
    },
  );

  it('shows the timeline when the box is opened empty (initialRun)', () => {
    expect(queryText({ commandId: 'searchIncidents', parameters: [{ name: 'initialRun', value: 'true' }] })).toBe('');
    expect(idsOf(resultOf(''))).toEqual(coreIds('timeline'));
  });

  it('says so, with suggestions, when nothing matches', () => {
    const result = resultOf('qwxz plorf zzyzx');
    expect(result.type).toBe('message');
    expect(result.text).toMatch(/Nothing in the knowledge base matches/);
  });

  it('reads the query parameter and ignores malformed values', () => {
    expect(queryText({ parameters: [{ name: 'query', value: '  victims ' }] })).toBe('victims');
    expect(queryText({ parameters: 'nope' })).toBe('');
    expect(queryText(undefined)).toBe('');
  });
});
