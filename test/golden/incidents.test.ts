// The project's questions about the breaches.cloud write-ups (test/golden/incidents.yaml), asked of the curated
// incidents plus the real write-ups where they sit next to the repository (../shared/corpus/breaches.cloud, read
// in place: their licence does not allow copying them here). Skipped, with a message, when that folder is absent.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type EvalCase, parseCases, scoreCase } from '../../src/cli/eval.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

const root = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(root, '../shared/corpus/breaches.cloud');
const present = existsSync(corpus);
if (!present) console.warn(`golden incidents: ${corpus} is absent; these questions are skipped`);
const cases: EvalCase[] = parseCases(readFileSync(path.join(import.meta.dirname, 'incidents.yaml'), 'utf8'));
const now = new Date('2026-01-15T12:00:00Z');
let kb: KnowledgeBase;

describe.skipIf(!present)('golden questions across incidents', () => {
  beforeAll(async () => {
    const loaded = await loadKnowledgeBase({
      dir: [path.join(root, 'data', 'incidents'), corpus],
      defaultIncident: 'storm-0558',
    });
    kb = createKnowledgeBase(loaded.data);
  });

  it('loads the curated incident and the write-ups', () => {
    expect(kb.incidents.length).toBeGreaterThanOrEqual(10);
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases.map((c) => [c.q, c] as const))('%s', (_q, c) => {
    const answer = respond(kb, parseCommand(c.q, kb), { now });
    const result = scoreCase(c, answer);
    expect(result.ok, `${result.reason ?? ''} [${answer.kind}/${answer.intent}: ${answer.title}]`).toBe(true);
  });
});
