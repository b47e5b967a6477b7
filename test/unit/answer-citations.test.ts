// The Answer additions every surface renders: numbered citations (reposts only where nothing better supports a
// fact, maintainers' notes never shown), `asOf` on time-bound answers, `code` sections, and their `ask --json`
// fields (added, never renamed).
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { citationsOf, citeMarks } from '../../src/core/answer.js';
import { makeAnswer } from '../../src/core/answer-base.js';
import { toAnswerJson } from '../../src/core/answer-json.js';
import { createKnowledgeBase } from '../../src/core/knowledge-base.js';
import { incidentSchema } from '../../src/core/model.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { answerToPlainText } from '../../src/core/plain-text.js';
import { respond } from '../../src/core/respond.js';
import { alphaInput, fixtureData } from '../fixtures/core-kb.js';

const source = (id: string, tier?: string) => ({
  id,
  publisher: `Publisher ${id}`,
  title: `Title ${id}`,
  url: `https://example.com/${id}`,
  kind: 'press' as const,
  note: `maintainers only: ${id} was cut off in the stored copy`,
  ...(tier ? { tier } : {}),
});

/** The fixture's default incident plus three sources of each tier (tiers set after parsing, as the data will). */
function kbWithTiers() {
  const incident = incidentSchema.parse({
    ...alphaInput,
    sources: [...(alphaInput.sources ?? []), source('p1'), source('r1'), source('r2'), source('s1')],
  });
  const tiers: Record<string, string> = { p1: 'primary', r1: 'repost', r2: 'repost' };
  for (const s of incident.sources) {
    if (tiers[s.id]) (s as { tier?: string }).tier = tiers[s.id];
  }
  const data = fixtureData();
  return createKnowledgeBase({ ...data, incidents: [incident, ...data.incidents.slice(1)] });
}

describe('citations', () => {
  const kb = kbWithTiers();
  const answer = makeAnswer(kb, {
    intent: 'question',
    incident: 'alpha-2023',
    title: 'T',
    facts: [
      { id: 'a', text: 'Backed by a repost and a report.', sources: ['r1', 'p1'] },
      { id: 'b', text: 'Backed by reposts only.', sources: ['r1', 'r2'] },
      { id: 'c', text: 'Backed by an untiered source and the first report.', sources: ['s1', 'p1', 'missing'] },
    ],
  });

  it('numbers sources by first citation and leaves a repost out where something better supports the fact', () => {
    expect(answer.facts.map((f) => f.cites)).toEqual([[1], [2, 3], [4, 1]]);
    expect(answer.sources.map((s) => [s.n, s.id, s.tier])).toEqual([
      [1, 'p1', 'primary'],
      [2, 'r1', 'repost'],
      [3, 'r2', 'repost'],
      [4, 's1', 'secondary'],
    ]);
  });

  it('never carries a maintainers’ note to a user', () => {
    expect(JSON.stringify(answer.sources)).not.toContain('maintainers only');
    expect(answerToPlainText(answer)).not.toContain('maintainers only');
    expect(JSON.stringify(toAnswerJson(answer))).not.toContain('maintainers only');
  });

  it('ties facts to the numbered list in plain text', () => {
    const text = answerToPlainText(answer);
    expect(text).toContain('- Backed by reposts only. [2][3]');
    expect(text).toContain('[4] Publisher s1, "Title s1" https://example.com/s1');
    expect(citeMarks([4, 1])).toBe('[4][1]');
  });

  it('adds cites, n and tier to ask --json without changing the old fields', () => {
    const json = toAnswerJson(answer);
    expect(json.facts[2]).toEqual({
      id: 'c',
      text: 'Backed by an untiered source and the first report.',
      sources: ['s1', 'p1', 'missing'],
      cites: [4, 1],
    });
    expect(json.sources[0]).toEqual({
      id: 'p1',
      publisher: 'Publisher p1',
      title: 'Title p1',
      url: 'https://example.com/p1',
      n: 1,
      tier: 'primary',
    });
  });

  it('resolves every citation of every fact of real answers to a listed source', () => {
    for (const q of ['timeline', 'victims', 'logging', 'status', 'when was it detected', 'beta-breach timeline']) {
      const real = respond(kb, parseCommand(q, kb), { now: new Date('2025-01-01T00:00:00Z') });
      const numbers = new Set(real.sources.map((s) => s.n));
      expect(real.facts.length).toBeGreaterThan(0);
      for (const fact of real.facts) {
        expect(fact.cites?.length, `${q}: ${fact.id}`).toBeGreaterThan(0);
        for (const n of fact.cites ?? []) expect(numbers.has(n)).toBe(true);
      }
    }
  });

  it('finds the numbers of an item by its fact and of a section text by the fact it shows', () => {
    const citations = citationsOf(answer);
    expect(citations.item({ text: 'x', factId: 'b' })).toEqual([2, 3]);
    expect(citations.text('Backed by a repost and a report.')).toEqual([1]);
    expect(citations.item({ text: 'no fact' })).toBeUndefined();
  });
});

