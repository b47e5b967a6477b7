// An indicator asked about in chat ("seeing 192.0.2.15 in our logs, is that one of theirs") is looked up: the
// words around it are never read as the name of an incident that is not loaded. The project fixture.
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { fixtureData } from '../fixtures/core-kb.js';

const kb = createKnowledgeBase(fixtureData());
const ask = (q: string) => respond(kb, parseCommand(q, kb), { now: new Date('2025-01-01T00:00:00Z') });

describe('an indicator in a chatty question', () => {
  it('is looked up, whatever the words before it', () => {
    for (const q of [
      'seeing 192.0.2.15 in our logs, is that one of their ips or nah',
      'spotted 192.0.2.15 in our proxy logs - theirs?',
    ]) {
      const a = ask(q);
      expect(a.kind).toBe('answer');
      expect(a.intent).toBe('indicators');
      expect(a.title).toContain('192.0.2[.]15');
    }
  });
});
