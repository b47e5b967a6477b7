// Incidents that are not loaded get `none`, by rule and with no list of other incidents (issue "answers that
// generalize", item 2): 56 questions about real incidents the knowledge base does not hold, asked of the bundled data
// and of the bundled data with every breaches.cloud write-up; then the same kind of questions answered once a small
// fixture incident for three of them is loaded.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answerLead } from '../../src/cli/eval-score.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

const root = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(root, '../shared/corpus/breaches.cloud');
const fixtures = path.join(root, 'test/fixtures/kb/newly-loaded/incidents');
const cases = parse(readFileSync(path.join(import.meta.dirname, 'not-loaded.yaml'), 'utf8')) as Array<{
  q: string;
  gap?: string;
}>;
const now = new Date('2026-12-01T12:00:00Z');

async function kbOf(dirs: string[]): Promise<KnowledgeBase> {
  const loaded = await loadKnowledgeBase({ dir: dirs, snapshot: false });
  return createKnowledgeBase(loaded.data);
}
const ask = (kb: KnowledgeBase, q: string) => respond(kb, parseCommand(q, kb), { now });

describe('incidents that are not loaded', () => {
  let bundled: KnowledgeBase;
  beforeAll(async () => {
    bundled = await kbOf([path.join(root, 'data/incidents')]);
  }, 120_000);

  it('asks at least 50 questions about incidents that are not loaded', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
  });

  it.each(cases.map((c) => [c.q]))('bundled data: "%s" gets no answer from another incident', (q) => {
    expect(ask(bundled, q).kind).not.toBe('answer');
  });
});

describe.skipIf(!existsSync(corpus))('incidents that are not loaded, with every write-up loaded', () => {
  let all: KnowledgeBase;
  beforeAll(async () => {
    all = await kbOf([path.join(root, 'data/incidents'), corpus]);
  }, 120_000);
  for (const c of cases) {
    // a known gap is asserted as one: when it is fixed, this test says so and the gap mark must go
    (c.gap === 'with-write-ups' ? it.fails : it)(
      `with write-ups: "${c.q}" gets no answer from another incident`,
      () => {
        expect(ask(all, c.q).kind).not.toBe('answer');
      },
    );
  }
});

describe('the same questions once the incident is loaded', () => {
  let withFixtures: KnowledgeBase;
  beforeAll(async () => {
    withFixtures = await kbOf([path.join(root, 'data/incidents'), fixtures]);
  }, 120_000);
  it.each([
    ['when did the equifax breach happen?', '2017-05-13'],
    ['who hacked colonial pipeline', 'DarkSide'],
    ['how did they get into equifax', 'Struts'],
  ])('"%s" is answered from the loaded incident', (q, lead) => {
    const answer = ask(withFixtures, q);
    expect(answer.kind).toBe('answer');
    expect(answerLead(answer)).toContain(lead.toLowerCase());
  });
  it('and still not from another incident when asked about one that is not loaded', () => {
    expect(ask(withFixtures, 'when did the yahoo breach happen?').kind).not.toBe('answer');
  });
});
