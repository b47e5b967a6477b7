// The `hunt` chat command: parsed by the core into a hunt command with its words, routed by the shared message
// handler to src/hunt, answered with one code block per query for the platform the words name.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMessageHandler } from '../../src/chat/handle-message.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { platformFromWords } from '../../src/hunt/platforms.js';
import { type HuntCommand, respondHunt } from '../../src/hunt/respond-hunt.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { fixtureKb } from '../fixtures/core-kb.js';

const root = path.resolve(import.meta.dirname, '../..');
let kb: KnowledgeBase;
beforeAll(async () => {
  const loaded = await loadKnowledgeBase({ dir: [path.join(root, 'data/incidents')] });
  kb = createKnowledgeBase(loaded.data);
});

describe('parsing hunt commands', () => {
  it('reads `hunt`, `hunt splunk`, a leading incident and a typo of the command word', () => {
    expect(parseCommand('hunt', kb)).toMatchObject({ type: 'hunt' });
    expect(parseCommand('hunt', kb)).not.toHaveProperty('words');
    expect(parseCommand('hunt splunk', kb)).toMatchObject({ type: 'hunt', words: 'splunk' });
    expect(parseCommand('/breach hunting queries for sentinel', kb)).toMatchObject({
      type: 'hunt',
      words: 'queries for sentinel',
    });
    expect(parseCommand('storm-0558 hunt sigma', kb)).toMatchObject({
      type: 'hunt',
      incident: 'storm-0558',
      words: 'sigma',
    });
    expect(parseCommand('huntng kql', kb)).toMatchObject({ type: 'hunt', words: 'kql' });
  });

  it('maps the words people use to a platform, first named first', () => {
    expect(platformFromWords('splunk please')).toBe('spl');
    expect(platformFromWords('for microsoft sentinel')).toBe('kql');
    expect(platformFromWords('Defender advanced hunting')).toBe('kql');
    expect(platformFromWords('search-unifiedauditlog')).toBe('powershell');
    expect(platformFromWords('sigma rules, not splunk')).toBe('sigma');
    expect(platformFromWords('queries for this')).toBeUndefined();
  });
});

describe('answering hunt commands', () => {
  it('gives KQL by default: one section per query with its code, the why cited, the other platforms offered', () => {
    const answer = respondHunt(kb, parseCommand('hunt', kb) as HuntCommand);
    expect(answer.kind).toBe('answer');
    expect(answer.intent).toBe('hunt');
    const code = answer.sections.flatMap((s) => (s.code ? [s.code] : []));
    expect(code.length).toBe(7);
    expect(code.every((c) => c.language === 'kql')).toBe(true);
    expect(answer.facts.map((f) => f.id)).toEqual([
      'mailitemsaccessed-new-app',
      'indicator-ips',
      'indicator-user-agents',
      'signing-key-id',
    ]);
    expect(answer.sources.map((s) => s.id)).toContain('cisa-aa23-193a');
    expect(answer.suggestions).toEqual(['hunt splunk', 'hunt powershell', 'hunt sigma', 'indicators']);
  });

  it('gives the platform the words name', () => {
    const answer = respondHunt(kb, parseCommand('hunt for splunk', kb) as HuntCommand);
    const code = answer.sections.flatMap((s) => (s.code ? [s.code] : []));
    expect(code.every((c) => c.language === 'spl')).toBe(true);
    expect(answer.title).toContain('Splunk');
    expect(answer.suggestions).toContain('hunt kql');
  });

  it('says so when the words name no platform it knows, and gives KQL', () => {
    const answer = respondHunt(kb, parseCommand('hunt qradar', kb) as HuntCommand);
    expect(answer.sections[0]?.text).toContain('I don\'t know "qradar" as a platform');
    expect(answer.sections.some((s) => s.code?.language === 'kql')).toBe(true);
  });

  it('answers kind none for an incident without detections, pointing at indicators and logging', () => {
    const fixture = fixtureKb();
    const answer = respondHunt(fixture, parseCommand('hunt', fixture) as HuntCommand);
    expect(answer.kind).toBe('none');
    expect(answer.suggestions).toEqual(['indicators', 'logging']);
  });

  it('the message handler routes hunt commands to the hunt dependency, and everything else to the core', async () => {
    const handle = createMessageHandler({ kb, hunt: (command) => respondHunt(kb, command) });
    const hunt = await handle({ platform: 'slack', text: 'hunt powershell' });
    expect(hunt.intent).toBe('hunt');
    expect(hunt.sections.some((s) => s.code?.text.includes('Search-UnifiedAuditLog'))).toBe(true);
    const timeline = await handle({ platform: 'slack', text: 'timeline' });
    expect(timeline.intent).toBe('timeline');
  });
});