describe('asOf', () => {
  const kb = kbWithTiers();
  const now = new Date('2025-01-01T00:00:00Z');

  it('is the incident’s status date on time-bound answers, and absent on the rest', () => {
    expect(respond(kb, parseCommand('status', kb), { now }).asOf).toBe('2024-01');
    expect(respond(kb, parseCommand('logging', kb), { now }).asOf).toBe('2024-01');
    expect(respond(kb, parseCommand('timeline', kb), { now }).asOf).toBeUndefined();
  });

  it('is said as a month in plain text and in ask --json as the ISO date', () => {
    const status = respond(kb, parseCommand('status', kb), { now });
    expect(answerToPlainText(status).split('\n')[1]).toBe('As of January 2024.');
    expect(toAnswerJson(status).asOf).toBe('2024-01');
  });
});

describe('code sections', () => {
  const answer: Answer = {
    kind: 'answer',
    intent: 'indicators',
    incident: null,
    title: 'Indicators',
    sections: [
      { items: [{ text: '192.0.2.1' }] },
      { code: { text: '192.0.2.1\n198.51.100.7\n', label: 'All values, one per line', language: 'csv' } },
    ],
    facts: [],
    sources: [],
    suggestions: [],
    confidence: 1,
    kbVersion: 'v',
  };

  it('is indented under its label in plain text', () => {
    expect(answerToPlainText(answer)).toContain('All values, one per line:\n    192.0.2.1\n    198.51.100.7');
  });

  it('is listed in ask --json as it is', () => {
    expect(toAnswerJson(answer).code).toEqual([
      { text: '192.0.2.1\n198.51.100.7\n', label: 'All values, one per line', language: 'csv' },
    ]);
  });
});

describe('maintainers’ notes on the real data', () => {
  it('never reach an answer, on any page of `sources` or in any golden answer', async () => {
    const { loadKnowledgeBase } = await import('../../src/kb/load.js');
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const real = createKnowledgeBase((await loadKnowledgeBase({ dir: 'data/incidents' })).data);
    const notes = real.incidents.flatMap((i) => i.sources.flatMap((s) => (s.note ? [s.note.slice(0, 60)] : [])));
    expect(notes.length).toBeGreaterThan(5);
    const golden = parse(readFileSync('test/golden/questions.yaml', 'utf8')) as Array<{ q: string }>;
    const questions = [...golden.map((c) => c.q), ...[1, 2, 3, 4, 5, 6, 7, 8].map((p) => `sources page ${p}`)];
    for (const q of questions) {
      const answer = respond(real, parseCommand(q, real), { now: new Date('2026-11-30T00:00:00Z') });
      const shown = `${answerToPlainText(answer)}\n${JSON.stringify(toAnswerJson(answer))}`;
      for (const note of notes) expect(shown, q).not.toContain(note);
    }
  });
});
