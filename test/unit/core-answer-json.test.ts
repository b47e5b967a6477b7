// The `ask --json` shape (CONTRACTS.md) and the plain text every surface falls back to.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { toAnswerJson } from '../../src/core/answer-json.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { answerToPlainText } from '../../src/core/plain-text.js';
import { respond } from '../../src/core/respond.js';
import { fixtureKb } from '../fixtures/core-kb.js';

const kb = fixtureKb();
const now = new Date('2025-01-01T00:00:00Z');
const ask = (text: string) => respond(kb, parseCommand(text, kb), { now });

describe('toAnswerJson', () => {
  it('has exactly the contract keys', () => {
    const json = toAnswerJson(ask('timeline'));
    expect(Object.keys(json).sort()).toEqual(
      [
        'kind',
        'intent',
        'incident',
        'confidence',
        'title',
        'text',
        'facts',
        'sources',
        'suggestions',
        'more',
        'kbVersion',
      ].sort(),
    );
    expect(json).toMatchObject({ kind: 'answer', intent: 'timeline', incident: 'alpha-2023', kbVersion: 'fixture-1' });
  });
  it('gives facts with ISO dates and sources with url and publisher', () => {
    const json = toAnswerJson(ask('when was it detected'));
    expect(json.facts[0]).toMatchObject({ id: 'e-detected', date: '2023-04-10', sources: ['s-vendor', 's-gov'] });
    expect(json.sources[0]).toMatchObject({
      id: 's-vendor',
      publisher: 'Alpha Cloud',
      url: 'https://example.com/s-vendor',
    });
  });
  it('carries corrections on the facts that make them', () => {
    const fact = toAnswerJson(ask('when was the key revoked')).facts[0];
    expect(fact?.corrects).toEqual(['e-bc-revoked']);
    expect(fact?.correctionNote).toContain('2023-04-20');
  });
  it('keeps the confidence between 0 and 1', () => {
    for (const q of ['help', 'zzzz', 'victims', 'what is wm']) {
      const { confidence } = toAnswerJson(ask(q));
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });
  it('serializes to one line', () => {
    expect(JSON.stringify(toAnswerJson(ask('victims')))).not.toContain('\n');
  });
});

describe('answerToPlainText', () => {
  it.each(['timeline', 'victims', 'logging', 'indicators', 'actor', 'technique', 'status', 'how many tenants'])(
    'carries every fact of "%s"',
    (q) => {
      const answer = ask(q);
      const text = answerToPlainText(answer);
      for (const fact of answer.facts) {
        const words = fact.text.split(/\s+/).slice(0, 4).join(' ');
        expect(text).toContain(words);
      }
    },
  );
  it('adds facts no section shows', () => {
    const answer: Answer = {
      kind: 'answer',
      intent: 'question',
      incident: null,
      title: 'T',
      sections: [],
      facts: [{ id: 'f1', text: 'A fact nobody laid out.', date: '2023', sources: [] }],
      sources: [],
      suggestions: [],
      confidence: 1,
      kbVersion: 'v',
    };
    expect(answerToPlainText(answer)).toContain('2023  A fact nobody laid out.');
  });
  it('shows the next page, the sources and the suggestions', () => {
    const text = answerToPlainText(ask('timeline'));
    expect(text).toContain('More: timeline page 2');
    expect(text).toContain('https://example.com/s-vendor');
    expect(text).toMatch(/Try: /);
  });
  it('says "Did you mean" for clarify answers', () => {
    const answer = ask('digest weekly someday 9');
    expect(answerToPlainText(answer)).toContain('Did you mean');
  });
});
